#!/usr/bin/env python3
"""End-to-end tests of the descent command line: golden summaries, traces
against the PyTorch references, and bad input (exit 2, one line on stderr,
nothing written).

usage: cli_e2e.py DESCENT_BINARY REF_DIR [--update]
--update rewrites the golden files in tests/cli/golden from the binary.
"""
import json
import math
import os
import signal
import sys
import tempfile

from e2e_lib import (BIN, REF, check, finish, golden, read_csv, rel, run,
                     signalled)


def test_golden_summaries():
    for name, args in [
        ("run_rosenbrock_adam.txt",
         ["run", "--objective", "rosenbrock", "--optimizer", "adam", "--lr",
          "0.01", "--start", "-1.5,2", "--steps", "2000"]),
        ("run_quadratic_sgd_tol.txt",
         ["run", "--objective", "quadratic", "--optimizer", "sgd", "--lr",
          "0.5", "--tol", "1e-9"]),
        ("run_diverged.txt",
         ["run", "--objective", "rosenbrock", "--optimizer", "sgd", "--lr",
          "0.1", "--steps", "100"]),
        ("run_hd_clip.txt",
         ["run", "--objective", "beale", "--optimizer", "nesterov", "--lr",
          "1e-4", "--clip", "norm:5", "--hypergrad", "add", "--hd-beta",
          "1e-6", "--steps", "300"]),
        ("list_objectives.txt", ["list", "objectives"]),
        ("list_optimizers.txt", ["list", "optimizers"]),
    ]:
        p = run(args)
        check(f"{name} exit", p.returncode == 0, p.stderr)
        golden(name, p.stdout)


def test_trace_matches_pytorch(tmp):
    out = os.path.join(tmp, "out.csv")
    p = run(["run", "--objective", "rosenbrock", "--optimizer", "adam", "--lr",
             "0.01", "--start", "-1.5,2", "--steps", "2000", "--trace", out])
    check("adam trace exit", p.returncode == 0, p.stderr)
    head, rows = read_csv(out)
    check("trace header", head == ["step", "loss", "grad_norm", "clipped",
                                   "lr", "hypergrad", "lr_clamped",
                                   "update_norm", "x0", "x1", "evals",
                                   "gevals"], head)
    _, ref = read_csv(os.path.join(REF, "rosenbrock_adam_lr0.01.csv"))
    check("trace rows", len(rows) == len(ref) == 2001, len(rows))
    worst = max(max(rel(r[1], q[1]), rel(r[8], q[2]), rel(r[9], q[3]))
                for r, q in zip(rows, ref))
    check("adam trace within 1e-9 of PyTorch", worst <= 1e-9, worst)
    check("row 0 conventions", rows[0][3:8] == [0, 0.01, 0, 0, 0], rows[0])


def test_jsonl_equals_csv(tmp):
    base = ["run", "--objective", "himmelblau", "--optimizer", "rmsprop",
            "--lr", "0.05", "--clip", "value:3", "--hypergrad", "mult",
            "--steps", "200", "--quiet", "--trace"]
    csv_path, jl_path = os.path.join(tmp, "t.csv"), os.path.join(tmp, "t.jsonl")
    check("csv run", run(base + [csv_path]).returncode == 0)
    p = run(base + [jl_path])
    check("jsonl run quiet", p.returncode == 0 and p.stdout == "", p.stdout)
    head, rows = read_csv(csv_path)
    with open(jl_path) as f:
        recs = [json.loads(l) for l in f]
    check("jsonl header", recs[0]["type"] == "header" and recs[0]["format"] == 1
          and recs[0]["program"].startswith("descent ")
          and recs[0]["optimizer"] == "rmsprop" and recs[0]["clip"] == "value"
          and recs[0]["hypergrad"] == "mult" and recs[0]["columns"] == head,
          recs[0])
    steps = [r for r in recs if r["type"] == "step"]
    check("jsonl end", recs[-1] == {"type": "end", "status": "max_steps",
                                    "steps": 200}, recs[-1])
    same = len(steps) == len(rows) and all(
        [s[c] for c in head] == r for s, r in zip(steps, rows))
    check("jsonl rows equal csv rows bit for bit", same)
    # Shortest round-trip text: no number has a longer form than needed.
    with open(csv_path) as f:
        cells = f.read().split("\n", 1)[1].replace("\n", ",").split(",")
    long = [c for c in cells if c and repr(float(c)) != c
            and len(c) > len(repr(float(c)))]
    check("csv numbers are shortest", not long, long[:5])


