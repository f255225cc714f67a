#!/usr/bin/env python3
"""End-to-end tests of the reference methods (DESIGN §3d) and the theory
on quadratics (§5) through `descent run`: summaries (golden), traces with
evaluation counts, what the methods refuse, and the evaluation counts of
every method on rosenbrock and beale.

usage: ref_e2e.py DESCENT_BINARY REF_DIR [--update]
"""
import json
import os
import sys
import tempfile

from e2e_lib import check, finish, golden, read_csv, run

METHODS = ["newton", "bfgs", "cg-fr", "cg-pr", "steepest", "nelder-mead"]


def test_summaries():
    for name, args in [
        ("run_newton_saddle.txt",
         ["run", "--objective", "saddle", "--optimizer", "newton", "--start",
          "1,0.5", "--steps", "3"]),
        ("run_newton_singular.txt",
         ["run", "--objective", "x^2 + y", "--optimizer", "newton"]),
        ("run_bfgs_rosenbrock.txt",
         ["run", "--objective", "rosenbrock", "--optimizer", "bfgs"]),
        ("run_nelder_mead_beale.txt",
         ["run", "--objective", "beale", "--optimizer", "nelder-mead"]),
        ("run_momentum_theory.txt",
         ["run", "--objective", "ill", "--optimizer", "momentum", "--lr",
          "0.004", "--momentum", "0.1", "--steps", "200"]),
    ]:
        p = run(args)
        check(f"{name} exit", p.returncode == 0, p.stderr)
        golden(name, p.stdout)


def test_traces(tmp):
    out = os.path.join(tmp, "bfgs.csv")
    p = run(["run", "--optimizer", "bfgs", "--trace", out, "--quiet"])
    check("bfgs trace exit", p.returncode == 0, p.stderr)
    head, rows = read_csv(out)
    check("evals and gevals are the last columns",
          head[-2:] == ["evals", "gevals"], head)
    check("row 0: GSL's set evaluated f and ∇f once", rows[0][-2:] == [1, 1],
          rows[0])
    check("counts only grow", all(a[-2] <= b[-2] and a[-1] <= b[-1]
                                  for a, b in zip(rows, rows[1:])))
    check("a line search takes more than one evaluation",
          rows[-1][-2] > len(rows), rows[-1])
    out = os.path.join(tmp, "nm.jsonl")
    p = run(["run", "--optimizer", "nelder-mead", "--trace", out, "--quiet"])
    with open(out) as f:
        recs = [json.loads(line) for line in f]
    check("nelder-mead row 0: the starting simplex, no gradient",
          recs[1]["evals"] == 3 and recs[1]["gevals"] == 0, recs[1])
    check("nelder-mead: the end says why", recs[-1]["status"] == "converged"
          and "simplex" in recs[-1].get("reason", ""), recs[-1])
    check("nelder-mead header", recs[0]["optimizer"] == "nelder-mead"
          and recs[0]["lr"] == 0.1, recs[0])


def test_refusals(tmp):
    trace = os.path.join(tmp, "never.csv")
    for args, want in [
        (["--optimizer", "bfgs", "--clip", "norm:1"],
         "descent: --clip: bfgs takes no clipping"),
        (["--optimizer", "newton", "--hypergrad", "add"],
         "descent: --hypergrad: newton takes no hypergradient"),
        (["--optimizer", "nelder-mead", "--clip", "value:2"],
         "descent: --clip: nelder-mead takes no clipping"),
        (["--optimizer", "nelder-mead", "--schedule", "cosine:100"],
         "descent: --schedule: nelder-mead takes no schedule"),
        (["--optimizer", "steepest", "--schedule", "step:10:0.5"],
         "descent: --schedule: steepest takes no schedule"),
        (["--model", "logreg", "--batch", "8", "--optimizer", "cg-pr"],
         "descent: --batch: cg-pr takes no minibatches: it works on the "
         "whole objective"),
        (["--optimizer", "bfgs", "--export-python", "never.py"],
         "descent: --export-python: bfgs is a reference method, not a "
         "torch.optim optimiser: there is no PyTorch script to write"),
    ]:
        p = run(["run"] + args + ["--trace", trace], cwd=tmp)
        check(f"refused {args}", p.returncode == 2 and p.stderr == want + "\n"
              and not os.path.exists(trace)
              and not os.path.exists(os.path.join(tmp, "never.py")), p.stderr)


def test_defaults_and_help():
    p = run(["run", "--optimizer", "newton", "--steps", "1"])
    check("newton's α is 1", "lr:        1\n" in p.stdout, p.stdout)
    p = run(["run", "--optimizer", "bfgs", "--steps", "1"])
    check("bfgs's step is 0.01", "lr:        0.01\n" in p.stdout, p.stdout)
    p = run(["run", "--help"])
    check("help names the methods", all(m in p.stdout for m in METHODS),
          p.stdout)


def test_evaluation_counts():
    """Every method on rosenbrock and beale from its default start, to
    ‖g‖ < 1e-6 (or where the method stops), at most 20000 updates: the
    figures of the closing note, printed here."""
    first_order = [("sgd", "0.001"), ("momentum", "0.001"),
                   ("nesterov", "0.001"), ("adagrad", "0.1"),
                   ("rmsprop", "0.01"), ("adam", "0.01"), ("adamw", "0.01"),
                   ("nadam", None), ("adamax", None), ("adadelta", None)]
    print("evaluations to ‖g‖ < 1e-6 (f, ∇f, Hessians; status at step):")
    for obj in ("rosenbrock", "beale"):
        for name, lr in first_order + [(m, None) for m in METHODS]:
            args = ["run", "--objective", obj, "--optimizer", name, "--tol",
                    "1e-6", "--steps", "20000"]
            if lr:
                args += ["--lr", lr]
            p = run(args)
            lines = dict(l.split(None, 1) for l in p.stdout.splitlines()
                         if l and not l.startswith(" "))
            evals = lines.get("evals:", "?").strip()
            status = lines.get("status:", "?").split(" (")[0].strip()
            print(f"  {obj:<10} {name:<11} {evals:<32} {status}")
            check(f"{obj} {name} ran", p.returncode == 0, p.stderr)
            if name in ("newton", "bfgs", "cg-pr", "nelder-mead"):
                check(f"{obj} {name} converges", "converged" in status, status)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_summaries()
        test_traces(tmp)
        test_refusals(tmp)
        test_defaults_and_help()
        test_evaluation_counts()
    sys.exit(finish("ref cli"))


if __name__ == "__main__":
    main()
