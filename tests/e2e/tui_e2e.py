#!/usr/bin/env python3
"""End-to-end tests of the live TUI: the real binary in tmux at 80x24 and
200x60, driven by send-keys and read by capture-pane.

usage: tui_e2e.py BINARY [--update]
BINARY is build/src/cli/descent, run as `descent tui ...`.
--update rewrites the golden screens in tests/e2e/golden from the binary;
review the diff like code. Numbers are compared exactly except where a
mask in tui_harness.MASKS says they may vary (timing-dependent text only).
"""
import os
import re
import subprocess
import sys
import tempfile
import time

import tui_harness as h
from tui_harness import Screen, check, command, golden, settle, tmux, \
    well_formed


def test_start_and_step():
    s = Screen(80, 24)
    t = settle(s, r"step 0 ")
    check("start: objective in the top bar", "rosenbrock · adam" in t, t)
    check("start: hints", "F1help" in t and "F10quit" in t, t)
    well_formed("start 80x24", t, 80, 24)
    golden("start_80x24.txt", t)
    s.keys("n", "n", "n")
    t = s.wait(r"step 3 ")
    check("step: three updates", "step 3 " in t, t)
    check("step: anatomy of update 3", "update 3 · stage 5/5: update" in t, t)
    s.keys("v")
    t = s.wait(r"loss \(log\)")
    check("80x24: v shows the charts", "learning rate" in t, t)
    s.close()


STAGES = [
    ("1/5: evaluate", r"1 evaluate  θ = \(-1.50000,2.000000\)  f = 12.50000"),
    ("2/5: gradient", r"g = ∇f\(θ\) = \(-155.000,-50.0000\)\s.*\n.*‖g‖ = 162.8650  by analytic"),
    ("3/5: clip", r"‖g‖ 162.8650 > C=5 → ĝ = g·0.0307"),
    ("4/5: hypergrad", r"α = 0.05 \+ 1e-07·h → 0.05"),
    ("5/5: update", r"θ ← θ − 0.05·d = \(-1.45000,2.050000\)"),
]


def test_micro_steps():
    s = Screen(200, 60)
    settle(s, r"step 0 ")
    s.keys("K")
    s.wait(r"clip \(none")
    s.keys("C-u")
    s.type("norm:5")
    s.keys("Enter")
    s.wait(r"clip norm:5")
    s.keys("h")
    s.wait(r"HD add")
    for i, (title, line) in enumerate(STAGES):
        s.keys("s")
        t = s.wait(re.escape(title))
        check(f"stage {i + 1}: title", f"update 1 · stage {title}" in t, t)
        check(f"stage {i + 1}: numbers", re.search(line, t), f"{line}\n{t}")
        check(f"stage {i + 1}: highlighted", f"▶{i + 1} " in t, t)
    t = settle(s, r"stage 5/5")
    check("stages: one update done", "step 1 " in t, t)
    check("stages: adam state", "m = 0.9·m + 0.1·ĝ = (" in t, t)
    check("stages: gradient check", "central h=1e-07" in t and "rel.err" in t, t)
    well_formed("stages 200x60", t, 200, 60)
    golden("stages_200x60.txt", t)
    s.close()


def test_lr_mid_run():
    s = Screen(120, 36)
    settle(s, r"step 0 ")
    s.keys("n", "n")
    s.wait(r"step 2 ")
    s.keys("l")
    s.wait(r"learning rate")
    s.keys("C-u")
    s.type("0.1")
    s.keys("Enter")
    t = s.wait(r"lr 0\.1 ")
    check("lr: new value shown", "lr 0.1 " in t, t)
    s.keys("n")
    t = s.wait(r"step 3 ")
    check("lr: the run goes on", "step 3 " in t, t)
    check("lr: the update used it", "θ ← θ − 0.1·d" in t, t)
    s.keys("+")
    t = s.wait(r"lr 0\.2 ")
    check("lr: + doubles", "lr 0.2 " in t, t)
    s.keys("-", "-")
    t = s.wait(r"lr 0\.05 ")
    check("lr: - halves", "lr 0.05 " in t, t)
    s.close()


def test_compare():
    s = Screen(120, 36)
    settle(s, r"step 0 ")
    s.keys("c")
    t = s.wait(r"run 2/2")
    check("compare: second run focused", "run 2/2" in t, t)
    s.keys("o")
    t = s.wait(r"run 2/2: adamw")
    s.keys("n", "n", "n")
    t = settle(s, r"step 3 ")
    check("compare: legend shows both", "●1 adam" in t and "▶2 adamw" in t, t)
    check("compare: stepped together", "step 3 " in t, t)
    s.keys("Tab")
    t = s.wait(r"run 1/2: adam")
    check("compare: Tab focuses run 1", "run 1/2: adam" in t, t)
    well_formed("compare 120x36", t, 120, 36)
    s.close()


