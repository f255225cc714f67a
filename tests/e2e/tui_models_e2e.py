#!/usr/bin/env python3
"""End-to-end tests of models and hyperparameter search in the TUI: the
real binary in tmux (the harness of tui_e2e.py), at 80x24 and 200x60.

usage: tui_models_e2e.py BINARY [--update]
--update rewrites this driver's golden screens in tests/e2e/golden.
"""
import re
import sys
import time

import tui_harness as h
from tui_harness import Screen, check, golden, settle, tmux, well_formed

B = h.BIN


def model(*args):
    return [B, "tui"] + list(args)


def ready(s, pattern):
    """settle(), once a slice being sampled is done: its screen does not
    change between frames of sampling but the percentage."""
    deadline = time.time() + 10
    t = settle(s, pattern)
    while "· computing" in t and time.time() < deadline:
        t = settle(s, pattern)
    return t


def loss_of(t):
    m = re.search(r"╭ loss(?: \(log\))? +([0-9.e+-]+)", t)
    return float(m.group(1)) if m else None


def test_logreg_true_surface():
    s = Screen(80, 24, model("--model", "logreg", "--data", "iris",
                             "--optimizer", "sgd", "--lr", "0.5"))
    t = settle(s, r"step 0 ")
    check("logreg: its own surface, named within the width",
          "surface  logreg over (w[0], w[1])" in t, t)
    check("logreg: the axes named", "w[1]↑└" in t and "│w[0] " in t, t)
    check("logreg: the minimum marked", "★" in t, t)
    check("logreg: no slice keys hinted", "dslice" not in t, t)
    well_formed("logreg 80x24", t, 80, 24)
    golden("logreg_80x24.txt", t)
    s.keys("v")
    before = loss_of(settle(s, r"╭ loss"))
    s.keys("n", "n", "n", "n", "n")
    t = settle(s, r"step 5 ")
    after = loss_of(t)
    check("logreg: steps lower the loss", before and after and after < before,
          (before, after))
    check("logreg: accuracy chart", "accuracy" in t, t)
    check("logreg: the charts' legends name train and val",
          "━ train ━ val" in t, t)
    s.close()


def test_model_replaced_only_when_asked():
    """F2 on a model asks before replacing it (it cannot be reopened)."""
    s = Screen(120, 36, model("--model", "logreg", "--data", "iris"))
    settle(s, r"step 0 ")
    s.keys("F2")
    s.wait(r"himmelblau")
    s.keys("Enter")
    t = s.wait(r"Replace the logreg run")
    check("F2 on a model: asked", "The model cannot be opened again" in t, t)
    s.keys("n")
    t = s.wait(r"objective kept")
    check("n: the model kept", "logreg" in t.splitlines()[0], t)
    s.keys("F2")
    s.wait(r"himmelblau")
    s.keys("Enter")
    s.wait(r"Replace the logreg run")
    s.keys("y")
    t = s.wait(r"objective \w+: the run restarted at its start \(was logreg")
    check("y: replaced, and said", "(was logreg" in t, t)
    s.close()


def test_mlp_slice():
    s = Screen(200, 60, model("--model", "mlp", "--optimizer", "sgd",
                              "--lr", "0.05"))
    t = ready(s, r"step 0 ")
    check("mlp: random slice title",
          "slice: random seed 0 through θ at step 0" in t, t)
    check("mlp: slice keys hinted", "dslice" in t, t)
    check("mlp: norms, not 769 numbers", "θ = ‖·‖ " in t, t)
    well_formed("mlp 200x60", t, 200, 60)
    golden("mlp_200x60.txt", t)
    before = loss_of(t)
    for _ in range(12):
        s.keys("n")
    t = ready(s, r"step 12 ")
    check("mlp: steps lower the loss", loss_of(t) and loss_of(t) < before,
          (before, loss_of(t)))
    check("mlp: the gradient check when paused", "central h=1e-07" in t, t)
    s.keys("d")
    t = ready(s, r"slice: PCA of the path \(explains \d+%\) through θ at step 12")
    check("d: PCA slice", re.search(r"╭ slice: PCA of the path \(explains "
                                    r"\d+%\) through θ at step 12", t), t)
    # The path: the run's colour in more than one cell of the plot.
    colored = tmux("capture-pane", "-p", "-e", "-t", s.name)
    check("mlp: path and θ drawn", "●" in t and "•" in t, t)
    check("mlp: heat map in colour", "\x1b[48;5;" in colored, colored[:300])
    s.keys("D")
    t = ready(s, r"slice: random seed 1 ")
    check("D: next seed", "slice: random seed 1 through θ at step 12" in t, t)
    s.keys("?")
    t = settle(s, r"help · keys")
    check("help: slice keys", "new random slice directions" in t, t)
    s.keys("q")
    s.keys("q")
    t = s.wait(r"EXIT=\d+")
    check("mlp: quit restores", "EXIT=0" in t and s.alternate() == "0", t)
    s.close()


