#!/usr/bin/env python3
"""End-to-end tests of the lesson and demo players: the real binary in
tmux (tui_harness), the progress store in a temporary XDG_STATE_HOME.

usage: tui_lessons_e2e.py BINARY [--update]
--update rewrites the golden screens (lessons_menu_80x24.txt,
lesson_200x60.txt); review the diff like code.
"""
import os
import re
import sys
import tempfile
import time

import tui_harness as h
from tui_harness import Screen, check, golden, settle, tmux, well_formed

STATE = tempfile.mkdtemp(prefix="descent-state-")
# The players are tested on a frozen copy of an early course, so the
# shipped lessons can change freely.
COURSE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))), "lessons", "course")
ENV = {"XDG_STATE_HOME": STATE, "DESCENT_LESSONS": COURSE}


def fresh():
    return {"XDG_STATE_HOME": tempfile.mkdtemp(), "DESCENT_LESSONS": COURSE}


def progress():
    path = os.path.join(STATE, "descent", "progress")
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        return f.read()


def written(name, text):
    """A new file name in a temporary directory, holding text."""
    path = os.path.join(tempfile.mkdtemp(), name)
    with open(path, "w") as f:
        f.write(text)
    return path


def answer(s, text):
    s.prompt("Enter", text)


def test_menu_and_lesson():
    s = Screen(80, 24, [h.BIN, "lesson"], ENV)
    t = settle(s, r"03-learning-rate")
    check("menu: lessons listed", "01-gradient" in t and
          "Too small, too big" in t, t)
    well_formed("menu 80x24", t, 80, 24)
    golden("lessons_menu_80x24.txt", t)
    s.keys("Down", "Down", "Enter")
    t = settle(s, r"step 1/5")
    check("lesson: opened at its first step", "step 1/5 too-small ·" in t and "The learning rate α" in t, t)
    check("lesson: the step's settings", "quadratic · sgd · lr 0.01" in t, t)
    check("lesson: goal pending", "Goal: loss < 0.001 within 200 steps" in t
          and "… pending" in t, t)
    well_formed("lesson 80x24", t, 80, 24)
    s.keys("o")
    t = s.wait(r"locked in this lesson")
    check("lock: o refused", "optimizer is locked in this lesson" in t, t)
    s.keys("+")
    t = s.wait(r"lr 0\.02")
    check("free setting: + doubles lr", "sgd · lr 0.02" in t, t)
    s.keys("i")
    t = s.wait(r"Hint 1:")
    check("hint: the first shown", "Hint 1: Try a larger" in t and
          "Hint 2" not in t, t)
    s.keys("Space")
    t = s.wait(r"✓ met", timeout=10)
    check("goal: met while running", "✓ met. Goal met" in t, t)
    s.keys("Space")
    check("progress: saved when met", "03-learning-rate too-small" in
          progress(), progress())
    s.keys("PageDown")
    t = s.wait(r"step 2/5")
    check("PgDn: the quiz", "Quiz: What learning rate" in t, t)
    answer(s, "0.4")
    t = s.wait(r"Not quite")
    check("quiz: a wrong answer", "Not quite" in t, t)
    answer(s, "0.5")
    t = s.wait(r"Right\.")
    check("quiz: the right answer", "Right." in t and "✓ step 2/5 one-step" in t, t)
    s.keys("PageDown")
    t = s.wait(r"step 3/5")
    s.keys("S")
    t = s.wait(r"sgd · lr 5 ")
    check("skip: the solution applied", "Solution: lr: 5" in t, t)
    s.keys("PageUp")
    t = s.wait(r"step 2/5")
    check("PgUp: back a step", "✓ step 2/5 one-step" in t, t)
    s.keys("PageDown", "PageDown")
    t = s.wait(r"step 4/5")
    s.keys("1")
    t = s.wait(r"Not quite")
    check("choice: a wrong option", "Not quite" in t, t)
    s.keys("2")
    t = s.wait(r"Right\.")
    check("choice: the right option", "✓ step 4/5 threshold" in t, t)
    s.keys("m")
    t = settle(s, r"lessons")
    check("menu: progress shown", re.search(r"03-learning-rate .* 4/5", t), t)
    check("progress: four steps", "03-learning-rate too-small one-step "
          "too-big threshold" in progress(), progress())
    s.keys("q")
    t = s.wait(r"EXIT=\d+")
    check("quit: exit 0, restored", "EXIT=0" in t and s.alternate() == "0", t)
    s.close()