def test_resize():
    s = Screen(200, 60)
    big = settle(s, r"step 0 ")
    check("200x60: all panels", "learning rate" in big and "update 1" in big,
          big)
    tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24")
    small = settle(s, r"F10quit")
    lines = small.splitlines()
    check("resize: follows at once", len(lines) <= 24, len(lines))
    check("resize: layout changed", "learning rate" not in small, small)
    well_formed("resized 80x24", small, 80, 24)
    tmux("resize-window", "-t", s.name, "-x", "200", "-y", "60")
    again = settle(s, r"learning rate")
    check("resize back: same screen", again == big, again)
    tmux("resize-window", "-t", s.name, "-x", "30", "-y", "10")
    tiny = settle(s, r"too small")
    check("tiny: says so", "terminal too small" in tiny, tiny)
    s.close()


def test_help():
    s = Screen(80, 24)
    settle(s, r"step 0 ")
    s.keys("?")
    t = settle(s, r"help · keys")
    check("help: lists keys", "back one update" in t and "quit" in t, t)
    golden("help_80x24.txt", t)
    s.keys("j", "j")
    s.keys("x")
    t = settle(s, r"F10quit")
    check("help: any key closes", "help · keys" not in t, t)
    s.keys("F1")
    t = s.wait(r"help · keys")
    check("help: F1 opens it", "help · keys" in t, t)
    s.close()


def test_divergence():
    s = Screen(120, 36, command("rosenbrock", "sgd", "1"))
    settle(s, r"step 0 ")
    for _ in range(4):
        s.keys("n")
    t = s.wait(r"diverged at step \d+")
    check("divergence: status", re.search(r"diverged at step \d+: ", t), t)
    s.keys("n")
    t = settle(s, r"no run can go on")
    check("divergence: no further steps", "no run can go on" in t, t)
    s.keys("q")
    t = s.wait(r"EXIT=")
    check("divergence: exit 0", "EXIT=0" in t, t)
    s.close()


def test_quit_and_signals():
    for key, code in (("q", 0), ("F10", 0), ("C-c", 130)):
        s = Screen(80, 24)
        settle(s, r"step 0 ")
        check(f"{key}: alternate screen on", s.alternate() == "1")
        s.keys(key)
        t = s.wait(r"EXIT=\d+")
        check(f"{key}: exit {code}", f"EXIT={code}" in t, t)
        check(f"{key}: screen restored", "F10quit" not in t and
              s.alternate() == "0", t)
        s.close()
    s = Screen(80, 24)
    settle(s, r"step 0 ")
    pid = tmux("display-message", "-p", "-t", s.name, "#{pane_pid}").strip()
    child = subprocess.run(["pgrep", "-P", pid], capture_output=True,
                           text=True).stdout.split()
    if check("SIGTERM: process found", child, pid):
        os.kill(int(child[0]), 15)
        t = s.wait(r"EXIT=\d+")
        check("SIGTERM: exit 143, restored",
              "EXIT=143" in t and s.alternate() == "0", t)
    s.close()


def test_running():
    s = Screen(120, 36)
    settle(s, r"step 0 ")
    s.keys("Space")
    t = s.wait(r"▶ running", stable=False)
    check("space: running", "▶ running" in t, t)
    time.sleep(0.5)
    s.keys("Space")
    t = s.wait(r"⏸ paused")
    m = re.search(r"step (\d+) ", t)
    check("running: steps advanced", m and int(m.group(1)) > 5, t)
    s.keys("b")
    t2 = s.wait(r"step %d " % (int(m.group(1)) - 1) if m else "x")
    check("back: one update", m and f"step {int(m.group(1)) - 1} " in t2, t2)
    s.keys("r")
    t = s.wait(r"step 0 ")
    check("reset: step 0", "step 0 " in t, t)
    s.close()


def test_objective_menu_and_expression():
    s = Screen(120, 36)
    settle(s, r"step 0 ")
    s.keys("F2")
    t = s.wait(r"objective")
    check("menu: built-ins listed", "himmelblau" in t and "expression" in t, t)
    s.keys("Down", "Down", "Down", "Enter")
    t = s.wait(r"descent  booth")
    check("menu: switched", "booth" in t.splitlines()[0], t)
    s.keys("x")
    s.wait(r"f\(x, y\)")
    s.type("x^2 + sni(y)")
    s.keys("Enter")
    t = s.wait(r"did you mean")
    check("expression: error shown inline",
          "unknown function 'sni' (did you mean 'sin'?)" in t, t)
    lines = t.splitlines()
    at = [i for i, l in enumerate(lines) if "x^2 + sni(y)" in l]
    check("expression: caret under the error",
          at and lines[at[0] + 1].index("^") == lines[at[0]].index("sni"), t)
    s.keys("C-u")
    s.type("x^2 + 3*sin(y)")
    s.keys("Enter")
    t = s.wait(r"descent  x\^2 \+ 3\*sin\(y\)")
    check("expression: opened, AD gradient", "· ad ·" in t, t)
    s.keys("n")
    t = s.wait(r"step 1 ")
    check("expression: steps", "step 1 " in t, t)
    s.close()


