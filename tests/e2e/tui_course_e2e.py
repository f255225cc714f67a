#!/usr/bin/env python3
"""The shipped course played through the TUI by keys, as a student would:
lessons 01, 04 and 07 in tmux (tui_harness), progress in a temporary
XDG_STATE_HOME. Quiz explanations, hints and titles are read from the
lesson files at test time, so editing a lesson's words does not break
this test, but the screen must show them.

usage: tui_course_e2e.py BINARY
"""
import os
import re
import sys
import tempfile

import tui_harness as h
from tui_harness import Screen, check, run_all, settle, well_formed

LESSONS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "lessons")


def course(lid):
    """What a lesson file says that the screen must show: its title and
    next, and per step its options, explanations and hints."""
    info = {"steps": {}, "order": []}
    step = last = None
    with open(os.path.join(LESSONS, lid + ".lesson")) as f:
        for line in f:
            m = re.match(r"@step (\S+)", line)
            if m:
                step = {"options": [], "explain": [], "hints": [],
                        "answer_explain": None}
                info["steps"][m.group(1)] = step
                info["order"].append(m.group(1))
                continue
            m = re.match(r"([a-z]+): ?(.*)", line)
            if not m:
                continue
            key, value = m.group(1), m.group(2).strip()
            if step is None:
                info[key] = value
            elif key == "option":
                step["options"].append(value)
                step["explain"].append(None)
            elif key == "explain" and last == "answer":
                step["answer_explain"] = value
            elif key == "explain":
                step["explain"][-1] = value
            elif key == "hint":
                step["hints"].append(value)
            if key in ("option", "answer"):
                last = key
    return info


def words(text):
    return re.sub(r"\s+", " ", text).strip()


def panel(t):
    """The lesson panel's lines as one text (its wrapped lines joined):
    the box whose title names the step or the recap."""
    lines = t.splitlines()
    m = re.search(r"╭ (✓ )?(step|recap)", lines[1])
    if not m:
        return ""
    out = []
    for line in lines[2:]:
        part = line[m.start():]
        if part.startswith("╰"):
            break
        out.append(part[1:].rstrip().rstrip("│"))
    return words(" ".join(out))


def shows(name, t, text):
    """text (a lesson's words) is on the lesson panel now."""
    return check(name, words(text) in panel(t), f"want: {text}\n{t}")


def choose(s, name, step, k, right):
    """Option k of a choice quiz: the verdict and the option's own
    explanation (read from the lesson) on the panel."""
    s.keys(str(k))
    t = s.wait(r"Right\." if right else r"Not quite")
    shows(f"{name}: option {k}, {'right' if right else 'wrong'}, explained",
          t, step["explain"][k - 1])
    return t


def env():
    return {"XDG_STATE_HOME": tempfile.mkdtemp(prefix="descent-state-"),
            "DESCENT_LESSONS": LESSONS}


def progress(e):
    path = os.path.join(e["XDG_STATE_HOME"], "descent", "progress")
    with open(path) as f:
        return f.read()


def typed(s, key, text, expect):
    """A prompt (key opens it) answered with text: the screen once
    expect shows."""
    return s.prompt(key, text, expect)


def scroll_end(s):
    """The lesson panel scrolled to its end (> until ▼ goes)."""
    t = s.text()
    for _ in range(60):
        if "▼ >" not in t:
            break
        s.keys(">")
        t = settle(s, r"")
    return t


def goto(s, n, total):
    s.keys("PageDown")
    return settle(s, rf"step {n}/{total} ")


