"""Shared by the end-to-end scripts: the binary and reference directory
from the command line, running the binary, checks with a tally, golden
files, and reading numeric CSV.

usage of a script: SCRIPT DESCENT_BINARY REF_DIR [--update]
--update rewrites the golden files in tests/cli/golden from the binary.
"""
import os
import subprocess
import sys

BIN, REF = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
UPDATE = "--update" in sys.argv
GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
tally = {"passed": 0, "failed": 0}


def run(args, cwd=None, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([BIN] + args, capture_output=True, text=True,
                          cwd=cwd, env=e, timeout=120)


def check(name, cond, detail=""):
    if cond:
        tally["passed"] += 1
    else:
        tally["failed"] += 1
        print(f"FAIL {name}: {detail}")


def golden(name, text):
    path = os.path.join(GOLDEN, name)
    if UPDATE:
        with open(path, "w") as f:
            f.write(text)
    with open(path) as f:
        want = f.read()
    check(f"golden {name}", text == want,
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
