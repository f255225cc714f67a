#!/usr/bin/env python3
"""End-to-end tests of issue 11's first-order methods through descent run:

- against PyTorch 1.13 (float64), computed here when torch is importable
  (Debian's python3-torch; the script re-runs itself under /usr/bin/python3
  when the python3 it was given lacks torch): every optimiser with and
  without weight decay, dampening, amsgrad and every schedule, on beale,
  on a typed expression and on the MLP of tests/ref; to 1e-9 relative
  (the trace's loss, lr, x0, x1, as tests/ref_match.c judges them);
- float32 (--precision single) against numpy float32 (sgd, momentum,
  adam on rosenbrock and beale), bit for bit, and float32 traces printed
  as the shortest text of each float32;
- gradcheck --precision single: the zero step at (2,1) on x² + y²;
- bad input: a schedule with --hypergrad, --amsgrad with sgd, --dampening
  with nesterov, a negative --weight-decay, malformed schedules: exit 2,
  one line, nothing written.

usage: methods_e2e.py DESCENT_BINARY REF_DIR
Without torch the torch comparisons are skipped with a message saying so;
DESCENT_TORCH_REPORT=1 prints the worst error of each case.
"""
import os
import subprocess
import sys
import tempfile

try:
    import numpy as np
    import torch
except ImportError:
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    np = torch = None

from e2e_lib import REF, check, finish, read_csv, rel, run

STEPS = 300
OPTIMISERS = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam",
              "adamw", "nadam", "adamax", "adadelta"]
LR = {"sgd": 1e-3, "momentum": 1e-3, "nesterov": 1e-3, "adagrad": 0.1,
      "rmsprop": 0.01, "adam": 0.01, "adamw": 0.01, "nadam": 0.01,
      "adamax": 0.01, "adadelta": 1.0}


def torch_optimizer(name, params, lr, wd, damp, ams):
    o = torch.optim
    if name in ("sgd", "momentum", "nesterov"):
        mom = 0.0 if name == "sgd" else 0.9
        return o.SGD(params, lr=lr, momentum=mom, dampening=damp,
                     nesterov=name == "nesterov", weight_decay=wd)
    make = {"adagrad": o.Adagrad, "rmsprop": o.RMSprop, "nadam": o.NAdam,
            "adamax": o.Adamax, "adadelta": o.Adadelta, "adam": o.Adam,
            "adamw": o.AdamW}[name]
    kw = {"lr": lr, "weight_decay": wd}
    if name in ("adam", "adamw"):
        kw["amsgrad"] = ams
    return make(params, **kw)


def torch_schedule(spec, opt):
    if not spec:
        return None
    kind, *a = spec.split(":")
    s = torch.optim.lr_scheduler
    if kind == "step":
        return s.StepLR(opt, int(a[0]), float(a[1]))
    if kind == "exp":
        return s.ExponentialLR(opt, float(a[0]))
    if kind == "cosine":
        return s.CosineAnnealingLR(opt, int(a[0]), float(a[1]) if a[1:] else 0)
    return s.LinearLR(opt, start_factor=float(a[1]) if a[1:] else 0.1,
                      total_iters=int(a[0]))


def torch_rows(f, params, opt, sched, steps):
    """Rows (loss, lr, θ...) as descent's trace has them: row t is the
    state after t updates and the rate update t used (row 0: update 1's)."""
    rows, rates = [], []
    for t in range(steps + 1):
        opt.zero_grad()
        loss = f()
        theta = [v for p in params for v in p.detach().reshape(-1).tolist()]
        rows.append([loss.item(), None] + theta)
        if t == steps:
            break
        rates.append(opt.param_groups[0]["lr"])
        loss.backward()
        opt.step()
        if sched:
            sched.step()
    rows[0][1] = rates[0]
    for t in range(1, steps + 1):
        rows[t][1] = rates[t - 1]
    return rows


def descent_rows(args, tmp, n_theta):
    out = os.path.join(tmp, "t.csv")
    p = run(["run"] + args + ["--trace", out, "--force", "--quiet"])
    if p.returncode != 0:
        return None, p.stderr
    head, rows = read_csv(out)
    cols = [head.index("loss"), head.index("lr")] + \
        [head.index(f"x{i}") for i in range(n_theta)]
    return [[r[c] for c in cols] for r in rows], ""


def worst_error(want, got):
    """The largest relative error, losses below 1e-12 of the first
    compared at that scale (as ref_match.c)."""
    floor = 1e-12 * abs(want[0][0])
    w = 0.0
    for a, b in zip(want, got):
        d = abs(a[0] - b[0])
        w = max(w, 0 if d == 0 else d / max(abs(a[0]), abs(b[0]), floor))
        w = max([w] + [rel(x, y) for x, y in zip(a[1:], b[1:])])
    return w


