/* An objective: a function of n parameters with what a screen needs to
 * show it (name, formula, view box, known minima, a default start).
 * Built-ins, typed expressions and models all present this one shape. */
#ifndef DESCENT_OBJECTIVE_H
#define DESCENT_OBJECTIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "core_error.h"

typedef struct objective_ops {
    /* f(x); NaN where f is undefined (a state the run reports). */
    double (*value)(const void *ctx, const double *x);
    /* Exact gradient by hand-written formulas; NULL when there is none. */
    void (*gradient)(const void *ctx, const double *x, double *g);
    /* f(x) and the exact gradient into g in one pass (GSL's fdf): what
     * a step needs, for the price of one forward and one backward pass.
     * The value is bit for bit value()'s. NULL: value, then gradient. */
    double (*value_grad)(const void *ctx, const double *x, double *g);
    /* Central differences with step h, the steps as gradient_central()
     * takes them through value(): for built-ins the same arithmetic with
     * the evaluations inlined; for models from one forward pass (each
     * parameter moves only what it feeds). NULL to use value(). */
    void (*gradient_central)(const void *ctx, const double *x, double h,
                             double *g);
    /* Gradient by forward-mode automatic differentiation; NULL if none. */
    void (*gradient_ad)(const void *ctx, const double *x, double *g);
    /* Hessian, n*n row-major; NULL when there is none. */
    void (*hessian)(const void *ctx, const double *x, double *h);
    /* Hessian by automatic differentiation; NULL if none. */
    void (*hessian_ad)(const void *ctx, const double *x, double *h);
    /* Hessian-vector product h = H(x) v; NULL when there is none (the
     * Hessian, when there is one, serves instead). */
    void (*hvp)(const void *ctx, const double *x, const double *v,
                double *h);
    /* Objectives on data (rows > 0): f estimated on the training rows
     * rows[0..m-1], and its gradient into g; NULL for the others. */
    double (*batch)(const void *ctx, const double *x, const size_t *rows,
                    size_t m, double *g);
    /* Releases ctx; NULL when ctx is static. */
    void (*free)(void *ctx);
    /* The same objective in float32 (itself for a float32 table); NULL
     * when it has none (models). */
    const struct objective_ops *single;
} objective_ops;

enum { OBJECTIVE_MAX_MINIMA = 4 };

typedef struct objective {
    const char *name;     /* "rosenbrock", or the expression text */
    const char *formula;  /* for display, UTF-8 */
    size_t dim;
    double view[4];       /* x0, x1, y0, y1 */
    double start[2];      /* default start (first two parameters) */
    size_t n_minima;
    double minima[OBJECTIVE_MAX_MINIMA][2];
    double min_value;     /* f at the minima; NaN when unknown/none */
    size_t rows;          /* training rows minibatches draw from; 0: none */
    /* Evaluated in float32 (DESIGN §3e): every value and gradient its ops
     * return is a float32 value, and a run on it keeps its optimiser's
     * state in float32 too. */
    bool single;
    const objective_ops *ops;
    void *ctx;
} objective;

void objective_free(objective *obj);

/* obj in float32 from now on (DESIGN §3e): its ops become their float32
 * table. CORE_OK, or CORE_EUNSUPPORTED when it has none (models). */
core_error objective_single(objective *obj);

#endif
