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
    bar = t.rstrip("\n").splitlines()[-1]
    check("start: every hint, shortened before any is left out",
          all(k in bar for k in ("?help", "Spcrun", "nstep", "sstage",
                                 "bback", "llr", "Oset", "Kclip", "HHD",
                                 "fobj", "eexp", "ccmp", "qquit")), bar)
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
    s.prompt("K", "norm:5", r"clip norm:5")
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
    t = s.prompt("l", "0.1", r"lr 0\.1 ")
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
    check("compare: legend shows both, each by its glyph",
          "●1 adam" in t and "▶■2 adamw" in t, t)
    check("compare: stepped together", "step 3 " in t, t)
    s.keys("Tab")
    t = s.wait(r"run 1/2: adam")
    check("compare: Tab focuses run 1", "run 1/2: adam" in t, t)
    well_formed("compare 120x36", t, 120, 36)
    s.close()


def two_updates_in():
    """The default screen at 120x36, two updates made."""
    s = Screen(120, 36)
    settle(s, r"step 0 ")
    s.keys("n", "n")
    s.wait(r"step 2 ")
    return s


def test_settings_panel():
    """F3: every setting of the focused run, its optimiser's constants
    included, changed mid-run in the command line's grammar."""
    s = two_updates_in()
    s.keys("F3")
    t = s.wait(r"settings of the focused run")
    check("settings: Adam's constants listed", all(
        re.search(name + r" +" + value, t) for name, value in
        (("beta1", "0.9"), ("beta2", "0.999"), ("eps", "1e-08"))), t)
    s.keys("Down", "Down")
    t = s.prompt("Enter", "0.5", r"settings of the focused run")
    check("settings: β1 changed, the panel back", re.search(r"beta1 +0\.5",
                                                           t), t)
    s.keys("Escape")
    s.keys("n")
    t = s.wait(r"step 3 ")
    check("settings: the next update uses it", "m = 0.5·m + 0.5·ĝ" in t, t)
    s.close()


def test_compare_asks_and_says():
    """Adding a run restarts every run, removing one loses it: both are
    asked once updates were made, and both say what happened."""
    s = two_updates_in()
    t = s.ask("c", r"Add a run\?")
    check("compare: asked", "Every run starts again at the start (2 updates "
          "made)" in t, t)
    t = s.reply("n", r"no run added")
    check("compare: n keeps the run as it was", "step 2 " in t and
          "run 2/2" not in t, t)
    s.ask("c", r"Add a run\?")
    t = s.reply("y", r"run 2 added")
    check("compare: y adds and says so", "run 2 added with run 1's settings;"
          " every run is back at the start" in t and "step 0 " in t, t)
    t = s.ask("C", r"Remove run 2")
    check("remove: asked, naming the run", "Remove run 2 (adam · lr 0.05 at "
          "step 0)?" in t, t)
    t = s.reply("y", r"run 2 removed")
    check("remove: said", "run 2 removed (adam · lr 0.05 at step 0); 1 left"
          in t, t)
    s.close()


