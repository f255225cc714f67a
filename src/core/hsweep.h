/* The h sweep of the gradient check (DESIGN §3e): at one point, the
 * relative error of central and of forward differences against the
 * exact gradient (analytic, else automatic differentiation) for h on a
 * log grid, and the h where each is smallest. Truncation error falls
 * with h (h² for central, h for forward), rounding error grows as ε/h:
 * the error against h is a U, and in float32, where x + h == x once h
 * is below half an ulp of x, the quotient is 0/0 (NaN) past its left
 * end. Pure. */
#ifndef DESCENT_HSWEEP_H
#define DESCENT_HSWEEP_H

#include <stdbool.h>
#include <stddef.h>

#include "core_error.h"
#include "objective.h"

/* Central and forward differences, in that order. */
enum { HSWEEP_CENTRAL, HSWEEP_FORWARD, HSWEEP_METHODS };

/* At most this many h and parameters: 4 a decade over 16 decades and
 * the lowest. */
enum { HSWEEP_MAX = 65, HSWEEP_MAX_DIM = 16 };

typedef struct {
    size_t n;                        /* points, largest h first */
    double h[HSWEEP_MAX];
    /* The largest relative error over the parameters (gradient_check);
     * NaN where a step vanished (x + h == x). */
    double err[HSWEEP_METHODS][HSWEEP_MAX];
    /* The point of the smallest error (the largest h of equals); n when
     * no error is a number. */
    size_t best[HSWEEP_METHODS];
} hsweep;

/* Whether obj can be swept: an exact gradient and at most
 * HSWEEP_MAX_DIM parameters. */
bool hsweep_available(const objective *obj);

/* The exact gradient at x: analytic, else by automatic differentiation.
 * CORE_OK, or CORE_ENOGRAD when obj has neither. */
core_error hsweep_exact(const objective *obj, const double *x, double *g);

/* The largest relative error of one difference quotient (central or
 * forward) with step h at x against exact (obj->dim numbers). */
double hsweep_error(const objective *obj, const double *x,
                    const double *exact, double h, int method);

/* Sweeps h = 10^e for e from hi down to lo by 1/per_decade (per_decade
 * ≥ 1, at most HSWEEP_MAX points: the grid is cut there) at x, against
 * the exact gradient. CORE_OK, CORE_ENOGRAD (no exact gradient) or
 * CORE_ERANGE (more than HSWEEP_MAX_DIM parameters). */
core_error hsweep_run(hsweep *s, const objective *obj, const double *x,
                      int hi, int lo, int per_decade);

/* 10^(k/per_decade): whole decades exactly as "1e-3" reads. */
double hsweep_h(int k, int per_decade);
/* The point of the grid of per_decade a decade that is steps away from
 * h (rounded to the grid first): the keys that move h. */
double hsweep_h_step(double h, int steps, int per_decade);

/* The screen's and the lessons' sweep: 1 down to 1e-16, 4 a decade. */
enum { HSWEEP_PER_DECADE = 4 };
core_error hsweep_standard(hsweep *s, const objective *obj, const double *x);

#endif