def test_lesson_200x60_presenter():
    s = Screen(200, 60, [h.BIN, "lesson", "01-gradient"],
               fresh())
    t = settle(s, r"step 1/")
    well_formed("lesson 200x60", t, 200, 60)
    check("200x60: lesson, step panel and charts", "· 01-gradient"
          in t and "update 1" in t and "learning rate" in t, t)
    golden("lesson_200x60.txt", t)
    s.keys("p")
    t = s.wait_gone(r"update 1")
    check("presenter: lesson beside the surface", "update 1" not in t and
          "· 01-gradient" in t, t)
    s.keys("Right")
    t = s.wait(r"step 2/")
    check("presenter: → is the clicker's next", "step 2/" in t, t)
    s.keys("Left")
    t = s.wait(r"step 1/")
    check("presenter: ← goes back", "step 1/" in t, t)
    s.close()


def test_limit_pauses():
    """steps: 200 is a pause, and the goal's verdict stays the one at its
    deadline (issue 9: "310 steps done and the loss is 1.63e-05")."""
    s = Screen(120, 36, [h.BIN, "lesson", "03-learning-rate"],
               fresh())
    settle(s, r"step 1/5")
    s.keys("Space")
    t = s.wait(r"Paused at step 200", timeout=15)
    check("limit: the run pauses at 200", "Paused at step 200" in t, t)
    check("limit: the verdict at the deadline", "Not met: loss 0.00139 at "
          "step 200" in t, t)
    s.keys("Space")
    t = s.wait(r"Paused at step 400", timeout=15)
    check("limit: Space goes on, the verdict stays", "Not met: loss 0.00139 "
          "at step 200" in t, t)
    s.keys("q")
    s.close()


HPO_PREDICT = """format: 2
id: hpo-predict
title: A prediction in the HPO view
minutes: 1

@step guess
text: Which search comes within 1% of the grid's best first?
model: ridge
view: hpo
lock: all
predict: choice
ask: Which search is first within 1%?
option: bayes
explain: Its first solve is already within 1% here.
option: grid
explain: The grid is the yardstick: it needs all 101 solves.
answer: 1
explain: A Gaussian process picks good λ quickly on this flat curve.
"""


def test_hpo_view_predicts():
    """A prediction in the HPO view: the replay waits for the guess, and
    showing every evaluation reveals the answer, as a run's end does."""
    path = written("hpo-predict.lesson", HPO_PREDICT)
    s = Screen(120, 36, [h.BIN, "lesson", path], fresh())
    settle(s, r"step 1/1")
    s.keys("Space")
    t = s.wait(r"predict first")
    check("hpo predict: Space waits for the guess", "predict first" in t, t)
    answer(s, "1")
    t = s.wait(r"Run it to see")
    s.keys("End")
    t = s.wait(r"The answer")
    check("hpo predict: End reveals the answer", "The answer: 1: bayes" in t
          and "✓" in t, t)
    s.keys("q")
    s.close()


DEMO = """lesson 03-learning-rate
step too-small
say Five updates at α = 0.01.
run 5
sleep 0.1
key +
pause
say Now faster.
run 5
"""


