#!/usr/bin/env python3
"""Expected values, gradients and Hessians for tests/test_expr.c.

The expression language reads like Python once ^ is written **: the same
precedence (-x**2 is -(x**2), 2**3**2 is 2**9, 2**-1 is 0.5). Each row is
differentiated symbolically with sympy, with numbers as exact rationals,
and evaluated with 40 digits at its point (the points are dyadic, so the
C side gets them exactly). Output: the C table rows, pasted into
tests/test_expr.c between the markers.

Usage: python3 tests/gen/expr_table.py > /tmp/rows.c
"""
import sympy as sp
from sympy.parsing.sympy_parser import (parse_expr, rationalize,
                                        standard_transformations)

X, Y = sp.symbols('x y', real=True)
NAMES = {
    'x': X, 'y': Y, 'x0': X, 'x1': Y, 'pi': sp.pi, 'e': sp.E,
    'sin': sp.sin, 'cos': sp.cos, 'tan': sp.tan, 'asin': sp.asin,
    'acos': sp.acos, 'atan': sp.atan, 'sinh': sp.sinh, 'cosh': sp.cosh,
    'tanh': sp.tanh, 'exp': sp.exp, 'log': sp.log,
    'log10': lambda u: sp.log(u) / sp.log(10), 'sqrt': sp.sqrt,
    'abs': sp.Abs, 'min': sp.Min, 'max': sp.Max,
}

# (text, x, y, tolerance, note); tolerance t: |got - want| <= t (1 + |want|)
ROWS = [
    # precedence and associativity
    ("1 + 2*3", 0, 0, None, ""),
    ("(1 + 2)*3", 0, 0, None, ""),
    ("2^3^2", 0, 0, None, "right-associative: 2^9"),
    ("(2^3)^2", 0, 0, None, ""),
    ("-2^2", 0, 0, None, "-(2^2)"),
    ("2^-1", 0, 0, None, ""),
    ("-x^2", 1.5, 0.25, None, "-(x^2)"),
    ("x - y - 1", 1.5, 0.25, None, "left-associative"),
    ("x / y / 2", 1.5, 0.25, None, "left-associative"),
    ("x / y * 2", 1.5, 0.25, None, "(x/y)*2"),
    ("2*x^3", -1.25, 0.5, None, ""),
    ("x^2^0.5", 1.25, 0.5, None, "x^(2^0.5)"),
    ("- -x", 0.75, 0.5, None, ""),
    ("-(x + y)", 0.75, 0.5, None, ""),
    ("+x * +y", 0.75, -0.5, None, "unary plus"),
    ("x^-y", 1.25, 0.75, None, ""),
    ("-x^-y", 1.25, 0.75, None, "-(x^(-y))"),
    ("2^-x^2", 0.75, 0.5, None, "2^(-(x^2))"),
    ("x*-y", 0.75, -0.5, None, ""),
    ("1 - -1 + x", 0.75, -0.5, None, ""),
    ("x - y^2/4 + 3*x*y", 0.75, -0.5, None, ""),
    ("x*y - x/y + y^x", 1.5, 2.5, None, ""),
    # constants and numbers
    ("pi*x", 0.75, 0.5, None, ""),
    ("e^x", 0.75, 0.5, None, ""),
    ("2*pi*x + e*y", 0.75, 0.5, None, ""),
    ("x0*x1 + x1", 0.75, 0.5, None, "x0, x1 name x, y"),
    ("1e-3*x + .5*y + 2.*x*y", 0.75, 0.5, None, ""),
    ("1.5e2*x - 2E-1*y + 1e+1", 0.75, 0.5, None, ""),
    ("0.000125*x^4", 2.5, 0.5, None, ""),
    ("  x\t*\n y  ", 0.75, 0.5, None, "whitespace anywhere"),
    ("( ( x ) )", 0.75, 0.5, None, ""),
    # every function
    ("sin(x + y)", 0.75, 0.5, None, ""),
    ("cos(x*y)", 0.75, 0.5, None, ""),
    ("tan(x/2)", 0.75, 0.5, None, ""),
    ("asin(x/2)", 0.75, 0.5, None, ""),
    ("acos(y)", 0.75, -0.375, None, ""),
    ("atan(x*y)", 0.75, 0.5, None, ""),
    ("sinh(x - y)", 0.75, -0.5, None, ""),
    ("cosh(x)/y", 0.75, -0.5, None, ""),
    ("tanh(2*x*y)", 0.75, 0.5, None, ""),
    ("exp(-x^2 - y^2)", 0.75, 0.5, None, ""),
    ("log(x^2 + y^2)", 0.75, 0.5, None, ""),
    ("log10(x*x + 1)", 0.75, 0.5, None, ""),
    ("sqrt(x^2 + y^2 + 1)", 0.75, 0.5, None, ""),
    ("abs(x - y)", 0.25, 0.5, None, "negative argument"),
    ("abs(x*y)", 0.75, 0.5, None, ""),
    ("min(x, y)", 0.75, 0.5, None, "second chosen"),
    ("max(x, y)", 0.75, 0.5, None, "first chosen"),
    ("min(x^2, y)", 0.75, 0.5, None, ""),
    ("max(-x, y*y)", 0.75, 0.5, None, ""),
    # nested calls
    ("sin(cos(x))*exp(sin(y))", 0.75, 0.5, None, ""),
    ("sqrt(exp(x) + log(1 + y^2))", 0.75, 0.5, None, ""),
    ("atan(tanh(x) + sinh(y))", 0.75, 0.5, None, ""),
    ("log(1 + exp(x*y))", 0.75, 0.5, None, "softplus"),
    ("max(sin(x), cos(y))", 0.75, 0.5, None, ""),
    ("exp(sin(x)^2)", 0.75, 0.5, None, ""),
    ("cos(sin(cos(sin(x*y))))", 0.75, 0.5, None, ""),
    # powers
    ("x^y", 1.25, 0.75, None, "variable exponent"),
    ("y^x", 1.25, 0.75, None, ""),
    ("(x^2 + 1)^(y/2)", 1.25, 0.75, None, ""),
    ("2^x*3^y", 1.25, 0.75, None, "constant bases"),
    ("x^3.5", 1.25, 0.75, None, ""),
    ("(-x)^3", 1.25, 0.75, None, "negative base, constant exponent"),
    ("(x - 2)^2", 1.25, 0.75, None, "negative base squared"),
    ("x^0 + y^1", 1.25, 0.75, None, ""),
    ("sin(x)^cos(y)", 1.25, 0.75, None, ""),
    # fused forms: constant or variable operand on either side
    ("x/(1 + y^2)", 1.25, 0.75, None, ""),
    ("(x + 1)/(y - 2)", 1.25, 0.75, None, ""),
    ("3/(x + y)", 1.25, 0.75, None, ""),
    ("y/x + x/y", 1.25, 0.75, None, ""),
    ("x/(y*y)", 1.25, 0.75, None, ""),
    ("(x*y)/3", 1.25, 0.75, None, ""),
    ("1 - (x + y)", 1.25, 0.75, None, ""),
    ("y - x*x", 1.25, 0.75, None, ""),
    ("x*(y + 1) + (x + 2)*y", 1.25, 0.75, None, ""),
    ("(x + y)*(x - y)", 1.25, 0.75, None, ""),
    ("(x + 1) - (y*2) - x", 1.25, 0.75, None, ""),
    # the built-in functions as the built-ins table writes them
    ("(1-x)^2 + 100*(y-x^2)^2", -1.25, 1.5, None, "rosenbrock"),
    ("0.5*(((x+y)/sqrt(2))^2 + 100*((x-y)/sqrt(2))^2)", 0.75, 0.5, None,
     "ill"),
    ("20 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))", 0.75, -1.25,
     None, "rastrigin"),
    ("(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2", 0.75, -0.5,
     None, "camel"),
    ("(1 + (x+y+1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
     "*(30 + (2*x-3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
     0.75, -0.5, 1e-12, "goldstein; sums of terms near 1e3 cancel"),
    ("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
     2.5, 0.75, None, "beale"),
    ("(x^2+y-11)^2 + (x+y^2-7)^2", 2.5, 1.75, None, "himmelblau"),
    ("(x+2*y-7)^2 + (2*x+y-5)^2", 2.5, 1.75, None, "booth"),
    ("(1-x)^2 + 20*(3*y-x^2)^2", 0.75, 0.5, None, "banana"),
    ("x^2 - y^2", 0.75, 0.5, None, "saddle"),
]

