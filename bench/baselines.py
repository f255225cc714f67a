#!/usr/bin/python3
"""Baselines for descent's benchmarks: the same work in numpy and PyTorch.

Prints `name value unit` lines like `descent bench`, for whatever of numpy
and torch is installed (Debian: python3-numpy, python3-torch), so the
figures can be set side by side:

  numpy_central_grad_rosenbrock_us   numpy central-difference gradient, one call
  torch_adam_rosenbrock_step_us      one torch.optim.Adam step on 2 parameters
  torch_mlp_sgdhd_step_us            one SGD-HD step of the seed's 10-64-1 MLP,
                                     full batch of 100 rows, float64

Run with the system interpreter: /usr/bin/python3 bench/baselines.py
"""
import time


def best_of(fn, calls, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - t0) / calls)
    return best


def numpy_baseline():
    import numpy as np

    def f(p):
        return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2

    def central(p, h=1e-7):
        g = np.empty_like(p)
        for i in range(p.size):
            e = np.zeros_like(p)
            e[i] = h
            g[i] = (f(p + e) - f(p - e)) / (2 * h)
        return g

    p = np.array([-1.5, 2.0])
    t = best_of(lambda: central(p), 20000)
    print(f"numpy_central_grad_rosenbrock_us {t * 1e6:.2f} us")


def torch_baseline():
    import torch
    torch.set_num_threads(1)
    p = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=0.01)

    def step():
        opt.zero_grad()
        loss = (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2
        loss.backward()
        opt.step()

    t = best_of(step, 5000)
    print(f"torch_adam_rosenbrock_step_us {t * 1e6:.2f} us")

    torch.manual_seed(0)
    X = torch.randn(100, 10, dtype=torch.float64)
    y = torch.randn(100, dtype=torch.float64)
    net = torch.nn.Sequential(torch.nn.Linear(10, 64), torch.nn.ReLU(),
                              torch.nn.Linear(64, 1)).double()
    params = list(net.parameters())
    state = {"lr": 0.01, "prev": None}

    def sgd_hd_step():
        for q in params:
            q.grad = None
        loss = ((net(X).squeeze(1) - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            g = torch.cat([q.grad.reshape(-1) for q in params])
            if state["prev"] is not None:
                state["lr"] += 1e-3 * float(g @ state["prev"])
            state["prev"] = g
            for q in params:
                q -= state["lr"] * q.grad

    t = best_of(sgd_hd_step, 2000)
    print(f"torch_mlp_sgdhd_step_us {t * 1e6:.2f} us")


for name, fn in (("numpy", numpy_baseline), ("torch", torch_baseline)):
    try:
        fn()
    except ImportError:
        print(f"# {name} is not installed; skipped")
