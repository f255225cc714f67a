#!/usr/bin/python3
"""The peers of `descent bench`: the same work in PyTorch, pandas and numpy.

`descent bench` runs this script with Debian's /usr/bin/python3 and sets
each figure beside its own, measured in the same run:

  peers.py [--quick] [--assets DIR] [--csv FILE] NAME...

prints one line per NAME, `name value unit`, or `name unavailable (why)`
when the library it needs is not installed. Names:

  torch_adam_rosenbrock_step_us  one torch.optim.Adam step on 2 parameters
  torch_mlp_sgdhd_step_us        one SGD-HD step of the seed's 10-64-1 MLP,
                                 full batch of 100 rows, float64
  torch_softmax_digits_step_us   one full-batch SGD step of softmax
                                 regression on digits (1438 x 64, 10
                                 classes), float64
  torch_adam_trace_rows_per_s    an Adam loop on rosenbrock writing its
                                 CSV trace with the csv module
  pandas_read_csv_ms             pandas.read_csv of --csv FILE
  numpy_central_grad_rosenbrock_us  a central-difference gradient

Every figure is the best of a few repeats, one thread, in processor time
(time.process_time), as descent's own figures are: the machine may be
shared, and time spent waiting for it is not the work's.
"""
import csv
import io
import os
import sys
import time


def best_of(fn, calls, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        for _ in range(calls):
            fn()
        best = min(best, (time.process_time() - t0) / calls)
    return best


def torch_module():
    import torch
    torch.set_num_threads(1)
    return torch


def rosenbrock(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def torch_adam_rosenbrock_step_us(quick, opts):
    torch = torch_module()
    p = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=0.01)

    def step():
        opt.zero_grad()
        rosenbrock(p).backward()
        opt.step()

    return best_of(step, 500 if quick else 5000) * 1e6, "us"


def torch_mlp_sgdhd_step_us(quick, opts):
    torch = torch_module()
    torch.manual_seed(0)
    X = torch.randn(100, 10, dtype=torch.float64)
    y = torch.randn(100, dtype=torch.float64)
    net = torch.nn.Sequential(torch.nn.Linear(10, 64), torch.nn.ReLU(),
                              torch.nn.Linear(64, 1)).double()
    params = list(net.parameters())
    state = {"lr": 0.01, "prev": None}

    def step():
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

    return best_of(step, 200 if quick else 2000) * 1e6, "us"


def digits(assets):
    import numpy as np
    path = os.path.join(assets, "datasets", "digits.csv")
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    n = int(0.8 * len(data))  # descent's training rows at --split 0.8
    return data[:n, :-1], data[:n, -1].astype(np.int64)


def torch_softmax_digits_step_us(quick, opts):
    torch = torch_module()
    x, y = digits(opts["assets"])
    X = torch.tensor(x, dtype=torch.float64)
    Y = torch.tensor(y)
    lin = torch.nn.Linear(X.shape[1], 10).double()
    opt = torch.optim.SGD(lin.parameters(), lr=0.01)

    def step():
        opt.zero_grad()
        torch.nn.functional.cross_entropy(lin(X), Y).backward()
        opt.step()

    return best_of(step, 50 if quick else 500) * 1e6, "us"


def torch_adam_trace_rows_per_s(quick, opts):
    torch = torch_module()
    rows = 2000 if quick else 20000
    p = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=1e-3)
    out = io.StringIO()
    w = csv.writer(out)
    t0 = time.process_time()
    w.writerow(["step", "loss", "grad_norm", "lr", "x0", "x1"])
    for t in range(rows):
        opt.zero_grad()
        loss = rosenbrock(p)
        loss.backward()
        w.writerow([t, repr(loss.item()), repr(p.grad.norm().item()),
                    1e-3, repr(p[0].item()), repr(p[1].item())])
        opt.step()
    return rows / (time.process_time() - t0), "rows/s"


def pandas_read_csv_ms(quick, opts):
    import pandas
    if not opts["csv"]:
        raise ImportError("no --csv file given")
    return best_of(lambda: pandas.read_csv(opts["csv"]), 1,
                   1 if quick else 3) * 1e3, "ms"


def numpy_central_grad_rosenbrock_us(quick, opts):
    import numpy as np

    def central(p, h=1e-7):
        g = np.empty_like(p)
        for i in range(p.size):
            e = np.zeros_like(p)
            e[i] = h
            g[i] = (rosenbrock(p + e) - rosenbrock(p - e)) / (2 * h)
        return g

    p = np.array([-1.5, 2.0])
    return best_of(lambda: central(p), 2000 if quick else 20000) * 1e6, "us"


PEERS = {f.__name__: f for f in (
    torch_adam_rosenbrock_step_us, torch_mlp_sgdhd_step_us,
    torch_softmax_digits_step_us, torch_adam_trace_rows_per_s,
    pandas_read_csv_ms, numpy_central_grad_rosenbrock_us)}


def main(argv):
    opts = {"quick": False, "assets": os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "assets"),
        "csv": None}
    names = []
    it = iter(argv)
    for a in it:
        if a == "--quick":
            opts["quick"] = True
        elif a in ("--assets", "--csv"):
            opts[a[2:]] = next(it, None)
        else:
            names.append(a)
    for name in names or list(PEERS):
        fn = PEERS.get(name)
        if fn is None:
            print(f"{name} unavailable (no such peer)")
            continue
        try:
            value, unit = fn(opts["quick"], opts)
            print(f"{name} {value:.6g} {unit}")
        except ImportError as e:
            print(f"{name} unavailable ({e})")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