def test_mlp_small_and_plain():
    s = Screen(80, 24, model("--model", "mlp", "--batch", "20"),
               env={"LANG": "C", "LC_ALL": "C", "NO_COLOR": "1"})
    t = ready(s, r"step 0 ")
    check("ascii mlp: no braille", not re.search("[\u2800-\u28ff]", t), t)
    check("ascii mlp: slice title", "slice: random seed 0" in t, t)
    well_formed("ascii mlp 80x24", t.replace("+", "╭", 1), 80, 24)
    s.keys("Space")
    time.sleep(0.6)
    s.keys("Space")
    t = settle(s, r"paused")
    m = re.search(r"step (\d+) ", t)
    check("ascii mlp: ran live", m and int(m.group(1)) > 5, t)
    s.keys("v")
    t = settle(s, r"loss")
    check("minibatches: charts", "loss" in t and "val" in t, t)
    s.close()


def test_hpo_view():
    s = Screen(80, 24, [B, "hpo", "--tui"])
    t = settle(s, r"0 of 101 linear solves")
    check("hpo: top bar", "λ of ridge on diabetes" in t, t)
    check("hpo: legend", "grid" in t and "gradient" in t, t)
    s.keys("n", "n", "n")
    t = settle(s, r"3 of 101 linear solves")
    check("hpo: three steps of cost", "3/101" in t, t)
    s.keys("b")
    t = settle(s, r"2 of 101 linear solves")
    check("hpo: back", "2/101" in t, t)
    s.keys("a")
    t = settle(s, r"■ done")
    check("hpo: every method's best",
          re.search(r"gradient +7/7 +11\.6548\d* +2449\.8766\d* +14", t), t)
    check("hpo: marks in the curve", "★" in t and "◆" in t and "×" in t, t)
    well_formed("hpo 80x24", t, 80, 24)
    golden("hpo_80x24.txt", t)
    check("hpo: y axis the loss's excess over the best, log",
          "loss − 2449.87667" in t, t)
    s.keys("z")
    t = settle(s, r"zoomed")
    check("hpo: z zooms about the best", "(zoomed: 0 shows all)" in t and
          "λ from " in t, t)
    s.keys("0")
    settle(s, r"λ from 0\.001 to 1e\+05")
    s.keys("r", "Space")
    time.sleep(0.5)
    t = s.text()
    m = re.search(r"(\d+) of 101 linear solves", t)
    check("hpo: replays live", m and int(m.group(1)) > 0, t)
    s.keys("q")
    t = s.wait(r"EXIT=\d+")
    check("hpo: quit restores", "EXIT=0" in t and s.alternate() == "0", t)
    s.close()


def test_hpo_lr_minimum_visible():
    """Over lr a diverged run gives 1e94: the region near the best keeps
    its rows (a linear axis put all of it on one)."""
    s = Screen(100, 30, [B, "hpo", "--model", "ridge", "--data", "diabetes",
                         "--over", "lr", "--tui"])
    settle(s, r"0 of \d+ training runs")
    s.keys("a")
    t = settle(s, r"■ done")
    labels = [float(m.group(1)) for m in
              (re.match(r"│ *(\d[\d.]*) *│", l) for l in t.splitlines()) if m]
    check("hpo lr: y labels within 1% of the best on four rows or more",
          sum(1 for v in labels if v < labels[-1] * 1.01) >= 4, labels)
    check("hpo lr: diverged runs marked at the top", "✗" in t, t)
    s.close()


def test_hpo_big_and_resized():
    s = Screen(200, 60, [B, "hpo", "--tui"])
    settle(s, r"0 of 101")
    s.keys("a")
    t = settle(s, r"■ done")
    check("hpo 200x60: running best panel", "running best vs linear solves"
          in t, t)
    well_formed("hpo 200x60", t, 200, 60)
    golden("hpo_200x60.txt", t)
    tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24")
    t = settle(s, r"(F10|q)quit")
    well_formed("hpo resized", t, 80, 24)
    s.keys("C-c")
    t = s.wait(r"EXIT=\d+")
    check("hpo: Ctrl-C restores", "EXIT=130" in t and s.alternate() == "0", t)
    s.close()


if __name__ == "__main__":
    sys.exit(h.run_all("tui-models-e2e", globals()))
