#!/usr/bin/env python3
"""End-to-end tests of issue 11 in the live TUI: the new optimisers in the
menu, settings typed as on the command line (:), float32 in the top bar,
a schedule beside hypergradient descent (V and descent tui --compare).

usage: tui_methods_e2e.py BINARY
"""
import sys

import tui_harness as h
from tui_harness import Screen, check, settle


def test_menu_lists_new_optimisers():
    s = Screen(120, 36)
    settle(s, r"step 0 ")
    s.keys("O")
    s.wait(r"settings of the focused run")
    s.keys("Enter")  # the optimiser's row: its list
    t = s.wait(r"adadelta")
    for name in ("adamw", "nadam", "adamax", "adadelta"):
        check(f"optimiser menu: {name}", name in t, t)
    s.close()


def test_settings_prompt():
    s = Screen(120, 36)
    settle(s, r"step 0 ")
    s.keys(":")
    s.wait(r"settings")
    s.type("schedule warmup:10 weight-decay 0.01")
    s.keys("Enter")
    t = s.wait(r"warmup")
    check(": schedule in the top bar", "lr 0.005 warmup" in t, t)
    s.keys("n", "n")
    t = settle(s, r"step 2 ")
    check(": the step panel shows the schedule's step",
          "schedule warmup:10:0.1 after 1 step" in t, t)
    check(": coupled decay line", "ĝ + 0.01·θ" in t, t)
    s.keys(":")
    s.wait(r"settings")
    s.type("hypergrad add")
    s.keys("Enter")
    t = s.wait(r"alternatives")
    check(": a schedule and HD refused", "a schedule and --hypergrad are "
          "alternatives" in t, t)
    s.keys("Escape")
    s.keys(":")
    s.wait(r"settings")
    s.type("precision single")
    s.keys("Enter")
    t = s.wait(r"float32")
    check(": precision in the top bar", "float32" in t and "step 0 " in t, t)
    s.close()


def test_compare_schedule_and_hd():
    s = Screen(120, 36, h.command(optimizer="sgd", lr="0.001") +
               ["--schedule", "cosine:300", "--compare",
                "--schedule none --hypergrad add --lr-max 0.01"])
    t = settle(s, r"step 0 ")
    check("--compare: two runs", "run 1/2: sgd · lr 0.001 cosine" in t, t)
    s.keys("V")
    t = s.wait(r"run 3/3")
    check("V: hypergradients beside the schedule",
          "hypergradient add beside run 2" in t or "run 3/3" in t, t)
    s.keys("n", "n", "n")
    t = settle(s, r"step 3 ")
    check("three runs step together", "●1 sgd" in t and "3 sgd" in t, t)
    check("the legend says how each run's α moves",
          "●1 sgd lr 0.001 cosine" in t and " HD" in t, t)
    s.close()
    s = Screen(80, 24, h.command() + ["--compare", "--hypergrad add",
                                      "--compare", "--bogus 1"])
    t = s.wait(r"EXIT=")
    check("--compare: bad settings refused before the screen",
          "descent: --compare: unknown setting 'bogus'" in t and "EXIT=2" in t,
          t)
    s.close()


def lr_chart(t):
    """The learning-rate chart's box, as the right-hand column shows it."""
    lines = t.splitlines()
    top = next(i for i, l in enumerate(lines) if "learning rate" in l)
    col = lines[top].index("╭ learning rate")
    box = [l[col:] for l in lines[top:]]
    end = next(i for i, l in enumerate(box) if l.startswith("╰"))
    return "\n".join(box[:end + 1])


def test_lr_chart_shows_schedule_ahead():
    """Issue 11: the lr chart shows the schedule, its rates to come dashed
    to the run's limit (step:100:0.5 over 400 updates halves α three
    times: 0.019 down to 0.002375)."""
    s = Screen(120, 36, h.command(objective="ill", optimizer="sgd",
                                  lr="0.019") +
               ["--schedule", "step:100:0.5", "--steps", "400"])
    c = lr_chart(settle(s, r"step 0 "))
    check("lr chart: the schedule ahead in the legend",
          "┄ schedule ahead" in c, c)
    check("lr chart: its range holds the rates to come",
          "0.01900" in c and "0.00237" in c, c)
    check("lr chart: the axis runs to the limit", "400│" in c, c)
    s.keys("n", "n", "n")
    c = lr_chart(settle(s, r"step 3 "))
    check("lr chart: still ahead after updates", "┄ schedule ahead" in c
          and "0.00237" in c, c)
    s.close()
    s = Screen(120, 36, h.command(objective="ill", optimizer="sgd",
                                  lr="0.019"))
    c = lr_chart(settle(s, r"step 0 "))
    check("lr chart: nothing ahead without a schedule",
          "schedule ahead" not in c and "100│" in c, c)
    s.close()


if __name__ == "__main__":
    sys.exit(h.run_all("tui-methods-e2e", globals()))