def test_demo():
    path = written("short.demo", DEMO)
    s = Screen(80, 24, [h.BIN, "demo", path], ENV)
    t = settle(s, r"paused: Space")
    check("demo: ran 5 updates", "step 5 " in t, t)
    check("demo: say shown", "Five updates at α = 0.01." in t, t)
    check("demo: key + pressed", "lr 0.02" in t, t)
    check("demo: the caption leaves the legend in sight",
          "★ min" in t and "Five updates" in t, t)
    s.keys("Space")
    t = settle(s, r"end of the demo")
    check("demo: pause released, ran on", "step 10 " in t and
          "Now faster." in t, t)
    s.keys("q")
    t = s.wait(r"EXIT=\d+")
    check("demo: quit restores", "EXIT=0" in t and s.alternate() == "0", t)
    s.close()


PAST_LIMIT = """lesson 03-learning-rate
step too-small
set steps 10
run 25
say Twenty-five updates, past the limit of ten.
"""


def test_demo_runs_past_the_limit():
    """A demo's run N goes past the step's limit, as lint --play plays it
    (the screen stopped at the limit and the captions lied)."""
    path = written("past.demo", PAST_LIMIT)
    s = Screen(80, 24, [h.BIN, "demo", path], ENV)
    t = settle(s, r"end of the demo")
    check("demo: run 25 over a limit of 10", "step 25 " in t and
          "Paused at step" not in t, t)
    s.keys("q")
    s.close()


LOCKED = """format: 2
id: locked
title: Locked
minutes: 1

@step slow
text: Only the learning rate is free.
objective: quadratic
optimizer: sgd
lr: 0.01
start: 1.5, 1.5
steps: 200
lock: all except lr
goal: loss < 1e-3 within 200 steps
solution: lr: 0.5
"""


def test_versus_locked():
    """V adds a run with hypergradients: refused when they are locked
    (additive HD meets this goal at update 23)."""
    path = written("locked.lesson", LOCKED)
    s = Screen(120, 36, [h.BIN, "lesson", path], fresh())
    settle(s, r"step 1/1")
    s.keys("V")
    t = s.wait(r"locked in this lesson")
    check("lock: V refused", "hypergrad is locked in this lesson" in t and
          "run 2" not in t, t)
    s.keys("q")
    s.close()


GRAD_FREE = LOCKED.replace("lock: all except lr", "lock: all except grad") \
    .replace("solution: lr: 0.5", "solution: grad: ad")


def test_setting_prompt_obeys_locks():
    """: grad: MODE:H sets h too: refused where h is locked; the method
    alone is free (a way round 02's h 0.5)."""
    path = written("grad.lesson", GRAD_FREE)
    s = Screen(120, 36, [h.BIN, "lesson", path], fresh())
    settle(s, r"step 1/1")
    t = s.prompt(":", "grad: central:1e-5", r"locked in this lesson")
    check("lock: grad: central:H refused", "h is locked in this lesson" in t
          and "central" not in t.splitlines()[0], t)
    s.keys("Escape")
    t = s.prompt(":", "grad: ad", r"grad: ad")
    check("lock: grad: ad accepted", "· ad ·" in t.splitlines()[0],
          t.splitlines()[0])
    s.keys("q")
    s.close()


def test_demo_running_shows_running():
    path = written("long.demo", "lesson 03-learning-rate\nstep too-small\n"
                   "say Watch.\nrun 1000\n")
    s = Screen(80, 24, [h.BIN, "demo", path], ENV)
    t = s.wait(r"▶ running", stable=False)
    check("demo: a run it plays shows ▶ running", "▶ running" in t and
          "⏸" not in t.splitlines()[0], t)
    s.close()


def stage_results(t):
    """The step panel's stage numbers shown (every stage's result line)."""
    return set(re.findall(r"│[▶ ]([1-5]) ", t))


