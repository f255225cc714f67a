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


def test_lint_shipped():
    files = sorted(glob.glob(os.path.join(TOP, "lessons", "*.lesson")) +
                   glob.glob(os.path.join(TOP, "assets", "demos", "*.demo")))
    p = run(["lint"] + files)
    check("lint shipped exit", p.returncode == 0, p.stdout + p.stderr)
    check("lint summary", p.stdout == "lint: 8 lessons, 2 demos, no problems\n",
          p.stdout)


def test_lint_bad():
    for name in ("bad.lesson", "bad.demo"):
        path = os.path.join(BAD, name)
        with open(path + ".expected") as f:
            want = f.read().replace("FILE", path)
        p = run(["lint", path])
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


def test_list_and_reset(state):
    env = {"XDG_STATE_HOME": state}
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
    p = run(["lesson", "03-learning-rate"])
    check("lesson: checked, then the TUI wants a terminal",
          p.returncode == 2 and "the TUI needs a terminal" in p.stderr,
          p.stderr)
    p = run(["lesson", "03-learnig-rate"])
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
    with tempfile.TemporaryDirectory() as state:
        test_list_and_reset(state)
    test_lesson_and_demo()
    return finish("cli-lessons")


sys.exit(main())