def beale(x):
    return lambda: ((1.5 - x[0] + x[0] * x[1]) ** 2 +
                    (2.25 - x[0] + x[0] * x[1] ** 2) ** 2 +
                    (2.625 - x[0] + x[0] * x[1] ** 3) ** 2)


EXPR = "(x - 1)^2 + 2*(y + 0.5)^2 + 0.3*sin(x*y)"


def expression(x):
    return lambda: ((x[0] - 1) ** 2 + 2 * (x[1] + 0.5) ** 2 +
                    0.3 * torch.sin(x[0] * x[1]))


def cases():
    """(name, optimiser, extra args, weight decay, dampening, amsgrad,
    schedule)."""
    for o in OPTIMISERS:
        yield o, o, 0.0, 0.0, False, ""
        yield o + " wd", o, 0.05, 0.0, False, ""
    yield "momentum wd damp", "momentum", 0.05, 0.3, False, ""
    yield "adam amsgrad", "adam", 0.0, 0.0, True, ""
    yield "adamw amsgrad wd", "adamw", 0.1, 0.0, True, ""
    for spec, o in [("step:50:0.5", "sgd"), ("exp:0.99", "momentum"),
                    ("cosine:300", "adam"), ("cosine:100:0.001", "adam"),
                    ("warmup:50", "adam"), ("warmup:30:0.5", "rmsprop")]:
        yield "schedule " + spec, o, 0.0, 0.0, False, spec


def args_of(o, wd, damp, ams, spec, lr):
    a = ["--optimizer", o, "--lr", repr(lr), "--steps", str(STEPS)]
    if wd or o == "adamw":
        a += ["--weight-decay", repr(wd if wd else 0.01)]
    if damp:
        a += ["--dampening", repr(damp)]
    if ams:
        a.append("--amsgrad")
    if spec:
        a += ["--schedule", spec]
    return a


def test_torch(tmp):
    if torch is None:
        print("skipped: PyTorch comparisons (no 'import torch' in this python "
              "or /usr/bin/python3; apt-get install python3-torch)")
        return
    torch.set_default_dtype(torch.float64)
    report = os.environ.get("DESCENT_TORCH_REPORT")
    worst = {}
    for name, o, wd, damp, ams, spec in cases():
        for fname, make, objective, start in [
                ("beale", beale, "beale", [1.0, 1.5]),
                ("expr", expression, EXPR, [1.5, 1.5])]:
            x = torch.tensor(start, requires_grad=True)
            opt = torch_optimizer(o, [x], LR[o], wd if wd or o != "adamw"
                                  else 0.01, damp, ams)
            want = torch_rows(make(x), [x], opt,
                              torch_schedule(spec, opt), STEPS)
            got, err = descent_rows(
                ["--objective", objective, "--start",
                 f"{start[0]!r},{start[1]!r}"] +
                args_of(o, wd, damp, ams, spec, LR[o]), tmp, 2)
            if got is None:
                check(f"{name} on {fname} runs", False, err)
                continue
            e = worst_error(want, got)
            check(f"{name} on {fname} within 1e-9 of torch", e <= 1e-9
                  and len(got) == len(want), e)
            key = ("schedule " + spec.split(":")[0]) if spec else o
            worst[key] = max(worst.get(key, 0.0), e)
            if report:
                print(f"  {name:24s} {fname:6s} {e:.3g}")
    test_mlp(tmp, worst, report)
    print("worst relative error against torch 1.13:")
    for k, v in worst.items():
        print(f"  {k:18s} {v:.3g}")


def test_mlp(tmp, worst, report):
    """The seed's network on tests/ref's data and initial parameters."""
    data = np.loadtxt(os.path.join(REF, "mlp_data.csv"), delimiter=",",
                      skiprows=1)
    X, y = torch.tensor(data[:, :10]), torch.tensor(data[:, 10])
    init = np.loadtxt(os.path.join(REF, "mlp_init.txt"))
    steps = 60
    base = ["--model", "mlp", "--data", os.path.join(REF, "mlp_data.csv"),
            "--init", os.path.join(REF, "mlp_init.txt"), "--split", "1",
            "--no-shuffle", "--scale", "none", "--trace-params", "2"]
    for o, wd, spec in [("adamw", 0.01, "cosine:60"), ("nadam", 0.0, ""),
                        ("adamax", 0.01, ""), ("adadelta", 0.0, "exp:0.98"),
                        ("momentum", 0.01, "step:20:0.5")]:
        W1 = torch.tensor(init[:640].reshape(64, 10), requires_grad=True)
        b1 = torch.tensor(init[640:704], requires_grad=True)
        W2 = torch.tensor(init[704:768].reshape(1, 64), requires_grad=True)
        b2 = torch.tensor(init[768:769], requires_grad=True)
        ps = [W1, b1, W2, b2]
        lr = 0.5 if o == "adadelta" else 0.01
        opt = torch_optimizer(o, ps, lr, wd, 0.0, False)

        def f():
            h = torch.relu(X @ W1.T + b1)
            return torch.mean(((h @ W2.T + b2).reshape(-1) - y) ** 2)
        want = [r[:4] for r in torch_rows(f, ps, opt,
                                          torch_schedule(spec, opt), steps)]
        a = args_of(o, wd, 0.0, False, spec, lr)
        a[a.index("--steps") + 1] = str(steps)
        got, err = descent_rows(base + a, tmp, 2)
        if got is None:
            check(f"mlp {o} runs", False, err)
            continue
        e = worst_error(want, got)
        check(f"mlp {o} {spec} within 1e-9 of torch", e <= 1e-9, e)
        worst["mlp " + o] = e
        if report:
            print(f"  mlp {o:20s} {spec:10s} {e:.3g}")


