#!/usr/bin/env python3
"""Scaling: work that must grow linearly with its input, or not at all,
measured as instructions executed (valgrind's callgrind), never as
time. A linear case runs at sizes n, 2n and 4n; the work the input adds
from 2n to 4n must be at most 2.5 times what it adds from n to 2n
(linear: 2, quadratic: 4), which subtracts the cost of starting the
program. A bounded case counts only the instructions of some functions
(the charts' drawing) at n and 10n: at most twice as many.

usage: scaling_e2e.py DESCENT_BINARY REF_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

from e2e_lib import BIN, check, finish

BASE = ["step", "loss", "grad_norm", "clipped", "lr", "hypergrad",
        "lr_clamped", "update_norm"]


def instructions(args, cwd, only=None):
    """Instructions args execute (only those inside the functions named
    by the pattern only, when given) and the finished process."""
    p = subprocess.run(["valgrind", "--tool=callgrind",
                        "--callgrind-out-file=/dev/null"] +
                       ([f"--toggle-collect={only}"] if only else []) +
                       [BIN] + args,
                       capture_output=True, text=True, cwd=cwd,
                       stdin=subprocess.DEVNULL, timeout=600)
    m = re.search(r"Collected : (\d+)", p.stderr)
    return int(m.group(1)) if m else None, p


def wide_trace(path, params):
    """A CSV trace of 3 rows and params θ columns (a wide MLP's)."""
    cols = BASE + [f"x{i}" for i in range(params)]
    with open(path, "w") as f:
        f.write(",".join(cols) + "\n")
        for r in range(3):
            f.write(",".join([str(r)] + ["0.5"] * (len(cols) - 1)) + "\n")


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return os.path.basename(path)


def long_demo(d, n):
    """A demo script whose one line is n characters long."""
    return ["lint", write(os.path.join(d, f"long{n}.demo"),
                          "say " + "a" * n + "\n")]


def long_lesson(d, n):
    """A lesson whose objective is an expression of n characters."""
    expr = "x+" * (n // 2) + "y"
    return ["lint", write(os.path.join(d, f"long{n}.lesson"),
                          "format: 1\nid: long\ntitle: t\nminutes: 1\n\n"
                          "@step a\ntext: hi\nobjective: " + expr + "\n")]


def wide_csv(d, n):
    """A data set of n columns and 3 rows for a linear regression."""
    path = os.path.join(d, f"h{n}.csv")
    with open(path, "w") as f:
        f.write(",".join(f"c{i}" for i in range(n)) + "\n")
        for r in range(3):
            f.write(",".join(str((r * 7 + i) % 13) for i in range(n)) + "\n")
    return ["run", "--model", "linreg", "--data", os.path.basename(path),
            "--steps", "1", "--quiet"]


def chart_frame(d, n):
    """One frame of the live screen (as descent plot --out x.txt draws it)
    after n updates."""
    return ["plot", "--out", "frame.txt", "--force", "--steps", str(n)]


# Bounded: name, n, the arguments at size n, the functions counted.
BOUNDED = [
    # Issue 14 #3: each frame walked the whole history.
    ("charts of one frame", 10000, chart_frame, "panel_chart_*"),
]

# name, n, a function writing the input of size n into a directory and
# returning the arguments, the exit status expected
CASES = [
    # Issue 14 #4: each column name was compared with every earlier one.
    ("a data set's header", 5000, wide_csv, 0),
    # Issue 14 #2: lint found each character's column from the line's
    # start.
    ("lint of a demo's long line", 20000, long_demo, 0),
    ("lint of a lesson's long expression", 20000, long_lesson, 0),
    # Issue 14 #5: replay looked each x column up by name, per row.
    ("replay of a wide trace", 4000,
     lambda d, n: (wide_trace(os.path.join(d, f"w{n}.csv"), n),
                   ["replay", f"w{n}.csv"])[1], 2),
]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for name, n, make, code in CASES:
            work = []
            for size in (n, 2 * n, 4 * n):
                count, p = instructions(make(tmp, size), tmp)
                check(f"{name} at {size}: ran", count is not None and
                      p.returncode == code, p.stderr[-300:])
                work.append(count or 0)
            low, high = work[1] - work[0], work[2] - work[1]
            ratio = high / low if low > 0 else float("inf")
            print(f"{name}: {work} instructions at {n}, {2 * n}, {4 * n}; "
                  f"growth ratio {ratio:.2f}")
            check(f"{name}: linear", 0 < ratio <= 2.5, ratio)
        for name, n, make, only in BOUNDED:
            work = []
            for size in (n, 10 * n):
                count, p = instructions(make(tmp, size), tmp, only)
                check(f"{name} at {size}: ran", count and p.returncode == 0,
                      p.stderr[-300:])
                work.append(count or 0)
            ratio = work[1] / work[0] if work[0] else float("inf")
            print(f"{name}: {work} instructions at {n}, {10 * n}; ratio "
                  f"{ratio:.2f}")
            check(f"{name}: bounded", ratio <= 2.0, ratio)
    return finish("scaling")


sys.exit(main())
