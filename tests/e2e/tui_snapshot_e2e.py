#!/usr/bin/env python3
"""descent plot --out FILE.txt against the live TUI: the text written
headless equals the screen tmux shows after the same run was stepped to
its end by hand, at the same size.

usage: tui_snapshot_e2e.py DESCENT_BINARY
"""
import os
import subprocess
import sys
import tempfile

from tui_harness import BIN, Screen, check, run_all, settle, well_formed


def compare(name, cols, rows, args, steps):
    live = Screen(cols, rows, [BIN, "tui"] + args)
    live.wait("step 0")
    for _ in range(steps):
        live.keys("n")
    shown = settle(live, f"step {steps} ")
    live.close()
    shown = "\n".join(l.rstrip() for l in shown.splitlines()) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "screen.txt")
        p = subprocess.run([BIN, "plot"] + args + ["--size", f"{cols}x{rows}",
                                                   "--out", out],
                           capture_output=True, text=True, timeout=60)
        check(f"{name}: plot exit", p.returncode == 0, p.stderr)
        with open(out, encoding="utf-8") as f:
            text = f.read()
    well_formed(name, text, cols, rows)
    if not check(f"{name}: the text is the screen", text == shown):
        for i, (a, b) in enumerate(zip(shown.splitlines(), text.splitlines())):
            if a != b:
                print(f"  line {i + 1}\n  tui  |{a}\n  text |{b}")


def test_quadratic():
    compare("quadratic 100x30", 100, 30,
            ["--objective", "quadratic", "--optimizer", "sgd", "--lr", "0.1",
             "--steps", "40"], 40)


def test_rosenbrock_80x24():
    compare("rosenbrock 80x24", 80, 24,
            ["--objective", "rosenbrock", "--optimizer", "momentum", "--lr",
             "0.001", "--clip", "norm:5", "--steps", "30"], 30)


def test_mlp_slice():
    compare("mlp slice 120x36", 120, 36,
            ["--model", "mlp", "--optimizer", "sgd", "--lr", "0.01",
             "--steps", "12"], 12)


if __name__ == "__main__":
    sys.exit(run_all("tui-snapshot-e2e", globals()))