# ---- float32 against numpy, operation for operation

def f32(v):
    return np.float32(v)


def rosenbrock32(p):
    x, y = p
    a, w = f32(1) - x, y - x * x
    t = f32(100) * (f32(2) * w)
    return a * a + f32(100) * (w * w), np.array(
        [-(f32(2) * (f32(1) - x)) - t * (f32(2) * x), t], dtype=np.float32)


def beale32(p):
    x, y = p
    f, g, yk = f32(0), np.zeros(2, np.float32), f32(1)
    for k, c in enumerate([f32(1.5), f32(2.25), f32(2.625)], start=1):
        ykm1 = yk
        yk = yk * y
        r = c - x + x * yk
        f = f + r * r
        g[0] = g[0] + f32(2) * r * (yk - f32(1))
        g[1] = g[1] + f32(2) * r * (f32(k) * x * ykm1)
    return f, g


def numpy_rows(fg, start, opt, lr, steps):
    """float32 sgd, momentum and adam as descent's single kernels: scalars
    computed in double, rounded where they meet the float32 state, no
    fused multiply-adds."""
    th = np.array(start, dtype=np.float32)
    m = np.zeros(2, np.float32)
    v = np.zeros(2, np.float32)
    rows = []
    for t in range(steps + 1):
        f, g = fg(th)
        rows.append([f] + list(th))
        if t == steps:
            break
        if opt == "sgd":
            th = th + f32(-lr) * g
        elif opt == "momentum":
            m = g.copy() if t == 0 else f32(1.0) * g + f32(0.9) * m
            th = th + f32(-lr) * m
        else:
            s = t + 1
            bc1, bc2 = 1 - 0.9 ** s, (1 - 0.999 ** s) ** 0.5
            m = f32(1 - 0.9) * g + f32(0.9) * m
            v = (f32(1 - 0.999) * g) * g + f32(0.999) * v
            den = np.sqrt(v) / f32(bc2) + f32(1e-8)
            th = th + (f32(-(lr / bc1)) * m) / den
    return rows


def test_float32(tmp):
    if np is None:
        print("skipped: numpy float32 comparisons (no numpy)")
        return
    for fn, fg, start in [("rosenbrock", rosenbrock32, [-1.5, 2.0]),
                          ("beale", beale32, [1.0, 1.5])]:
        for opt, lr in [("sgd", 1e-3), ("momentum", 1e-3), ("adam", 0.01)]:
            want = numpy_rows(fg, start, opt, lr, STEPS)
            out = os.path.join(tmp, "f32.csv")
            p = run(["run", "--objective", fn, "--optimizer", opt, "--lr",
                     repr(lr), "--steps", str(STEPS), "--precision", "single",
                     "--trace", out, "--force", "--quiet"])
            check(f"float32 {opt} on {fn} runs", p.returncode == 0, p.stderr)
            with open(out) as f:
                lines = f.read().splitlines()[1:]
            bad = None
            for t, (line, w) in enumerate(zip(lines, want)):
                c = line.split(",")
                got = [np.float32(c[1]), np.float32(c[8]), np.float32(c[9])]
                printed = [c[1], c[8], c[9]]
                if any(a != b for a, b in zip(got, w)) or any(
                        np.float32(s) != a or len(s) > len(repr(float(a)))
                        for s, a in zip(printed, got)):
                    bad = (t, line, [repr(x) for x in w])
                    break
            check(f"float32 {opt} on {fn} equals numpy float32 bit for bit",
                  bad is None and len(lines) == STEPS + 1, bad)
    # The shortest text of each float32, not of the double holding it.
    p = run(["run", "--objective", "quadratic", "--start", "0.1,0.2",
             "--optimizer", "sgd", "--lr", "0.1", "--steps", "1",
             "--precision", "single", "--trace", "-"])
    row0 = p.stdout.splitlines()[1].split(",")
    check("float32 trace prints 0.1 and 0.2 as such", row0[8:10] ==
          ["0.1", "0.2"], row0)


