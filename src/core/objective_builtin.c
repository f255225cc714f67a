/* Objective values for the built-in types. */
#include <math.h>

#include "builtins.h"

static double bi_value(const void *ctx, const double *x)
{
    return ((const builtin_type *)ctx)->f(x);
}

static void bi_gradient(const void *ctx, const double *x, double *g)
{
    ((const builtin_type *)ctx)->grad(x, g);
}

static void bi_hessian(const void *ctx, const double *x, double *h)
{
    ((const builtin_type *)ctx)->hess(x, h);
}

static const objective_ops builtin_ops = {
    .value = bi_value,
    .gradient = bi_gradient,
    .hessian = bi_hessian,
};

int objective_builtin(objective *out, const builtin_type *t)
{
    *out = (objective){
        .name = t->name,
        .formula = t->formula,
        .dim = 2,
        .view = {t->view[0], t->view[1], t->view[2], t->view[3]},
        .start = {t->start[0], t->start[1]},
        .n_minima = t->n_minima,
        .min_value = t->min_value,
        .ops = &builtin_ops,
        .ctx = (void *)t,
    };
    for (size_t i = 0; i < t->n_minima; i++) {
        out->minima[i][0] = t->minima[i][0];
        out->minima[i][1] = t->minima[i][1];
    }
    return 0;
}
