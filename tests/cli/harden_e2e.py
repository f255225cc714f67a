#!/usr/bin/env python3
"""Regression tests of the defects attacks found (issue 14) and of the
rough edges of issue 10 that the command line shows: each input here
failed before its fix.

usage: harden_e2e.py DESCENT_BINARY REF_DIR
"""
import json
import os
import signal
import subprocess
import sys
import tempfile

from e2e_lib import BIN, check, finish, run, signalled


def one_line(name, p, want_code=2):
    lines = p.stderr.split("\n")
    check(f"{name}: exit {want_code}", p.returncode == want_code,
          (p.returncode, p.stderr))
    check(f"{name}: one line", len(lines) == 2 and lines[1] == "" and
          lines[0].startswith("descent: "), repr(p.stderr[:300]))
    check(f"{name}: no control characters",
          not any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in lines[0]),
          repr(lines[0][:300]))
    return lines[0]


def test_quoting():
    """Issue 14 #8: raw input echoed into the terminal."""
    msg = one_line("--lr newline", run(["run", "--lr", "1\n2"]))
    check("--lr newline quoted", msg == "descent: --lr: '1\\n2' is not a "
          "number", msg)
    msg = one_line("--lr escape", run(["run", "--lr", "\x1b[2J"]))
    check("--lr escape quoted", "'\\x1b[2J'" in msg, msg)
    msg = one_line("C1 CSI", run(["run", "--optimizer", "a\u009bb"]))
    check("C1 quoted", "a\\u009bb" in msg, msg)
    big = "1" * 100000
    msg = one_line("100 KB value", run(["run", "--lr", big]))
    check("100 KB value cut", len(msg) < 200 and "…" in msg, len(msg))
    msg = one_line("long option name", run(["run", "--" + "x" * 5000]))
    check("long option name cut", len(msg) < 300, len(msg))
    p = run(["run", "--objective", "x" * 1000 + "+"])
    lines = p.stderr.splitlines()
    check("expression caret window", p.returncode == 2 and len(lines) == 3 and
          len(lines[1]) < 120 and lines[2].rstrip().endswith("^"), lines)
    p = run(["run", "--objective", "x+\ny\x1b"])
    lines = p.stderr.splitlines()
    check("caret under the escape", len(lines) == 3 and
          lines[1] == "  x+\\ny\\x1b" and lines[2] == "       ^", lines)
    msg = one_line("file name", run(["replay", "\x1b]0;owned\x07.csv"]))
    check("file name quoted", "\\x1b]0;owned\\x07.csv" in msg, msg)


def test_output_errors():
    """Issue 14 #9: writes to a full device are errors."""
    for args in (["run"], ["list"], ["run", "--trace", "-"],
                 ["list", "objectives"], ["gradcheck"]):
        with open("/dev/full", "w") as full:
            p = subprocess.run([BIN] + args, stdout=full,
                               stderr=subprocess.PIPE, text=True, timeout=60)
        name = " ".join(args) + " > /dev/full"
        check(f"{name}: exit 1", p.returncode == 1, p.returncode)
        check(f"{name}: says so", p.stderr.count("\n") == 1 and
              "No space left on device" in p.stderr, p.stderr)


def test_hangup(tmp):
    """Issue 14 #7: SIGHUP finishes a headless run's trace, as INT does."""
    out = os.path.join(tmp, "hup.jsonl")
    proc, so, se = signalled(["run", "--lr", "1e-9", "--steps", "1000000000",
                              "--trace", out], signal.SIGHUP)
    check("hangup exit 0", proc.returncode == 0, se)
    with open(out) as f:
        end = json.loads(f.read().splitlines()[-1])
    check("hangup trace ends stopped", end.get("status") == "stopped", end)
    check("hangup leaves one file", os.listdir(tmp) == ["hup.jsonl"],
          os.listdir(tmp))


def test_quoted_name(tmp):
    """Issue 14 #8: a legal file name with control characters is written,
    and the summary shows it quoted."""
    p = run(["run", "--steps", "2", "--trace", "\x1b[2J.csv"], cwd=tmp)
    check("control name accepted", p.returncode == 0 and
          os.path.exists(os.path.join(tmp, "\x1b[2J.csv")), p.stderr)
    check("control name quoted in the summary",
          "trace:     \\x1b[2J.csv (3 rows)" in p.stdout and
          "\x1b" not in p.stdout, repr(p.stdout[-80:]))


def test_long_names(tmp):
    """Issue 14 #7: a legal 251-byte name was refused."""
    for n in (251, 255):
        name = os.path.join(tmp, "a" * (n - 4) + ".csv")
        p = run(["run", "--steps", "3", "--quiet", "--trace", name])
        check(f"{n}-byte trace name", p.returncode == 0 and
              os.path.exists(name), p.stderr)
        os.unlink(name)


def test_diagnostics(tmp):
    """Issue 14 #10."""
    msg = one_line("--init directory", run(["run", "--model", "linreg",
                                            "--init", tmp]))
    check("--init directory is a read error", "read error" in msg and
          "no numbers" not in msg, msg)
    for n, ok in ((64, True), (65, False)):
        expr = "(" * n + "x" + ")" * n + "+y"
        p = run(["run", "--objective", expr, "--steps", "1", "--quiet"])
        check(f"{n} parentheses", (p.returncode == 0) == ok, p.stderr)


def test_hpo_limits():
    """Issue 14 #6: refused at once, before a table starts."""
    for args, where in ((["--method", "bayes", "--budget", "1000"], "--budget"),
                        (["--budget", "100000"], "--budget"),
                        (["--grid", "9223372036854775807"], "--grid"),
                        (["--budget", "1000001", "--method", "random"],
                         "--budget")):
        p = run(["hpo"] + args)
        msg = one_line(f"hpo {' '.join(args)}", p)
        check(f"hpo {' '.join(args)}: where", msg.startswith(
            f"descent: {where}: "), msg)
        check(f"hpo {' '.join(args)}: no table", p.stdout == "", p.stdout)