def test_resize():
    s = Screen(200, 60)
    big = settle(s, r"step 0 ")
    check("200x60: all panels", "learning rate" in big and "update 1" in big,
          big)
    tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24")
    small = settle(s, r"(F10|q)quit")
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
    t = settle(s, r"(F10|q)quit")
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
        check(f"{key}: screen restored", not re.search(r"(F10|q)quit", t) and
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


def test_steps_limit():
    """--steps N pauses live running at N and says so; Space goes on to
    2N. Without a limit the run goes on and says when it converged."""
    s = Screen(120, 36, command("quadratic", "sgd", "0.1") + ["--steps", "5"])
    settle(s, r"step 0 ")
    s.keys("Space")
    t = s.wait(r"paused at the step limit")
    check("steps: paused at 5", "step 5 " in t and
          "paused at the step limit (5 updates)" in t, t)
    s.keys("Space")
    t = s.wait(r"step 10 .*paused at the step limit")
    check("steps: Space grants as many again", "step 10 " in t, t)
    s.close()
    s = Screen(120, 36, command("quadratic", "sgd", "0.5"))
    settle(s, r"step 0 ")
    s.keys("Space")
    t = s.wait(r"converged")
    check("no limit: converged shown while running",
          re.search(r"step \d+ +▶ running · converged", t), t)
    s.close()


def test_theta_out_of_view():
    """lr 1e9 throws θ out of the view: an arrow at the edge with its
    coordinates; w fits the view to the paths."""
    s = Screen(80, 24, command("quadratic", "sgd", "1e9"))
    settle(s, r"step 0 ")
    s.keys("n", "n", "n")
    t = settle(s, r"step 3 ")
    check("off view: marked with its coordinates",
          re.search(r"↙ θ \(-1\.2e\+28, -1\.2e\+28\)", t), t)
    s.keys("w")
    t = settle(s, r"the paths \(0 goes back\)")
    check("w: view fitted", "θ (" not in t and "view x∈[" in t, t)
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
    t = s.prompt("x", "x^2 + sni(y)", r"did you mean")
    check("expression: error shown inline",
          "unknown function 'sni' (did you mean 'sin'?)" in t, t)
    lines = t.splitlines()
    at = [i for i, l in enumerate(lines) if "x^2 + sni(y)" in l]
    check("expression: caret under the error",
          at and lines[at[0] + 1].index("^") == lines[at[0]].index("sni"), t)
    t = s.prompt(None, "x^2 + 3*sin(y)", r"descent  x\^2 \+ 3\*sin\(y\)")
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
    t = s.prompt("e", path, r"exported")
    check("export: written", os.path.exists(path), t)
    if os.path.exists(path):
        with open(path) as f:
            rows = f.read().splitlines()
        check("export: header and 3 rows", len(rows) == 4 and
              rows[0].startswith("step,loss"), rows)
    t = s.prompt("e", path, r"overwrite it\?")
    check("export: asks before overwriting", "y yes · n no" in t, t)
    s.keys("n")
    t = s.wait(r"not exported")
    check("export: n is a key, the file kept", "not exported" in t and
          "overwrite it?" not in t, t)
    s.keys("n")
    s.wait(r"step 3 ")
    s.prompt("e", path, r"overwrite it\?")
    s.keys("y")
    t = s.wait(r"exported 4 rows")
    check("export: y is a key, the file replaced", "exported 4 rows" in t, t)
    with open(path) as f:
        check("export: four rows now", len(f.read().splitlines()) == 5)
    s.close()


def test_ascii_and_no_color():
    s = Screen(80, 24, env={"LANG": "C", "LC_ALL": "C", "NO_COLOR": "1"})
    t = settle(s, r"step 0 ")
    check("ascii: no braille", not re.search("[\u2800-\u28ff]", t), t)
    check("ascii: plain boxes", "+ surface" in t and "|" in t, t)
    check("ascii: transliterated", "th <- th - a*d" in t, t)
    s.close()
    s = Screen(80, 24, env={"LANG": "C", "LC_ALL": "C"})
    settle(s, r"step 0 ")
    s.keys(*["n"] * 20)
    t = settle(s, r"step 20 ")
    plot = "".join(l[1:37] for l in t.splitlines()[2:20])
    check("ascii: the path's '+' apart from the minimum's '*'",
          plot.count("*") == 1 and "+" in plot, plot)
    s.close()
    s = Screen(80, 24, env={"NO_COLOR": "1"})
    t = settle(s, r"step 0 ")
    # Without colours the contours are dotted (braille dots 1, 3, 5, 8
    # only); only the arrows use the others.
    cells = [ord(c) - 0x2800 for c in t if 0x2800 < ord(c) <= 0x28ff]
    solid = sum(1 for m in cells if m & ~0x95)
    check("mono: contours dotted, apart from paths", len(cells) > 100 and
          solid < 20, (len(cells), solid))
    colored = tmux("capture-pane", "-p", "-e", "-t", s.name)
    check("NO_COLOR: no colour escapes",
          not re.search(r"\x1b\[([0-9;]*;)?(3[0-8]|4[0-8])[;m]", colored),
          colored[:400])
    s.close()


def test_pointer_drag_and_colour_bar():
    """The heat map's key in the surface's border; f and ∇f under the
    pointer; a drag pans the view (a click still moves the start)."""
    s = Screen(120, 36)
    t = settle(s, r"step 0 ")
    check("colour bar: the heat map's range in the border",
          re.search(r"╰─+ f [0-9.e+-]+ {10}[0-9.e+-]+ ─╯", t), t)
    # Any-event tracking: a move with no button is code 35.
    s.type("\x1b[<35;30;15M")
    t = s.wait(r"∇f \(")
    check("pointer: f and ∇f under it",
          re.search(r"╰─ \(-?[0-9.]+, -?[0-9.]+\)  f [0-9.e+-]+  ∇f \(", t), t)
    title = t.splitlines()[1]
    # Each report read on its own, as a hand drags (under load they could
    # be read together and taken for a click).
    for report in ("\x1b[<0;30;15M", "\x1b[<32;40;20M", "\x1b[<0;40;20m"):
        s.type(report)
        time.sleep(0.2)
    t = settle(s, r"step 0 ")
    check("drag: the view moved, the start did not",
          t.splitlines()[1] != title and "runs restarted" not in t,
          t.splitlines()[1])
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
    t = settle(s, r"(F10|q)quit")
    def labels(scr):
        lines = scr.splitlines()
        at = [i for i, l in enumerate(lines) if re.search("└[─┬]", l)]
        return lines[at[0] + 1][:60] if at else ""
    check("wheel: zoomed in", labels(t) and labels(t) != labels(before),
          labels(t))
    s.keys("0")
    s.keys("t")
    t = s.wait(r"theme light")
    check("t: next theme", "theme light" in t, t)
    s.keys("p")
    t = s.wait_gone(r"update 1")
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
