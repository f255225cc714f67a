#!/usr/bin/env python3
"""End-to-end tests of the reference methods and the theory on quadratics
in the TUI (DESIGN §3d, §5): the real binary in tmux (the harness of
tui_e2e.py). The step panel says what a method did and skips the stages it
does not have; Newton on the saddle says why it heads there; the
optimiser menu offers every method; E draws a quadratic's
eigen-directions, and the theory lines give the predicted rate beside
the measured one.

usage: tui_ref_e2e.py BINARY
"""
import sys

import tui_harness as h
from tui_harness import Screen, check, settle, well_formed

B = h.BIN


def tui(*args):
    return [B, "tui"] + list(args)


def test_newton_saddle():
    s = Screen(120, 36, tui("--objective", "saddle", "--optimizer", "newton",
                            "--start", "1,0.5"))
    settle(s, r"step 0 ")
    check("newton: its own α", "newton · lr 1 " in s.text(), s.text())
    s.keys("s", "s")
    t = settle(s, r"stage 2/3: gradient")
    check("newton: no clip or hypergradient stage",
          "stage 2/3: gradient" in t and "3 clip" not in t, t)
    s.keys("s")
    t = settle(s, r"step 1 ")
    check("newton: H is not positive definite",
          "NOT positive definite" in t, t)
    check("newton: says why it heads for the saddle",
          "Newton heads for the model's saddle" in t, t)
    check("newton: d = H⁻¹g", "d = H⁻¹g = (1, 0.5)" in t, t)
    check("newton: at the saddle after one step", "loss 0.0000000" in t, t)
    check("newton: the theory knows the saddle", "θ* a saddle" in t, t)
    well_formed("newton 120x36", t, 120, 36)
    s.close()


def test_nelder_mead():
    s = Screen(120, 36, tui("--objective", "beale", "--optimizer",
                            "nelder-mead"))
    settle(s, r"step 0 ")
    s.keys("s")
    t = settle(s, r"stage 1/2")
    check("nelder-mead: evaluate, then update", "stage 1/2: evaluate" in t, t)
    s.keys("n", "n", "n", "n", "n")
    t = settle(s, r"step 5 ")
    check("nelder-mead: the simplex", "simplex size" in t, t)
    check("nelder-mead: no gradient stage", "2 gradient" not in t, t)
    check("nelder-mead: counts", "no gradient" in t and "so far:" in t, t)
    s.keys("b")
    t = settle(s, r"step 4 ")
    s.keys("n")
    t = settle(s, r"step 5 ")
    check("nelder-mead: back and forth", "simplex size" in t, t)
    s.close()


def test_bfgs_line_search():
    s = Screen(120, 36, tui("--optimizer", "bfgs"))
    settle(s, r"step 0 ")
    s.keys("n", "n", "n")
    t = settle(s, r"step 3 ")
    check("bfgs: the line search's cost", "last iterate:" in t, t)
    check("bfgs: the direction it moved along", "moved along p" in t, t)
    s.keys("b", "b")
    t = settle(s, r"step 1 ")
    s.keys("n", "n")
    t = settle(s, r"step 3 ")
    check("bfgs: replayed after stepping back", "last iterate:" in t, t)
    s.close()


def test_menu_offers_every_method():
    s = Screen(100, 30, tui())
    settle(s, r"step 0 ")
    s.keys("O")
    s.wait(r"settings of the focused run")
    s.keys("Enter")  # its first row: the optimiser
    t = s.wait(r"nelder-mead")
    check("menu: every method", all(m in t for m in (
        "newton", "bfgs", "cg-fr", "cg-pr", "steepest", "nelder-mead")), t)
    s.keys(*["Down"] * 5, "Enter")  # past adamw, nadam, adamax, adadelta
    s.keys("Escape")
    t = settle(s, r"newton")
    check("menu: newton chosen, with its α", "newton · lr 1 " in t, t)
    s.close()


def test_theory_and_eigen_directions():
    s = Screen(120, 36, tui("--objective", "ill", "--optimizer", "sgd",
                            "--lr", "0.015"))
    settle(s, r"step 0 ")
    s.keys(*["n"] * 30)
    t = settle(s, r"step 30 ")
    check("theory: eigenvalues", "quadratic: λ 1, 100" in t, t)
    check("theory: predicted and measured",
          "rate 0.985 · measured 0.985, last 20 0.985" in t, t)
    check("theory: limit and best α", "stable α < 0.02" in t
          and "best α 0.0198" in t, t)
    s.keys("E")
    t = settle(s, r"eigen-directions")
    check("E: the legend says so", "eigen" in t, t)
    s.keys("f")
    s.wait(r"objective")
    s.keys("Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up",
           "Up", "Down", "Down", "Enter")
    t = settle(s, r"rosenbrock")
    s.keys("E")
    t = s.wait(r"not a quadratic")
    check("E on rosenbrock: not a quadratic", "not a quadratic" in t, t)
    s.close()


if __name__ == "__main__":
    sys.exit(h.run_all("tui-ref-e2e", globals()))