def test_export():
    d = tempfile.mkdtemp()
    path = os.path.join(d, "run.csv")
    s = Screen(120, 36)
    settle(s, r"step 0 ")
    s.keys("n", "n")
    s.wait(r"step 2 ")
    s.keys("e")
    s.wait(r"export trace")
    s.keys("C-u")
    s.type(path)
    s.keys("Enter")
    t = s.wait(r"exported")
    check("export: written", os.path.exists(path), t)
    if os.path.exists(path):
        with open(path) as f:
            rows = f.read().splitlines()
        check("export: header and 3 rows", len(rows) == 4 and
              rows[0].startswith("step,loss"), rows)
    s.keys("e")
    s.wait(r"export trace")
    s.keys("C-u")
    s.type(path)
    s.keys("Enter")
    t = s.wait(r"overwrite\?")
    check("export: asks before overwriting", "overwrite?" in t, t)
    s.keys("n", "Enter")
    t = s.wait(r"not exported")
    check("export: kept", "not exported" in t, t)
    s.close()


def test_ascii_and_no_color():
    s = Screen(80, 24, env={"LANG": "C", "LC_ALL": "C", "NO_COLOR": "1"})
    t = settle(s, r"step 0 ")
    check("ascii: no braille", not re.search("[\u2800-\u28ff]", t), t)
    check("ascii: plain boxes", "+ surface" in t and "|" in t, t)
    check("ascii: transliterated", "th <- th - a*d" in t, t)
    s.close()
    s = Screen(80, 24, env={"NO_COLOR": "1"})
    settle(s, r"step 0 ")
    colored = tmux("capture-pane", "-p", "-e", "-t", s.name)
    check("NO_COLOR: no colour escapes",
          not re.search(r"\x1b\[([0-9;]*;)?(3[0-8]|4[0-8])[;m]", colored),
          colored[:400])
    s.close()


def test_mouse_theme_presenter():
    s = Screen(120, 36)
    before = settle(s, r"step 0 ")
    # SGR mouse reports, as xterm sends them: press and release.
    s.type("\x1b[<0;30;15M")
    s.type("\x1b[<0;30;15m")
    t = s.wait(r"runs restarted")
    check("click: start moved", re.search(r"start \(-?[0-9.]+, -?[0-9.]+\)", t),
          t)
    s.type("\x1b[<64;30;15M")
    t = settle(s, r"F10quit")
    def labels(scr):
        lines = scr.splitlines()
        at = [i for i, l in enumerate(lines) if re.search("│ *└[─┬]", l)]
        return lines[at[0] + 1][:60] if at else ""
    check("wheel: zoomed in", labels(t) and labels(t) != labels(before),
          labels(t))
    s.keys("0")
    s.keys("t")
    t = s.wait(r"theme light")
    check("t: next theme", "theme light" in t, t)
    s.keys("p")
    t = settle(s, r"surface")
    check("p: presenter mode hides the step panel",
          "update 1" not in t and "loss (log)" in t, t)
    s.keys("p")
    t = settle(s, r"update 1")
    check("p again: back", "update 1" in t, t)
    s.keys("]")
    t = s.wait(r"speed \d+ updates/s")
    check("]: faster", "speed 200 updates/s" in t, t)
    s.keys("PageDown")
    t = s.wait(r"no lesson is open")
    check("PgDn: reserved for lessons", "no lesson is open" in t, t)
    s.close()


def test_crash_signal():
    s = Screen(80, 24)
    settle(s, r"step 0 ")
    pid = tmux("display-message", "-p", "-t", s.name, "#{pane_pid}").strip()
    child = subprocess.run(["pgrep", "-P", pid], capture_output=True,
                           text=True).stdout.split()
    if check("SIGSEGV: process found", child, pid):
        os.kill(int(child[0]), 11)
        t = s.wait(r"EXIT=\d+")
        check("SIGSEGV: message after restoring", "internal error "
              "(segmentation fault); the terminal was restored" in t, t)
        check("SIGSEGV: died of it", "EXIT=139" in t, t)
        check("SIGSEGV: screen restored", s.alternate() == "0", t)
    s.close()


def test_errors():
    r = subprocess.run(command(), capture_output=True, text=True, timeout=20)
    check("not a tty: exit 2", r.returncode == 2, r)
    check("not a tty: message", "needs a terminal" in r.stderr, r.stderr)
    s = Screen(80, 24, env={"TERM": "no-such-terminal"})
    t = s.wait(r"EXIT=\d+")
    check("unknown TERM: exit 2", "EXIT=2" in t, t)
    check("unknown TERM: message", "unknown terminal type" in t, t)
    s.close()


if __name__ == "__main__":
    sys.exit(h.run_all("tui-e2e", globals()))
