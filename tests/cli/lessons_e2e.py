#!/usr/bin/env python3
"""End-to-end tests of the lesson commands: descent lint, list lessons,
lesson (--reset), demo, with a private XDG_STATE_HOME.

usage: lessons_e2e.py DESCENT_BINARY REF_DIR
"""
import glob
import os
import sys
import tempfile

from e2e_lib import check, finish, run

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BAD = os.path.join(TOP, "tests", "lessons")
# Finding, listing and progress are tested on a frozen copy of an early
# course, so the shipped lessons can change freely.
COURSE = {"DESCENT_LESSONS": os.path.join(BAD, "course")}


def shipped():
    return (sorted(glob.glob(os.path.join(TOP, "lessons", "*.lesson"))),
            sorted(glob.glob(os.path.join(TOP, "assets", "demos", "*.demo"))))


def test_lint_shipped():
    lessons, demos = shipped()
    p = run(["lint"] + lessons + demos)
    check("lint shipped exit", p.returncode == 0, p.stdout + p.stderr)
    want = f"lint: {len(lessons)} lessons, {len(demos)} demos, no problems\n"
    check("lint summary", p.stdout == want, p.stdout)


def test_lint_bad():
    for name in ("bad.lesson", "bad.demo"):
        path = os.path.join(BAD, name)
        with open(path + ".expected") as f:
            want = f.read().replace("FILE", path)
        p = run(["lint", path], env=COURSE)
        check(f"lint {name} exit 2", p.returncode == 2, p.returncode)
        check(f"lint {name} every problem", p.stdout == want,
              f"\n--- want\n{want}--- got\n{p.stdout}")
    p = run(["lint", os.path.join(BAD, "nope.lesson"), "x.txt"])
    check("lint missing and unknown", p.returncode == 2 and p.stdout.endswith(
        "x.txt: not a lesson (.lesson) or demo script (.demo)\n") and
        "nope.lesson: cannot open: No such file or directory" in p.stdout,
        p.stdout)
    p = run(["lint"])
    check("lint without files", p.returncode == 2 and
          p.stderr == "descent: lint: no files (see 'descent lint --help')\n",
          p.stderr)


PLAYED = """format: 2
id: played
title: Played
minutes: 1

@step slow
text: Too slow as it starts.
objective: quadratic
optimizer: sgd
lr: 0.01
start: 1.5, 1.5
steps: 200
goal: loss < 1e-3
solution: lr: 0.5
check: lr: 0.5 | loss < 1e-12 within 1 step
check: | loss < 1e-3

@step easy
text: Met as it starts: not a goal.
lr: 0.4
goal: loss < 1e-3 within 50 steps
solution: lr: 0.5
"""


def test_lint_play(tmp):
    # The frozen course and the shipped demos: the shipped lessons are
    # played by the lint-play test (minutes under the sanitizers).
    lessons = sorted(glob.glob(os.path.join(COURSE["DESCENT_LESSONS"],
                                            "*.lesson")))
    demos = shipped()[1]
    p = run(["lint", "--play"] + lessons + demos)
    check("lint --play exit 0", p.returncode == 0, p.stdout + p.stderr)
    lines = p.stdout.splitlines()
    check("lint --play: a line per goal or check",
          all(l.endswith(": ok") for l in lines[:-1]) and len(lines) > 15,
          p.stdout)
    check("lint --play summary", lines[-1].startswith(
          f"lint --play: {len(lessons)} lessons, {len(demos)} demos, ") and lines[-1].endswith(" goals and checks, all ok"),
          lines[-1])
    path = os.path.join(tmp, "played.lesson")
    with open(path, "w") as f:
        f.write(PLAYED)
    p = run(["lint", "--play", path])
    want = (f"{path}:13: slow: ok\n"
            f"{path}:15: slow: ok\n"
            f"{path}:16: slow: FAILS: Not met: loss 0.00139 at step 200, not "
            "below 0.001.\n"
            f"{path}:21: easy: FAILS: the step as it starts meets its goal: "
            "Goal met: loss 0.000288 at step 3, below 0.001.\n"
            "lint --play: 1 lesson, 0 demos, 2 of 4 goals and checks fail\n")
    check("lint --play: exit 1 and why", p.returncode == 1 and p.stdout == want,
          f"\n--- want\n{want}--- got\n{p.stdout}")
    p = run(["lint", path])
    check("lint alone does not play", p.returncode == 0, p.stdout)
    p = run(["lint", "--play", os.path.join(BAD, "bad.lesson")])
    check("lint --play of a file with problems: exit 2, not played",
          p.returncode == 2 and ": ok" not in p.stdout, p.stdout)
    p = run(["lint", "--plya", path])
    check("lint: unknown option", p.returncode == 2 and p.stderr ==
          "descent: --plya: unknown option (see 'descent lint --help')\n",
          p.stderr)