def test_hpo_divergence():
    """Issue 10 edge 1: NaN first evaluations and the gradient method."""
    p = run(["hpo", "--model", "ridge", "--data", "diabetes", "--over", "lr"])
    rows = {l.split()[0]: l.split() for l in p.stdout.splitlines()[3:]}
    check("hpo lr diabetes exit 0", p.returncode == 0, p.stderr)
    for m in ("grid", "random", "bayes", "gradient"):
        check(f"hpo {m} has a best", m in rows and rows[m][2] != "nan" and
              float(rows[m][2]) < 2460, rows.get(m))
    check("gradient reaches 1%", rows["gradient"][5] != "never", rows)
    p = run(["hpo", "--model", "ridge", "--data", "diabetes", "--over", "lr",
             "--range", "0.1:1"])
    rows = [l.split() for l in p.stdout.splitlines()[3:]]
    check("only diverged says so", len(rows) == 4 and
          all(r[1] == "-" and r[2] == "diverged" for r in rows), rows)


def test_hints():
    """Issue 10 edge 13."""
    msg = one_line("--data irs", run(["run", "--model", "linreg", "--data",
                                      "irs"]))
    check("--data irs suggests iris", "did you mean 'iris'?" in msg, msg)
    msg = one_line("--features typo", run(["run", "--model", "linreg",
                                           "--data", "iris", "--features",
                                           "sepal_lenght"]))
    check("--features suggests and lists", "did you mean 'sepal_length'?" in
          msg and "petal_width" in msg, msg)
    p = run(["run", "--steps", "1e3", "--quiet", "--trace", "-"])
    check("--steps 1e3", p.returncode == 0 and
          p.stdout.splitlines()[-1].startswith("1000,"), p.stderr)


def test_demo_prefix(tmp):
    """Issue 10 edge 13: a demo's errors start with "descent:" too."""
    msg = one_line("demo missing file", run(["demo", "missing.demo"],
                                            cwd=tmp))
    check("missing demo file: prefixed", msg.startswith(
        "descent: missing.demo: "), msg)
    with open(os.path.join(tmp, "bad.demo"), "w") as f:
        f.write("run 0\n")
    msg = one_line("demo with a problem", run(["demo", "bad.demo"], cwd=tmp))
    check("demo problem: prefixed", msg.startswith("descent: bad.demo:1"),
          msg)
    msg = one_line("unknown demo", run(["demo", "learning-rat"]))
    check("unknown demo: prefixed", msg.startswith("descent: "), msg)


def test_fuzz_findings(tmp):
    """What the fuzz targets found: a data set whose validation row is far
    outside its training rows' scale trained on infinities (fuzz-csv);
    a column name with a NUL passed for a shorter one (fuzz-csv)."""
    path = os.path.join(tmp, "far.csv")
    with open(path, "w") as f:
        f.write("a,b,y\n1,3,0\n5.1,3.7,0\n4.6,3.6,0\n5.5,3.5,0\n"
                "4.9,1.01e308,0\n4.4,3.0,1\n")
    msg = one_line("validation row too large", run(
        ["run", "--model", "mlp", "--data", path, "--split", "0.5",
         "--no-shuffle", "--steps", "2"]))
    check("validation row too large: refused", "too large to standardise"
          in msg, msg)
    with open(path, "wb") as f:
        f.write(b"a,b\x00c,y\n1,2,3\n")
    msg = one_line("NUL in a name", run(["run", "--model", "linreg",
                                         "--data", path]))
    check("NUL in a name: refused", "NUL" in msg, msg)


def test_gradcheck_help():
    """Issue 10 edge 14."""
    p = run(["gradcheck", "--help"])
    for opt in ("--wrt lr", "--optimizer", "--lr", "--steps"):
        check(f"gradcheck --help has {opt}", opt in p.stdout, p.stdout)
    msg = one_line("--optimizer without --wrt", run(["gradcheck",
                                                     "--optimizer", "adam"]))
    check("--optimizer needs --wrt lr", "--wrt lr" in msg, msg)
    p = run(["gradcheck", "--wrt=lr", "--steps", "5"])
    check("--wrt=lr", p.returncode == 0, p.stderr)


def test_default_data():
    """Issue 10 edge 15: naming the default data set keeps the model."""
    a = run(["run", "--model", "linreg", "--quiet", "--trace", "-"]).stdout
    b = run(["run", "--model", "linreg", "--data", "diabetes", "--quiet",
             "--trace", "-"]).stdout
    check("linreg --data diabetes is the default model", a == b and a != "",
          (a[:200], b[:200]))
    p = run(["run", "--model", "linreg", "--data", "diabetes"])
    check("trains on bmi", "w·bmi" in p.stdout, p.stdout[:200])


def main():
    test_quoting()
    test_output_errors()
    with tempfile.TemporaryDirectory() as tmp:
        test_hangup(tmp)
    with tempfile.TemporaryDirectory() as tmp:
        test_long_names(tmp)
        test_diagnostics(tmp)
    with tempfile.TemporaryDirectory() as tmp:
        test_quoted_name(tmp)
    with tempfile.TemporaryDirectory() as tmp:
        test_demo_prefix(tmp)
    with tempfile.TemporaryDirectory() as tmp:
        test_fuzz_findings(tmp)
    test_hpo_limits()
    test_hpo_divergence()
    test_hints()
    test_gradcheck_help()
    test_default_data()
    return finish("cli-harden")


sys.exit(main())
