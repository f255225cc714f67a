"""Shared by the end-to-end scripts: the binary and reference directory
from the command line, running the binary, checks with a tally, golden
files, and reading numeric CSV.

usage of a script: SCRIPT DESCENT_BINARY REF_DIR [--update]
--update rewrites the golden files in tests/cli/golden from the binary.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

BIN, REF = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
UPDATE = "--update" in sys.argv
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
tally = {"passed": 0, "failed": 0}


def run(args, cwd=None, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([BIN] + args, capture_output=True, text=True,
                          cwd=cwd, env=e, timeout=120)


def signalled(args, sig, after=0.5):
    """Runs the binary with args, sends it sig after `after` seconds;
    returns the finished process, its stdout and its stderr."""
    proc = subprocess.Popen([BIN] + args, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    proc.send_signal(sig)
    so, se = proc.communicate(timeout=30)
    return proc, so, se


def check(name, cond, detail=""):
    if cond:
        tally["passed"] += 1
    else:
        tally["failed"] += 1
        print(f"FAIL {name}: {detail}")


NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|nan|-?inf")


def same_text(want, got, tol):
    """Equal text, numbers within relative tol of each other (tol 0:
    exactly equal text)."""
    if tol == 0 or want == got:
        return want == got
    def shape(t):  # a longer number may push a column by a space
        return re.sub(r" +", " ", NUMBER.sub("#", t))
    if shape(want) != shape(got):
        return False
    for a, b in zip(NUMBER.findall(want), NUMBER.findall(got)):
        x, y = float(a), float(b)
        if not (x == y or rel(x, y) <= tol):
            return False
    return True


def golden(name, text, tol=0):
    """Compares text with a golden file. tol > 0 lets numbers differ by that
    relative amount: sums of many products (models) round differently with
    another BLAS, while what they say stays the same."""
    path = os.path.join(GOLDEN, name)
    if UPDATE:
        with open(path, "w") as f:
            f.write(text)
    with open(path) as f:
        want = f.read()
    check(f"golden {name}", same_text(want, text, tol),
          f"\n--- want\n{want}--- got\n{text}")


def read_csv(path):
    with open(path) as f:
        lines = f.read().splitlines()
    head = lines[0].split(",")
    return head, [[float(v) for v in l.split(",")] for l in lines[1:]]


def rel(a, b):
    d = abs(a - b)
    return 0.0 if d == 0 else d / max(abs(a), abs(b), 1e-300)


def finish(label):
    """Prints the tally; the exit status: 1 when anything failed."""
    print(f"{label}: {tally['passed']} passed, {tally['failed']} failed")
    return 1 if tally["failed"] else 0


def run_tests(label, *groups):
    """Runs each group of test functions (each taking the directory) in a
    fresh temporary directory, then prints the tally; the exit status."""
    for group in groups:
        with tempfile.TemporaryDirectory() as tmp:
            for test in group:
                test(tmp)
    return finish(label)
