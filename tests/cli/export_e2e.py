#!/usr/bin/env python3
"""End-to-end test of descent run --export-python: each exported script,
run with PyTorch, prints the trajectory descent's own trace holds, to
1e-9, for every torch-style optimiser with and without clipping and
hypergradient descent, and for every model; what cannot be exported is
refused (exit 2, nothing written).

usage: export_e2e.py DESCENT_BINARY REF_DIR
Run it with a Python that has torch (Debian's python3-torch); without
torch it reports itself skipped (exit 77).
"""
import contextlib
import io
import math
import os
import runpy
import sys

from e2e_lib import check, run, run_tests

try:
    import torch  # noqa: F401  (the scripts import it; loaded once here)
except ImportError:
    print("export-e2e: skipped: this Python has no torch "
          "(apt-get install python3-torch)")
    sys.exit(77)

TOL = 1e-9
START = {"rosenbrock": "-1.5,2", "booth": "-2,-1", "himmelblau": "1,1",
         "x^2 + 3*sin(y) + max(x, 1)": "1,2"}
LR = {"sgd": "0.001", "momentum": "0.001", "nesterov": "0.001",
      "adagrad": "0.1", "rmsprop": "0.01", "adam": "0.01", "adamw": "0.01",
      "nadam": "0.01", "adamax": "0.01", "adadelta": "1"}
VARIANTS = [
    ("plain", "rosenbrock", []),
    ("clip norm, hypergrad add", "booth",
     ["--clip", "norm:5", "--hypergrad", "add"]),
    ("clip value, hypergrad mult", "himmelblau",
     ["--clip", "value:3", "--hypergrad", "mult", "--lr-max", "0.2"]),
    ("expression, tol", "x^2 + 3*sin(y) + max(x, 1)", ["--tol", "1e-3"]),
]


def parse(text):
    lines = text.split()
    return lines[0], [[float(v) for v in l.split(",")] for l in lines[1:]]


def compare(name, want_text, got_text):
    head, want = parse(want_text)
    ghead, got = parse(got_text)
    check(f"{name}: header", head == ghead, (head, ghead))
    check(f"{name}: rows", len(want) == len(got), (len(want), len(got)))
    worst = 0.0
    for c in range(len(want[0]) if want else 0):
        scale = max((abs(r[c]) for r in want if math.isfinite(r[c])),
                    default=0.0)
        for r, s in zip(want, got):
            a, b = r[c], s[c]
            if a == b or (math.isnan(a) and math.isnan(b)):
                continue
            worst = max(worst, abs(a - b) / max(abs(a), abs(b), scale, 1e-300))
    check(f"{name}: within {TOL} of descent's trace", worst <= TOL, worst)


def run_script(path):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(path, run_name="__main__")
    return out.getvalue()


def exported(tmp, name, args):
    """Exports the run of args, runs the script, compares it with the
    trace of the same run."""
    script = os.path.join(tmp, "run.py")
    p = run(args + ["--quiet", "--force", "--export-python", script])
    check(f"{name}: export", p.returncode == 0 and p.stderr == "", p.stderr)
    if p.returncode == 0:
        compare(name, run(args + ["--trace", "-"]).stdout, run_script(script))


def test_optimisers(tmp):
    for opt, lr in LR.items():
        for variant, objective, extra in VARIANTS:
            exported(tmp, f"{opt}, {variant}",
                     ["run", "--objective", objective, "--start",
                      START[objective], "--optimizer", opt, "--lr", lr,
                      "--steps", "300"] + extra)


def test_models(tmp):
    """Models: the data as descent prepared it, the loss in torch, the
    validation and accuracy columns."""
    for model in ("linreg", "logreg", "softmax", "mlp", "ridge"):
        lr = "1e-4" if model == "ridge" else "0.01"
        for extra in (["--optimizer", "adam", "--lr", lr],
                      ["--optimizer", "sgd", "--lr", lr, "--clip", "norm:1",
                       "--hypergrad", "add", "--hd-beta", "1e-6"]):
            exported(tmp, f"{model}, {' '.join(extra[1::2])}",
                     ["run", "--model", model, "--steps", "60"] + extra)


def test_methods(tmp):
    """Issue 11's settings: weight decay (coupled, adamw's decoupled),
    dampening, amsgrad, each schedule, forward differences."""
    for opt, extra in [
        ("adamw", ["--amsgrad", "--schedule", "cosine:300"]),
        ("adam", ["--amsgrad", "--weight-decay", "0.1"]),
        ("nadam", ["--weight-decay", "0.05", "--clip", "norm:5"]),
        ("adamax", ["--schedule", "step:100:0.5", "--weight-decay", "0.01"]),
        ("adadelta", ["--schedule", "warmup:50", "--weight-decay", "0.01"]),
        ("momentum", ["--dampening", "0.3", "--weight-decay", "0.1",
                      "--schedule", "exp:0.99"]),
        ("rmsprop", ["--weight-decay", "0.01", "--hypergrad", "add"]),
        ("sgd", ["--grad", "forward:1e-6", "--schedule", "warmup:30:0.5"]),
    ]:
        exported(tmp, f"{opt} {' '.join(extra)}",
                 ["run", "--objective", "rosenbrock", "--start", "-1.5,2",
                  "--optimizer", opt, "--lr", LR[opt], "--steps", "300"]
                 + extra)


def test_central(tmp):
    """Central differences are written out as descent takes them."""
    exported(tmp, "central",
             ["run", "--objective", "booth", "--optimizer", "momentum",
              "--lr", "0.01", "--grad", "central", "--h", "1e-4", "--steps",
              "100"])


def test_refused(tmp):
    script = os.path.join(tmp, "m.py")
    for name, args in [
        ("minibatches", ["--model", "linreg", "--batch", "10"]),
        ("an existing file", ["--objective", "quadratic"]),
        ("a missing directory", ["--objective", "quadratic"]),
        ("float32", ["--objective", "quadratic", "--precision", "single"]),
    ]:
        path = script
        if name == "an existing file":
            path = os.path.join(tmp, "keep.py")
            with open(path, "w") as f:
                f.write("mine")
        if name == "a missing directory":
            path = os.path.join(tmp, "no", "s.py")
        p = run(["run"] + args + ["--quiet", "--export-python", path])
        check(f"{name}: exit 2, one line", p.returncode == 2 and
              p.stderr.startswith("descent: --export-python: ") and
              p.stderr.count("\n") == 1, (p.returncode, p.stderr))
    check("nothing written", sorted(os.listdir(tmp)) == ["keep.py"],
          os.listdir(tmp))
    with open(os.path.join(tmp, "keep.py")) as f:
        check("existing script untouched", f.read() == "mine")


if __name__ == "__main__":
    sys.exit(run_tests("export-e2e", [test_optimisers, test_methods,
                                      test_central],
                       [test_models], [test_refused]))