def test_stdout_trace_and_locale():
    p = run(["run", "--objective", "quadratic", "--optimizer", "sgd", "--lr",
             "0.5", "--steps", "2", "--trace", "-"],
            env={"LC_ALL": "de_DE.UTF-8", "LC_NUMERIC": "de_DE.UTF-8"})
    check("trace to stdout", p.returncode == 0 and
          p.stdout.splitlines()[3].startswith("2,0,0,0,0.5,0,0,0,0,0"), p.stdout)


def test_interrupt(tmp):
    out = os.path.join(tmp, "int.csv")
    proc, so, se = signalled(["run", "--objective", "rosenbrock", "--lr",
                              "1e-9", "--steps", "1000000000", "--trace",
                              out], signal.SIGINT)
    check("interrupt exit 0", proc.returncode == 0, se)
    check("interrupt status stopped", "status:    stopped at step" in so, so)
    head, rows = read_csv(out)
    check("interrupted trace complete", rows[-1][0] == len(rows) - 1, rows[-1])


BAD = [
    (["run", "--lr", "0"], "descent: --lr: must be greater than 0, got 0"),
    (["run", "--lr", "-1"], "descent: --lr: must be greater than 0, got -1"),
    (["run", "--lr", "abc"], "descent: --lr: 'abc' is not a number"),
    (["run", "--lr", "0.5x"], "descent: --lr: '0.5x' is not a number"),
    (["run", "--lr", "nan"], "descent: --lr: 'nan' is not a number"),
    (["run", "--lr", "inf"], "descent: --lr: 'inf' is not a number"),
    (["run", "--lr", "1e999"], "descent: --lr: '1e999' is out of range"),
    (["run", "--lr", "0x10"], "descent: --lr: '0x10' is not a number"),
    (["run", "--lr"], "descent: --lr: missing value"),
    (["run", "--steps", "0"], "descent: --steps: must be at least 1, got 0"),
    (["run", "--steps", "2.5"], "descent: --steps: '2.5' is not a whole number"),
    (["run", "--steps", "99999999999999999999"],
     "descent: --steps: '99999999999999999999' is out of range"),
    (["run", "--h", "0"], "descent: --h: must be greater than 0, got 0"),
    (["run", "--clip", "norm:0"], "descent: --clip: must be greater than 0, got 0"),
    (["run", "--clip", "value:-1"], "descent: --clip: must be greater than 0, got -1"),
    (["run", "--clip", "norm"], "descent: --clip: 'norm' needs a threshold, e.g. norm:5"),
    (["run", "--clip", "max:3"], "descent: --clip: 'max:3' is not none, norm:C or value:C"),
    (["run", "--optimizer", "adma"],
     "descent: --optimizer: unknown value 'adma' (did you mean 'adam'?)"),
    (["run", "--optimizer", "lbfgs"],
     "descent: --optimizer: unknown value 'lbfgs' (did you mean 'bfgs'?)"),
    (["run", "--objective", "rosenbrok"],
     "descent: --objective: unknown objective 'rosenbrok' (did you mean 'rosenbrock'?)"),
    (["run", "--objective", "sin(x) + cos(y"],
     "descent: --objective: column 15: missing ')'\n  sin(x) + cos(y\n                ^"),
    (["run", "--objective", "sni(x)"],
     "descent: --objective: column 1: unknown function 'sni' (did you mean 'sin'?)\n  sni(x)\n  ^"),
    (["run", "--objective", "x^2 + z"],
     "descent: --objective: column 7: unknown variable 'z'\n  x^2 + z\n        ^"),
    (["run", "--objective", "x +"],
     "descent: --objective: column 4: missing operand after '+'\n  x +\n     ^"),
    (["run", "--start", "1,2,3"], "descent: --start: rosenbrock takes 2 numbers, got 3"),
    (["run", "--start", "1"], "descent: --start: rosenbrock takes 2 numbers, got 1"),
    (["run", "--start", "1,,2"], "descent: --start: '' is not a number"),
    (["run", "--grad", "numeric"],
     "descent: --grad: unknown value 'numeric' (one of: analytic, ad, central, forward)"),
    (["run", "--hypergrad", "on"],
     "descent: --hypergrad: unknown value 'on' (one of: off, add, mult)"),
    (["run", "--hd-beta", "0"], "descent: --hd-beta: must be greater than 0, got 0"),
    (["run", "--lr-min", "1", "--lr-max", "0.5"],
     "descent: --lr-min: must be below --lr-max (1 ≥ 0.5)"),
    (["run", "--momentum", "1.5"],
     "descent: --momentum: must be at least 0 and below 1, got 1.5"),
    # Issue 11: settings the optimiser cannot take, schedules.
    (["run", "--optimizer", "sgd", "--schedule", "cosine:100", "--hypergrad",
      "add"], "descent: --schedule: a schedule and --hypergrad are "
     "alternatives: give one (compare them side by side in the TUI)"),
    (["run", "--optimizer", "sgd", "--amsgrad"],
     "descent: --amsgrad: sgd takes no amsgrad (adam and adamw do)"),
    (["run", "--optimizer", "nesterov", "--dampening", "0.5"],
     "descent: --dampening: nesterov needs dampening 0 (torch's rule), got 0.5"),
    (["run", "--weight-decay", "-1"],
     "descent: --weight-decay: must be 0 or more, got -1"),
    (["run", "--dampening", "1"],
     "descent: --dampening: must be at least 0 and below 1, got 1"),
    (["run", "--schedule", "exp"],
     "descent: --schedule: 'exp' is not exp:G, e.g. exp:0.99"),
    (["run", "--schedule", "step:10:0"],
     "descent: --schedule: must be greater than 0, got 0"),
    (["run", "--precision", "float"],
     "descent: --precision: unknown value 'float' (one of: double, single)"),
    (["gradcheck", "--precision", "half"],
     "descent: --precision: unknown value 'half' (one of: double, single)"),
    (["tui", "--compare"],
     "descent: --compare: needs settings, e.g. '--hypergrad add'"),
    (["run", "--optimzer", "adam"],
     "descent: --optimzer: unknown option (did you mean '--optimizer'?)"),
    (["run", "--frobnicate"],
     "descent: --frobnicate: unknown option (see 'descent run --help')"),
    (["run", "extra"], "descent: extra: unexpected argument (see 'descent run --help')"),
    (["run", "--quiet=yes"], "descent: --quiet: takes no value"),
    (["run", "--view", "1:0,0:1"], "descent: --view: '1:0,0:1' needs X0 < X1 and Y0 < Y1"),
    (["run", "--view", "0:1e-320,0:1"], "descent: --view: '0:1e-320,0:1' is too narrow to draw"),
    (["run", "--model", "mlp", "--hidden", "70000"],
     "descent: --hidden: must be at most 65536, got 70000"),
    (["hpo", "--trace", "s.jsonl"],
     "descent: --trace: s.jsonl: a search's trace is a CSV file: its name must end in .csv"),
    (["hpo", "--trace", "-"],
     "descent: --trace: -: a search's trace is a CSV file: its name must end in .csv"),
    (["run", "--trace", "out.txt"],
     "descent: --trace: out.txt: the file name must end in .csv or .jsonl"),
    (["run", "--trace", "exists.csv"],
     "descent: --trace: exists.csv: file exists (use --force to replace it)"),
    (["run", "--trace", "nodir/out.csv"],
     "descent: --trace: nodir/out.csv: directory nodir does not exist"),
    (["run", "--trace", "sub"],
     "descent: --trace: sub: the file name must end in .csv or .jsonl"),
    (["frobnicate"], "descent: frobnicate: unknown command (see 'descent --help')"),
    (["rn"], "descent: rn: unknown command (did you mean 'run'?)"),
    (["list", "objectiv"],
     "descent: list: unknown list 'objectiv' (did you mean 'objectives'?)"),
    (["gradcheck", "--at", "1"], "descent: --at: expected 2 comma-separated numbers, got 1"),
    (["gradcheck", "--h", "-1e-7"], "descent: --h: must be greater than 0, got -1e-7"),
    # descent replay: damaged and foreign traces, before any terminal.
    (["replay"], "descent: replay: which trace? (descent replay FILE.csv|FILE.jsonl)"),
    (["replay", "empty.csv"], "descent: empty.csv: empty file"),
    (["replay", "header.csv"],
     "descent: header.csv:1:1: not a descent trace: the first column must be 'step'"),
    (["replay", "cols.csv"],
     "descent: cols.csv:1:11: not a descent trace: column 3 must be 'grad_norm', not 'gnorm'"),
    (["replay", "ragged.csv"], "descent: ragged.csv:3:14: 6 values, the header has 10 columns"),
    (["replay", "nan.csv"], "descent: nan.csv:2:3: 'abc' is not a number (column loss)"),
    (["replay", "steps.csv"], "descent: steps.csv:3:1: step 5 where 1 was expected"),
    (["replay", "bad.jsonl"], "descent: bad.jsonl:2:25: string or '}' expected near '}'"),
    (["replay", "short.jsonl"],
     "descent: short.jsonl:1:1: not a descent trace: the columns end before 'grad_norm'"),
    (["replay", "missing.csv"], "descent: missing.csv: No such file or directory"),
    (["replay", "trace.txt"], "descent: trace.txt: the file name must end in .csv or .jsonl"),
    (["replay", "good.csv", "--objective", "rosenbrok"],
     "descent: --objective: unknown objective 'rosenbrok' (did you mean 'rosenbrock'?)"),
    (["replay", "good.csv", "--view", "1:0,0:1"],
     "descent: --view: '1:0,0:1' needs X0 < X1 and Y0 < Y1"),
    (["replay", "good.csv", "other.csv"],
     "descent: other.csv: unexpected argument (one trace at a time)"),
]