def test_01_gradient_80x24():
    """Lesson 01 at 80x24: a choice quiz wrong, a hint, then right; a
    prediction; a number quiz by percentage; a goal met by typing α;
    quitting and resuming; a skip; the recap and the next lesson."""
    L = course("01-gradient")
    up, fac = L["steps"]["uphill"], L["steps"]["factor"]
    e = env()
    s = Screen(80, 24, [h.BIN, "lesson", "01-gradient"], e)
    t = settle(s, r"step 1/8 bowl")
    check("01: opens at its first step", "step 1/8 bowl · 01-gradient" in t, t)
    well_formed("01 80x24", t, 80, 24)
    t = goto(s, 2, 8)
    t = choose(s, "01 uphill", up, 2, False)
    check("01 uphill: not done", "✓ step 2/8" not in t, t)
    s.keys("i")
    t = s.wait(r"Hint 1:")
    shows("01 uphill: the hint in sight after a wrong answer", t,
          "Hint 1: " + up["hints"][0])
    t = choose(s, "01 uphill", up, 1, True)
    shows("01 uphill: the answer's explanation", t, up["answer_explain"])
    check("01 uphill: done", "✓ step 2/8 uphill" in t, t)
    t = goto(s, 3, 8)
    s.keys("n")
    t = s.wait(r"predict first")
    check("01 stages: the run waits for a guess", "predict first: Enter "
          "gives your guess" in t and "step 0 " in t, t)
    t = typed(s, "Enter", "1.2", r"Your guess: 1\.2\. Run it")
    check("01 stages: the guess kept", "Your guess: 1.2. Run it to see."
          in panel(t), t)
    s.keys("n")
    t = s.wait(r"The answer: 1\.2")
    check("01 stages: revealed beside the guess", "Your guess: 1.2 ✓. The "
          "answer: 1.2." in panel(t), t)
    check("01 stages: done by the reveal", "✓ step 3/8 stages" in t, t)
    goto(s, 4, 8)
    t = goto(s, 5, 8)
    t = typed(s, "Enter", "0.8", r"Not quite")
    check("01 factor: a wrong number", "Not quite" in panel(t), t)
    t = typed(s, "Enter", "50%", r"Right\.")
    shows("01 factor: 50% is right, explained", t, fac["answer_explain"])
    t = goto(s, 6, 8)
    check("01 one-step: the goal pending", "… pending" in panel(t), t)
    typed(s, "l", "0.6", r"lr 0\.6")
    s.keys("n")
    t = s.wait(r"✓ met")
    check("01 one-step: met by its idea", "✓ met" in panel(t) and
          "✓ step 6/8 one-step" in t, t)
    t = goto(s, 7, 8)
    check("01 booth: opens at the top of its text",
          "Not every bowl is round" in panel(t), t)
    s.keys("q")
    t = s.wait(r"EXIT=\d+")
    check("01: q quits, exit 0", "EXIT=0" in t, t)
    check("01: progress saved", re.search(r"^01-gradient .*\bone-step\b",
          progress(e), re.M), progress(e))
    s.close()

    s = Screen(80, 24, [h.BIN, "lesson", "01-gradient"], e)
    t = settle(s, r"step \d/8")
    check("01: resumed at the step left", "step 7/8 booth" in t, t)
    check("01: resumed at the top of the text", "Not every bowl is round"
          in panel(t), t)
    t = goto(s, 8, 8)
    s.keys("S")
    t = s.wait(r"The answer: 1")
    check("01 booth-gradient: skip shows the answer", "✓ step 8/8" in t and
          "The answer: 1: (−24, −30). At (1, 0)" in panel(t), t)
    s.keys("PageDown")
    t = settle(s, r"recap ·")
    nxt = course(L["next"])
    check("01: the recap", "Recap" in panel(t), t)
    check("01: the recap's keys name the next lesson", re.search(
          rf"PgDn(:| next: ){L['next']}", panel(t)), t)
    t = scroll_end(s)
    check("01: the recap's end names the next lesson", f"Next: {L['next']}, "
          f"{nxt['title']} ({nxt['minutes']} min)" in panel(t), t)
    s.keys("PageDown")
    t = settle(s, r"step 1/\d+ ")
    check("01: PgDn on the recap opens the next lesson", f"step 1/"
          f"{len(nxt['order'])} {nxt['order'][0]} · 02-" in t, t)
    s.keys("q")
    s.close()