def test_lesson_screen_keeps_everything():
    """Issue 9: at 80x24 and 120x36 the lesson, its goal and every stage of
    the step panel are on screen; v swaps the charts in and back, the
    lesson stays."""
    for cols, rows in ((80, 24), (120, 36)):
        s = Screen(cols, rows, [h.BIN, "lesson", "11-hypergradient"],
                   {"XDG_STATE_HOME": tempfile.mkdtemp()})
        t = settle(s, r"step 1/")
        name = f"{cols}x{rows}"
        check(f"{name}: every stage shown", stage_results(t) ==
              {"1", "2", "3", "4", "5"}, t)
        check(f"{name}: the lesson panel", "· 11-hypergrad" in t, t)
        s.keys("n")
        t = settle(s, r"stage 5/5")
        check(f"{name}: stages 4 and 5 after an update", "4" in
              stage_results(t) and "5" in stage_results(t), t)
        well_formed(f"lesson {name}", t, cols, rows)
        if cols == 80:
            s.keys("v")
            t = settle(s, r"loss")
            check("80x24: v shows the charts, the lesson stays",
                  "learning rate" in t and "· 11-hypergrad" in t, t)
            s.keys("v")
            t = settle(s, r"update 1")
            check("80x24: v again, the step panel", stage_results(t) ==
                  {"1", "2", "3", "4", "5"}, t)
        s.close()
        s = Screen(cols, rows, [h.BIN, "lesson", "03-learning-rate"],
                   fresh())
        t = settle(s, r"step 1/")
        check(f"{name}: the goal and its status in sight",
              "Goal: loss < 0.001 within 200 steps" in t and "… pending" in t,
              t)
        s.close()


def theory_shown(t):
    """Whether a theory line with numbers is on the screen."""
    return re.search(r"quadratic: λ|stable α <|best α|rate [0-9.]+ .*measured",
                     t) is not None


def test_theory_waits_for_the_answer():
    """The theory lines compute lesson 05's answers (α_max, 1 − αλ, the
    best α): they show where the lesson teaches them, and on a quiz only
    once it is answered."""
    for cols, rows in ((80, 24), (120, 36)):
        name = f"{cols}x{rows}"
        s = Screen(cols, rows, [h.BIN, "lesson", "05-curvature"],
                   {"XDG_STATE_HOME": tempfile.mkdtemp()})
        t = settle(s, r"step 1/")
        check(f"{name}: 05's first step shows the theory",
              "quadratic: λ 2, 18" in t, t)
        s.keys("NPage", "NPage", "NPage")
        t = settle(s, r"step 4/6 along")
        check(f"{name}: no theory line during the quiz", not theory_shown(t)
              and "held back until this step is done" in t, t)
        s.keys("n")
        t = settle(s, r"update 2")
        check(f"{name}: nor after an update", not theory_shown(t), t)
        answer(s, "7/9")
        t = settle(s, r"Right\.")
        check(f"{name}: the theory once answered", theory_shown(t) and
              "held back" not in t, t)
        s.close()


def test_ascii_no_color():
    s = Screen(80, 24, [h.BIN, "lesson", "03-learning-rate"],
               dict(fresh(), LANG="C", LC_ALL="C", NO_COLOR="1"))
    t = settle(s, r"step 1/5")
    check("ascii: plain boxes", "+ step 1/5 too-small" in t, t)
    check("ascii: no UTF-8", all(ord(c) < 128 for c in t), t)
    s.keys("q")
    s.close()


def main():
    tmux("new-session", "-d", "-s", "keep", "sleep 600")
    tmux("set-option", "-g", "status", "off")
    tmux("set-option", "-g", "exit-empty", "off")
    t0 = time.time()
    try:
        for name, fn in sorted(globals().items()):
            if name.startswith("test_") and callable(fn):
                try:
                    fn()
                except Exception as e:  # a broken test is a failure
                    check(name, False, repr(e))
    finally:
        tmux("kill-server", check=False)
    print(f"tui-lessons-e2e: {h.passed} passed, {h.failed} failed "
          f"({time.time() - t0:.1f} s)")
    return 1 if h.failed else 0


if __name__ == "__main__":
    sys.exit(main())