HEAD = "step,loss,grad_norm,clipped,lr,hypergrad,lr_clamped,update_norm,x0,x1\n"
# The traces the replay entries of BAD read.
BAD_TRACES = {
    "empty.csv": "",
    "header.csv": "a,b\n0,1\n",
    "cols.csv": "step,loss,gnorm\n0,1,2\n",
    "ragged.csv": HEAD + "0,1,1,0,0.1,0,0,0,1,2\n1,1,1,0,0.1,0\n",
    "nan.csv": HEAD + "0,abc,1,0,0.1,0,0,0,1,2\n",
    "steps.csv": HEAD + "0,1,1,0,0.1,0,0,0,1,2\n5,1,1,0,0.1,0,0,0,1,2\n",
    "good.csv": HEAD + "0,1,1,0,0.1,0,0,0,1,2\n",
    "bad.jsonl": '{"type":"header","format":1,"columns":["step"]}\n'
                 '{"type":"step","step":0,}\n',
    "short.jsonl": '{"type":"header","format":1,"columns":["step","loss"]}\n',
    "trace.txt": "step\n",
}


def snapshot(d):
    out = {}
    for root, _, files in os.walk(d):
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, d)] = fh.read()
    return out


def test_bad_input(tmp):
    work = os.path.join(tmp, "bad")
    os.makedirs(os.path.join(work, "sub"))
    with open(os.path.join(work, "exists.csv"), "w") as f:
        f.write("precious\n")
    for name, text in BAD_TRACES.items():
        with open(os.path.join(work, name), "w") as f:
            f.write(text)
    before = snapshot(work)
    for args, want in BAD:
        p = run(args, cwd=work)
        name = " ".join(args)
        check(f"bad [{name}] exit 2", p.returncode == 2, p.returncode)
        check(f"bad [{name}] message", p.stderr == want + "\n",
              f"\n want {want!r}\n got  {p.stderr!r}")
        check(f"bad [{name}] no stdout", p.stdout == "", p.stdout)
        check(f"bad [{name}] nothing written", snapshot(work) == before)
    # An unwritable directory (not when root: root writes anywhere).
    if os.geteuid() != 0:
        ro = os.path.join(tmp, "ro")
        os.makedirs(ro)
        os.chmod(ro, 0o555)
        p = run(["run", "--trace", os.path.join(ro, "t.csv")])
        check("unwritable dir exit 2", p.returncode == 2, p.stderr)