DEFAULT_TOL = 1e-13


def to_sympy(text):
    """Numbers become exact rationals (rationalize), as they are written."""
    src = ' '.join(text.replace('^', '**').split())
    return parse_expr(src, local_dict=dict(NAMES), evaluate=True,
                      transformations=standard_transformations +
                      (rationalize,))


def num(v):
    v = sp.N(v, 40)
    if v.is_real is False or not v.is_finite:
        raise ValueError(f"not finite: {v}")
    return repr(float(v))


def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('\t', '\\t') \
        .replace('\n', '\\n').replace('"', '\\"') + '"'


def main():
    for text, x, y, tol, note in ROWS:
        f = to_sympy(text)
        at = {X: sp.Rational(x), Y: sp.Rational(y)}
        gx, gy = sp.diff(f, X), sp.diff(f, Y)
        hxx, hxy, hyy = sp.diff(gx, X), sp.diff(gx, Y), sp.diff(gy, Y)
        vals = [num(e.subs(at)) for e in (f, gx, gy, hxx, hxy, hyy)]
        comment = f"  /* {note} */" if note else ""
        print(f"    {{{cstr(text)}, {repr(float(x))}, {repr(float(y))},"
              f"{comment}")
        print(f"     {vals[0]}, {{{vals[1]}, {vals[2]}}},")
        print(f"     {{{vals[3]}, {vals[4]}, {vals[5]}}}, "
              f"{tol if tol else DEFAULT_TOL!r}}},")


if __name__ == '__main__':
    main()
