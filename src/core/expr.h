/* Typed expressions (DESIGN §5): `x^2 + 3*sin(y)` compiled once to a
 * postfix program and evaluated with plain doubles (value), first-order
 * dual numbers (gradient) or second-order dual numbers (Hessian), all by
 * forward-mode automatic differentiation.
 *
 * Language: variables x and y (also x0, x1); numbers (2, 2., .5, 1e-3);
 * constants pi and e; + - * / ^ with the precedence of mathematics
 * (^ binds tighter than unary minus and is right-associative, so -x^2 is
 * -(x^2), 2^3^2 is 2^9 and 2^-1 is 0.5; * and / are left-associative);
 * unary minus and plus; parentheses; the functions sin cos tan asin acos
 * atan sinh cosh tanh exp log log10 sqrt abs (one argument) and min max
 * (two). Implicit multiplication (`2x`) is an error. Whitespace (space,
 * tab, newline, carriage return, vertical tab, form feed) goes anywhere
 * between tokens.
 *
 * Errors are a 1-based byte column and a message. Only ASCII is valid, so
 * everything before an error is ASCII and the byte column is also the
 * character column; a non-ASCII character is reported at its first byte.
 * The first error from the left is reported. The messages:
 *   empty expression                            (column 1)
 *   missing operand after '+'                   (where it should start;
 *   missing operand before '*'                   the end is length + 1)
 *   missing ')'   unmatched ')'   unexpected ','
 *   expected operator before 'x'                (2x, x y, (x)(y))
 *   unknown function 'sni' (did you mean 'sin'?)
 *   unknown variable 'z'                         (xx: did you mean 'x'?;
 *                                                 xy: 'x*y'; sinx: 'sin(x)')
 *   missing '(' after 'sin'
 *   sin takes 1 argument   max takes 2 arguments (at the function's name)
 *   number out of range                          (1e999; 1e-400 is 0)
 *   unexpected character '#'                     (U+2212: write '-', ...)
 *   expression nested too deeply (more than 64 levels)
 * "Did you mean" names a known name at most 2 edits away (a swap of two
 * neighbours is one edit; case is ignored), with fewer edits than the
 * name has letters and at most one per two letters.
 *
 * Domain problems (log of a negative, division by zero, overflow) give
 * NaN or Inf, never a trap; outside a function's domain its derivatives
 * are NaN too (log at -1 has no slope -1). Derivatives: abs'(0) = 0; min
 * and max follow
 * the chosen argument (the first on a tie) and are NaN when either
 * argument is; x^k with a constant k uses k*x^(k-1) (so (-2)^2 has a
 * finite derivative); with a variable exponent a^b = exp(b*log(a)).
 * A partial derivative through which nothing depends on a variable is 0
 * even where the outer derivative is infinite (d/dy sqrt(x) at x = 0). */
#ifndef DESCENT_EXPR_H
#define DESCENT_EXPR_H

#include <stddef.h>

#include "objective.h"

typedef struct expr expr;

typedef struct {
    int column;          /* 1-based byte column in the text; 0: no place
                            (out of memory) */
    char message[160];   /* e.g. "unknown function 'sni' (did you mean
                            'sin'?)", no trailing newline */
} expr_error;

/* Nesting limit: parentheses, function calls, unary signs and exponents
 * deeper than this, or an evaluation needing more stack, are rejected
 * ("expression nested too deeply (more than 64 levels)"); so is a text
 * longer than EXPR_MAX_LENGTH bytes ("expression too long"). */
enum { EXPR_MAX_DEPTH = 64, EXPR_MAX_LENGTH = 1 << 24 };

/* Compiles text (NUL-terminated). NULL on error, with *err filled (when
 * err is not NULL); out of memory is column 0, "out of memory". */
expr *expr_compile(const char *text, expr_error *err);
void expr_free(expr *e);

/* f(x), x[0] = x, x[1] = y. */
double expr_value(const expr *e, const double *x);
/* Returns f(x) (the same double as expr_value) and sets g[0..1]. */
double expr_gradient(const expr *e, const double *x, double *g);
/* Returns f(x), sets g[0..1] and h[0..3] (row-major, symmetric). */
double expr_hessian(const expr *e, const double *x, double *g, double *h);

/* The same in float32 (DESIGN §3e): x rounded to float32, then every
 * instruction's value and partials (constants too), so each result is a
 * float32 value. */
double expr_value_single(const expr *e, const double *x);
double expr_gradient_single(const expr *e, const double *x, double *g);
double expr_hessian_single(const expr *e, const double *x, double *g,
                           double *h);

/* Writes the expression fully parenthesised, as parsed: `-x^2` is
 * "(-(x ^ 2))", `2^3^2` is "(2 ^ (3 ^ 2))", `max(x,1)` is "max(x, 1)";
 * numbers and names as they were written, unary plus dropped. Like
 * snprintf: returns the length of the whole text, writes at most cap
 * bytes including the NUL (buf may be NULL when cap is 0). Reading the
 * text back gives an expression with the same values, unless the added
 * parentheses pass EXPR_MAX_DEPTH (a chain x+x+...+x of 64 terms). */
size_t expr_print(const expr *e, char *buf, size_t cap);

/* Writes the expression as Python over PyTorch tensors named vars[0]
 * and vars[1] for x and y: ** for ^, torch.sin (...) on the variables
 * (min and max as minimum(a, b) and maximum(a, b), which the caller
 * defines), Python's math.sin (min, ...) on constants, math.pi and
 * math.e, numbers as written, and parentheses only where Python's
 * precedence (the same as the expression language's) would regroup or
 * reorder the operations, so Python evaluates what descent does in the
 * same order. Returns the length as expr_print does. */
size_t expr_print_python(const expr *e, const char *const vars[2], char *buf,
                         size_t cap);

/* Whether the expression depends on neither variable. */
int expr_is_constant(const expr *e);

/* An objective for the expression: name and formula are (a copy of) the
 * text, dim 2, view [-2,2]², no known minima (min_value NaN), gradient
 * and Hessian by AD only. Its start is (1.5, 1.5), or where that gives a
 * non-finite value or gradient the first point of a fixed list where
 * both are finite (see expr_objective.c). Returns 0, or -1 with *err
 * filled (a compile error, or out of memory). Free with objective_free. */
int expr_objective(const char *text, objective *out, expr_error *err);

/* The expression of an objective made by expr_objective, or NULL. */
const expr *expr_of_objective(const objective *obj);

#endif
