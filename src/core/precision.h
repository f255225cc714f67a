/* One kernel for float64 and float32 (DESIGN §3e). Values live in
 * doubles either way; a kernel takes a constant `single` flag and rounds
 * each result to float32 when it is set, so after inlining the double
 * kernel is the plain one and the float kernel is exact float32
 * arithmetic: +, −, ×, ÷ and √ of float32 values computed in double and
 * rounded once are the float32 operations (53 ≥ 2·24 + 2 bits). A fused
 * multiply-add rounded so is not a float32 one, so in single it is a
 * rounded product then a rounded sum. Scalars (hyperparameters, bias
 * corrections) are computed in double and rounded where they meet the
 * float32 state, as torch and numpy do with a Python float. */
#ifndef DESCENT_PRECISION_H
#define DESCENT_PRECISION_H

#include <math.h>
#include <stdbool.h>

static inline double prec_round(bool single, double x)
{
    return single ? (double)(float)x : x;
}

/* a·b + c: fused in double (as torch's CPU kernels are). */
static inline double prec_fma(bool single, double a, double b, double c)
{
    return single ? prec_round(true, prec_round(true, a * b) + c)
                  : fma(a, b, c);
}

/* Inside a kernel with a `single` in scope. */
#define PR(x) prec_round(single, (x))

/* Calls kernel(args..., single) with single a constant, so each
 * precision gets its own specialised copy. */
#define PREC_DISPATCH(single_flag, kernel, ...)                           \
    do {                                                                  \
        if (single_flag)                                                  \
            kernel(__VA_ARGS__, true);                                    \
        else                                                              \
            kernel(__VA_ARGS__, false);                                   \
    } while (0)

#endif