def test_04_learning_rate_120x36():
    """Lesson 04 at 120x36: a goal met with +, a number quiz wrong then
    right, a choice prediction revealed, a goal skipped with S, a choice
    quiz wrong then right, the recap."""
    L = course("04-learning-rate")
    e = env()
    s = Screen(120, 36, [h.BIN, "lesson", "04"], e)
    t = settle(s, r"step 1/7 too-small")
    well_formed("04 120x36", t, 120, 36)
    check("04 too-small: goal and status in sight", "Goal: loss < 0.001 "
          "within 200 steps" in panel(t) and "… pending" in panel(t), t)
    s.keys("+")
    s.wait(r"lr 0\.02")
    s.keys("]", "]", "]", "]", "Space")
    t = s.wait(r"✓ met", timeout=15)
    check("04 too-small: met after +", "✓ met" in panel(t) and
          "✓ step 1/7" in t, t)
    t = goto(s, 2, 7)
    t = typed(s, "Enter", "200", r"Not quite")
    check("04 how-slow: wrong", "Not quite" in panel(t), t)
    t = typed(s, "Enter", "209", r"Right\.")
    shows("04 how-slow: right, explained", t,
          L["steps"]["how-slow"]["answer_explain"])
    t = goto(s, 3, 7)
    osc = L["steps"]["oscillate"]
    s.keys("1")
    t = s.wait(r"Your guess: 1")
    check("04 oscillate: the guess as a sentence", "Your guess: 1: " +
          osc["options"][0].rstrip(".") + ". Run it to see." in panel(t), t)
    s.keys("Space")
    t = s.wait(r"The answer: 2", timeout=15)
    shows("04 oscillate: the guessed option's explanation", t,
          osc["explain"][0])
    shows("04 oscillate: the answer's explanation", t, osc["answer_explain"])
    check("04 oscillate: a wrong guess marked", "Your guess: 1: " +
          osc["options"][0].rstrip(".") + " ✗." in panel(t), t)
    for n in (4, 5, 6):
        t = goto(s, n, 7)
    s.keys("S")
    t = s.wait(r"Solution: lr: 2\.15")
    check("04 window: skip applies the solution", "lr 2.15" in t and
          "✓ step 6/7 window" in t, t)
    t = goto(s, 7, 7)
    thr = L["steps"]["threshold"]
    choose(s, "04 threshold", thr, 2, False)
    t = choose(s, "04 threshold", thr, 1, True)
    shows("04 threshold: the answer explained", t, thr["answer_explain"])
    s.keys("PageDown")
    t = settle(s, r"recap ·")
    check("04: the recap names the next lesson", f"PgDn next: {L['next']}"
          in panel(t), t)
    check("04: not every step done", "✓ recap" not in t, t)
    s.keys("q")
    s.close()


def test_07_adaptive_80x24():
    """Lesson 07 at 80x24: a goal met by the settings typed at prompts,
    a number prediction, a fraction answer, a skip whose solution then
    meets the goal, quitting and resuming by number, a choice quiz wrong
    then right, the recap."""
    L = course("07-adaptive")
    e = env()
    s = Screen(80, 24, [h.BIN, "lesson", "07-adaptive"], e)
    t = settle(s, r"step 1/7 stiff")
    typed(s, ":", "optimizer: adam", r"· adam ·")
    typed(s, "l", "0.05", r"lr 0\.05")
    s.keys("]", "]", "]", "]", "Space")
    t = s.wait(r"✓ met", timeout=15)
    check("07 stiff: met with adam", "✓ step 1/7 stiff" in t, t)
    goto(s, 2, 7)
    t = goto(s, 3, 7)
    s.keys("Enter")
    s.wait(r"Enter apply")
    typed(s, None, "0.05", r"Your guess: 0\.05")
    s.keys("n")
    t = s.wait(r"The answer: 0\.05")
    check("07 first-step: a right guess", "Your guess: 0.05 ✓" in panel(t)
          and "✓ step 3/7" in t, t)
    goto(s, 4, 7)
    typed(s, "Enter", "10", r"Your guess: 10")
    s.keys("n")
    t = s.wait(r"The answer: 10")
    check("07 rmsprop-first: revealed", "✓ step 4/7" in t, t)
    t = goto(s, 5, 7)
    t = typed(s, "Enter", "1/10", r"Right\.")
    shows("07 adagrad-decay: 1/10 is right, explained", t,
          L["steps"]["adagrad-decay"]["answer_explain"])
    t = goto(s, 6, 7)
    s.keys("S")
    t = s.wait(r"Solution: optimizer: rmsprop")
    check("07 forgetting: skip shows the solution", "Solution: optimizer: "
          "rmsprop" in panel(t) and "· rmsprop ·" in t, t)
    s.keys("]", "]", "]", "]", "Space")
    t = s.wait(r"✓ met", timeout=15)
    check("07 forgetting: the solution meets the goal", "✓ met" in panel(t),
          t)
    s.keys("q")
    s.wait(r"EXIT=\d+")
    s.close()

    s = Screen(80, 24, [h.BIN, "lesson", "7"], e)
    t = settle(s, r"step \d/7")
    check("07: resumed by number at the step left", "step 7/7 units" in t,
          t)
    units = L["steps"]["units"]
    choose(s, "07 units", units, 1, False)
    choose(s, "07 units", units, 2, True)
    s.keys("PageDown")
    t = settle(s, r"recap ·")
    check("07: every step done", "✓ recap · 07-adaptive" in t, t)
    check("07: the recap names the next lesson", f"PgDn next: {L['next']}"
          in panel(t), t)
    s.keys("q")
    s.close()


if __name__ == "__main__":
    sys.exit(run_all("tui-course-e2e", globals()))