def test_gradcheck_single():
    p = run(["gradcheck", "--objective", "x^2 + y^2", "--at", "2,1",
             "--precision", "single"])
    out = p.stdout
    check("gradcheck single exit", p.returncode == 0, p.stderr)
    check("gradcheck single shows the zero step",
          "forward  ∂x 0 " in out and "zero step: x + h == x" in out, out)
    check("gradcheck single sweep fails at 1e-07",
          any(l.startswith("  1e-07") and "x + h == x" in l
              for l in out.splitlines()), out)
    p = run(["gradcheck", "--objective", "x^2 + y^2", "--at", "2,1"])
    check("gradcheck double: no zero step", "zero step" not in p.stdout,
          p.stdout)
    p = run(["gradcheck", "--objective", "beale", "--precision", "single"])
    best = [l for l in p.stdout.splitlines() if "best central" in l]
    check("float32 sweep: best h near 1e-2..1e-3",
          best and best[0].split()[0] in ("1e-02", "1e-03"), best)


def test_bad_input(tmp):
    out = os.path.join(tmp, "never.csv")
    for args, want in [
            (["--optimizer", "sgd", "--schedule", "step:10:0.5",
              "--hypergrad", "add"],
             "descent: --schedule: a schedule and --hypergrad are "
             "alternatives: give one (compare them side by side in the TUI)"),
            (["--optimizer", "sgd", "--amsgrad"],
             "descent: --amsgrad: sgd takes no amsgrad (adam and adamw do)"),
            (["--optimizer", "nesterov", "--dampening", "0.1"],
             "descent: --dampening: nesterov needs dampening 0 (torch's "
             "rule), got 0.1"),
            (["--optimizer", "adam", "--dampening", "0.1"],
             "descent: --dampening: adam takes no dampening (momentum does)"),
            (["--weight-decay", "-0.1"],
             "descent: --weight-decay: must be 0 or more, got -0.1"),
            (["--schedule", "cosine"],
             "descent: --schedule: 'cosine' is not cosine:T[:MIN], e.g. "
             "cosine:300"),
            (["--schedule", "step:0:0.5"],
             "descent: --schedule: must be at least 1, got 0"),
            (["--schedule", "warmup:10:2"],
             "descent: --schedule: F must be at most 1, got 2"),
            (["--schedule", "linear:10"],
             "descent: --schedule: unknown value 'linear' (one of: none, "
             "step, exp, cosine, warmup)"),
            (["--precision", "half"],
             "descent: --precision: unknown value 'half' (one of: double, "
             "single)"),
            (["--model", "linreg", "--precision", "single"],
             "descent: --precision: single precision is for built-in "
             "objectives and expressions; a model computes in double")]:
        p = run(["run"] + args + ["--trace", out])
        check(f"bad {args}: exit 2", p.returncode == 2, p.returncode)
        check(f"bad {args}: message", p.stderr.strip() == want, p.stderr)
        check(f"bad {args}: nothing written", not os.path.exists(out))
    for args in [["--optimizer", "nesterov", "--dampening", "0"],
                 ["--optimizer", "adam", "--weight-decay", "0"],
                 ["--optimizer", "adamw", "--weight-decay", "0", "--amsgrad"]]:
        p = run(["run", "--steps", "2", "--quiet"] + args)
        check(f"neutral {args} accepted", p.returncode == 0, p.stderr)


def test_defaults():
    """torch's default α of the new optimisers when --lr is not given, and
    the summary says what was set."""
    for o, lr in [("adamax", "0.002"), ("nadam", "0.002"), ("adadelta", "1"),
                  ("adamw", "0.001")]:
        p = run(["run", "--optimizer", o, "--steps", "1"])
        check(f"{o}: default lr {lr}", f"lr:        {lr}\n" in p.stdout,
              p.stdout)
    p = run(["run", "--optimizer", "adamw", "--amsgrad", "--schedule",
             "cosine:100", "--steps", "3", "--precision", "single"])
    check("summary names decay, amsgrad, schedule, float32",
          "adamw, grad analytic, weight decay 0.01, amsgrad, schedule "
          "cosine:100:0, float32" in p.stdout, p.stdout)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_bad_input(tmp)
        test_defaults()
        test_gradcheck_single()
        test_float32(tmp)
        test_torch(tmp)
    return finish("methods")


if __name__ == "__main__":
    sys.exit(main())