def test_force_replaces(tmp):
    path = os.path.join(tmp, "f.csv")
    with open(path, "w") as f:
        f.write("old\n")
    p = run(["run", "--steps", "3", "--trace", path, "--force", "--quiet"])
    check("--force replaces", p.returncode == 0 and
          open(path).read().startswith("step,"), p.stderr)
    check("no temporary files left", os.listdir(tmp).count("f.csv") == 1 and
          not [f for f in os.listdir(tmp) if ".tmp." in f or
               f.startswith(".descent-")], os.listdir(tmp))


def test_help():
    for args in (["--help"], ["run", "--help"], ["gradcheck", "--help"],
                 ["list", "--help"], ["replay", "--help"]):
        p = run(args)
        check(f"{args} help", p.returncode == 0 and "usage: descent" in p.stdout,
              p.stderr)
    p = run(["gradcheck", "--help"])
    check("gradcheck --help names --wrt lr (issue 9)",
          "descent gradcheck --wrt lr" in p.stdout and "--optimizer NAME"
          in p.stdout, p.stdout)
    p = run(["--version"])
    check("version", p.returncode == 0 and p.stdout.startswith("descent "), p.stdout)
    p = run(["list"])
    heads = [l for l in p.stdout.splitlines() if l.endswith(":")]
    check("list alone lists everything", p.returncode == 0 and heads ==
          ["objectives:", "optimizers:", "models:", "lessons:", "demos:",
           "datasets:"],
          p.stdout)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_golden_summaries()
        test_trace_matches_pytorch(tmp)
        test_jsonl_equals_csv(tmp)
        test_stdout_trace_and_locale()
        test_interrupt(tmp)
        test_bad_input(tmp)
        test_force_replaces(tmp)
        test_help()
    return finish("cli")


sys.exit(main())