def test_finding():
    for arg in ("3", "learning-rate", "learn", "03-learning-rate"):
        p = run(["lesson", arg], env=COURSE)
        check(f"lesson {arg}: found, then the TUI wants a terminal",
              p.returncode == 2 and "the TUI needs a terminal" in p.stderr,
              p.stderr)
    p = run(["lesson", "l"], env=COURSE)
    check("lesson: an ambiguous prefix lists the candidates", p.returncode == 2
          and p.stderr == "descent: lesson: 'l' matches 2 lessons: "
          "03-learning-rate, 08-logistic-regression\n", p.stderr)
    p = run(["demo", "momentum"])
    check("demo by prefix", p.returncode == 2 and "the TUI needs a terminal"
          in p.stderr, p.stderr)
    p = run(["demo", "momentum-vs-sdg"])
    check("demo unknown", p.returncode == 2 and p.stderr ==
          "descent: demo: unknown demo 'momentum-vs-sdg' (did you mean "
          "'momentum-vs-sgd'?)\n", p.stderr)
    p = run(["list", "demos"])
    names = sorted(os.path.basename(f)[:-len(".demo")] for f in glob.glob(
        os.path.join(TOP, "assets", "demos", "*.demo")))
    check("list demos: every shipped script, by name", p.returncode == 0 and
          [l.split()[0] for l in p.stdout.splitlines()] == names, p.stdout)


def test_list_and_reset(state):
    env = dict(COURSE, XDG_STATE_HOME=state)
    p = run(["list", "lessons"], env=env)
    lines = p.stdout.splitlines()
    check("list lessons", p.returncode == 0 and len(lines) == 8 and
          lines[2].split()[0] == "03-learning-rate" and
          lines[2].endswith("10 min  -"), p.stdout + p.stderr)
    path = os.path.join(state, "descent", "progress")
    os.makedirs(os.path.dirname(path))
    with open(path, "w") as f:
        f.write("# descent progress 1\n03-learning-rate too-small one-step\n"
                "01-gradient bowl walk direction factor booth\n!! damaged\n")
    p = run(["list", "lessons"], env=env)
    lines = p.stdout.splitlines()
    check("list progress", lines[0].endswith("8 min  done") and
          lines[2].endswith("10 min  2/5"), p.stdout)
    check("damaged file warned", p.stderr ==
          f"descent: {path}:4: damaged line, ignored\n", p.stderr)
    p = run(["lesson", "--reset", "03-learning-rate"], env=env)
    check("reset one", p.returncode == 0 and
          p.stdout == "progress of lesson '03-learning-rate' cleared\n",
          p.stdout + p.stderr)
    with open(path) as f:
        text = f.read()
    check("reset keeps the others", text == "# descent progress 1\n"
          "01-gradient bowl walk direction factor booth\n", text)
    check("no temporary left", os.listdir(os.path.dirname(path)) ==
          ["progress"], os.listdir(os.path.dirname(path)))
    p = run(["lesson", "--reset", "03-learning-rat"], env=env)
    check("reset unknown", p.returncode == 2 and p.stderr ==
          "descent: lesson: unknown lesson '03-learning-rat' (see 'descent "
          "list lessons')\n", p.stderr)
    p = run(["lesson", "--reset"], env=env)
    with open(path) as f:
        text = f.read()
    check("reset all", p.returncode == 0 and text == "# descent progress 1\n",
          text)


def test_lesson_and_demo():
    p = run(["lesson", "03-learning-rate"], env=COURSE)
    check("lesson: checked, then the TUI wants a terminal",
          p.returncode == 2 and "the TUI needs a terminal" in p.stderr,
          p.stderr)
    p = run(["lesson", "03-learnig-rate"], env=COURSE)
    check("lesson unknown id", p.returncode == 2 and p.stderr ==
          "descent: lesson: unknown lesson '03-learnig-rate' (did you mean "
          "'03-learning-rate'?)\n", p.stderr)
    p = run(["lesson", os.path.join(BAD, "bad.lesson")])
    check("lesson bad file", p.returncode == 2 and p.stderr.count("\n") > 10,
          p.stderr)
    p = run(["demo", os.path.join(TOP, "assets", "demos", "learning-rate.demo")])
    check("demo: checked, then the TUI wants a terminal",
          p.returncode == 2 and "the TUI needs a terminal" in p.stderr,
          p.stderr)
    p = run(["demo", os.path.join(BAD, "bad.demo")])
    check("demo bad file", p.returncode == 2, p.stderr)


def main():
    test_lint_shipped()
    test_lint_bad()
    with tempfile.TemporaryDirectory() as tmp:
        test_lint_play(tmp)
    test_finding()
    with tempfile.TemporaryDirectory() as state:
        test_list_and_reset(state)
    test_lesson_and_demo()
    return finish("cli-lessons")


sys.exit(main())
