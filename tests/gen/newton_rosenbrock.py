#!/usr/bin/python3
"""Newton's method on Rosenbrock in numpy (float64), the reference for
descent's newton (DESIGN §3d): theta <- theta - lr * solve(H, g) with the
analytic gradient and Hessian, from (-1.5, 2). Writes
tests/ref/newton_rosenbrock_lr{1,0.5}.csv (step,loss,x0,x1; %.17g).

usage: /usr/bin/python3 tests/gen/newton_rosenbrock.py [OUT_DIR]
"""
import os
import sys

import numpy as np


def f(t):
    x, y = t
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def grad(t):
    x, y = t
    return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])


def hess(t):
    x, y = t
    return np.array([[2 - 400 * (y - x * x) + 800 * x * x, -400 * x],
                     [-400 * x, 200.0]])


def trajectory(lr, steps):
    theta = np.array([-1.5, 2.0])
    rows = [(0, f(theta), *theta)]
    for t in range(1, steps + 1):
        d = np.linalg.solve(hess(theta), grad(theta))
        theta = theta - lr * d
        rows.append((t, f(theta), *theta))
    return rows


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "ref")
    for lr, steps in ((1.0, 20), (0.5, 60)):
        name = os.path.join(out, "newton_rosenbrock_lr%g.csv" % lr)
        with open(name, "w") as fh:
            fh.write("step,loss,x0,x1\n")
            for r in trajectory(lr, steps):
                fh.write("%d,%.17g,%.17g,%.17g\n" % r)


if __name__ == "__main__":
    main()
