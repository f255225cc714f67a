#!/usr/bin/env python3
"""End-to-end tests of `descent replay`: traces written by `descent run
--trace`, replayed in tmux (the harness of tui_e2e.py) at 80x24 and
200x60; the numbers on screen are the trace's row, End shows the end
status, keys that would change a run say "read-only replay".

usage: tui_replay_e2e.py BINARY [--update]
--update rewrites this driver's golden screens in tests/e2e/golden.
"""
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import tui_harness as h
from tui_harness import Screen, check, golden, settle, tmux, well_formed

B = h.BIN
TMP = tempfile.mkdtemp(prefix="descent-replay-e2e-")
NAMES = ("loss", "grad_norm", "lr", "hypergrad", "clipped", "lr_clamped",
         "update_norm", "val_loss", "train_acc", "val_acc", "batch_loss")
ROW = re.compile(r"│ (" + "|".join(NAMES) + r"|x\d+) +(-?[0-9][^\s]*|nan|-?inf)")


def trace(name, *args):
    """Runs descent run with a trace into TMP; returns its path."""
    path = os.path.join(TMP, name)
    r = subprocess.run([B, "run", "--quiet", "--trace", path] + list(args),
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return path


def csv_rows(path):
    with open(path) as f:
        rd = csv.reader(f)
        head = next(rd)
        return [dict(zip(head, map(float, r))) for r in rd]


def jsonl_rows(path):
    with open(path) as f:
        recs = [json.loads(l) for l in f]
    return [{k: (float("nan") if v is None else float(v))
             for k, v in r.items() if k != "type"}
            for r in recs if r["type"] == "step"]


def same(a, b):
    return a == b or (a != a and b != b)


def check_row(name, screen, row):
    """Every value the step panel shows equals the trace row's."""
    shown = dict(ROW.findall(screen))
    check(f"{name}: the step panel shows values", len(shown) >= 7, screen)
    for k, v in shown.items():
        check(f"{name}: {k} as in the trace",
              k in row and same(float(v), row[k]), (k, v, row.get(k)))


def replay(cols, rows, path, *args, env=None):
    """The replay of path, run from its directory (the top bar shows the
    name as given, so goldens do not hold the temporary directory)."""
    line = " ".join(h.quote(a) for a in
                    [B, "replay", os.path.basename(path)] + list(args))
    return Screen(cols, rows, ["sh", "-c", f"cd {h.quote(TMP)} && exec {line}"],
                  env=env)


def test_jsonl_diverged_80x24():
    path = trace("div.jsonl", "--objective", "rosenbrock", "--optimizer",
                 "sgd", "--lr", "0.1", "--steps", "100")
    rows = jsonl_rows(path)
    s = replay(80, 24, path)
    t = settle(s, r"step 0/4")
    check("jsonl: the top bar says replay", "replay div.jsonl" in t, t)
    check("jsonl: the header's objective draws the surface",
          "surface  (1-x)²" in t, t)
    check_row("jsonl row 0", t, rows[0])
    s.keys("n", "n")
    t = settle(s, r"step 2/4")
    check_row("jsonl row 2", t, rows[2])
    s.keys("b")
    t = settle(s, r"step 1/4")
    check_row("jsonl row 1 (back)", t, rows[1])
    s.keys("End")
    t = settle(s, r"step 4/4")
    check("End: diverged in the top bar", "✗ diverged at step 4" in t, t)
    check("End: the reason in the step panel", "loss is above 1e100" in t, t)
    check_row("jsonl row 4", t, rows[4])
    well_formed("replay diverged 80x24", t, 80, 24)
    golden("replay_diverged_80x24.txt", t)
    s.keys("Home")
    t = settle(s, r"step 0/4")
    check("Home: the first row", "⏸ paused" in t, t)
    s.keys("l")
    t = settle(s, r"read-only replay")
    check("l: read-only", "read-only replay (l F4" in t, t)
    s.keys("?")
    t = settle(s, r"help · keys")
    check("help: replay keys", "next row" in t and "the last row" in t, t)
    check("help: no live-run keys", "learning rate" not in t and
          "export" not in t and "compare" not in t, t)
    check("help: says read-only", "read-only replay" in t, t)
    s.keys("Escape")
    settle(s, r"(F10|q)quit")
    s.keys("q")
    t = s.wait(r"EXIT=\d+")
    check("jsonl: quit restores", "EXIT=0" in t and s.alternate() == "0", t)
    s.close()


def test_csv_objective_200x60():
    path = trace("adam.csv", "--objective", "rosenbrock", "--lr", "0.05",
                 "--steps", "300")
    rows = csv_rows(path)
    s = replay(200, 60, path, "--objective", "rosenbrock")
    t = settle(s, r"step 0/300")
    check("csv --objective: surface", "surface  (1-x)²" in t, t)
    check("csv: no live-run hints", "F4lr" not in t and "export" not in t, t)
    for _ in range(7):
        s.keys("n")
    t = settle(s, r"step 7/300")
    check_row("csv row 7", t, rows[7])
    s.keys("End")
    t = settle(s, r"step 300/300")
    check("csv End: no end record", "end of trace at step 300" in t, t)
    check_row("csv row 300", t, rows[300])
    well_formed("replay csv 200x60", t, 200, 60)
    golden("replay_csv_200x60.txt", t)
    s.keys("Space")  # at the end, Space plays from the start
    time.sleep(0.5)
    t = s.text()
    m = re.search(r"step (\d+)/300 ▶ playing", t)
    check("Space plays the rows", m and 0 < int(m.group(1)) < 300, t)
    s.keys("Space")
    t = settle(s, r"⏸ paused")
    m = re.search(r"step (\d+)/300", t)
    check_row("csv paused row", t, rows[int(m.group(1))] if m else {})
    tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24")
    t = settle(s, r"(F10|q)quit")
    well_formed("replay resized to 80x24", t, 80, 24)
    s.keys("C-c")
    t = s.wait(r"EXIT=\d+")
    check("csv: Ctrl-C restores", "EXIT=130" in t and s.alternate() == "0", t)
    s.close()


def test_csv_plain_ascii():
    path = trace("plain.csv", "--objective", "himmelblau", "--optimizer",
                 "momentum", "--lr", "0.01", "--steps", "50")
    rows = csv_rows(path)
    s = replay(80, 24, path, env={"LANG": "C", "LC_ALL": "C",
                                  "NO_COLOR": "1"})
    t = settle(s, r"step 0/50")
    check("plain: the title says there is no surface",
          "no surface: CSV needs --objective" in t, t)
    check("plain: ASCII", not re.search("[\u2800-\u28ff]", t), t)
    s.keys("End")
    t = settle(s, r"step 50/50")
    check("plain: end", "end of trace at step 50" in t, t)
    s.keys("q")
    t = s.wait(r"EXIT=\d+")
    check("plain: quit restores", "EXIT=0" in t and s.alternate() == "0", t)
    s.close()


def test_model_many_parameters():
    path = trace("mlp.jsonl", "--model", "mlp", "--steps", "10")
    rows = jsonl_rows(path)
    s = replay(200, 60, path)
    t = settle(s, r"step 0/10")
    check("mlp: no surface, what is shown",
          "mlp: x0, x1 of 769 · no surface" in t, t)
    s.keys("End")
    t = settle(s, r"step 10/10")
    check("mlp: max steps", "■ max steps 10" in t, t)
    check("mlp: θ beyond the panel", re.search(r"θ: \d+ more of 769", t), t)
    check_row("mlp row 10", t, rows[10])
    s.keys("q")
    t = s.wait(r"EXIT=\d+")
    check("mlp: quit restores", "EXIT=0" in t and s.alternate() == "0", t)
    s.close()


if __name__ == "__main__":
    sys.exit(h.run_all("tui-replay-e2e", globals()))
