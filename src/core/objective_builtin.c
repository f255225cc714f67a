/* Objective values for the built-in types: hand-written gradient and
 * Hessian from the type, and automatic differentiation of its formula in
 * the expression language, so the three gradient methods can be compared
 * on every built-in. */
#include <math.h>
#include <stdlib.h>

#include "builtins.h"
#include "expr.h"

typedef struct {
    const builtin_type *t;
    expr *ad;
} builtin_ctx;

static double bi_value(const void *ctx, const double *x)
{
    return ((const builtin_ctx *)ctx)->t->f(x);
}

static void bi_gradient(const void *ctx, const double *x, double *g)
{
    ((const builtin_ctx *)ctx)->t->grad(x, g);
}

static void bi_hessian(const void *ctx, const double *x, double *h)
{
    ((const builtin_ctx *)ctx)->t->hess(x, h);
}

static void bi_gradient_ad(const void *ctx, const double *x, double *g)
{
    expr_gradient(((const builtin_ctx *)ctx)->ad, x, g);
}

static void bi_hessian_ad(const void *ctx, const double *x, double *h)
{
    double g[2];
    expr_hessian(((const builtin_ctx *)ctx)->ad, x, g, h);
}

static void bi_free(void *ctx)
{
    builtin_ctx *c = ctx;
    expr_free(c->ad);
    free(c);
}

static const objective_ops builtin_ops = {
    .value = bi_value,
    .gradient = bi_gradient,
    .gradient_ad = bi_gradient_ad,
    .hessian = bi_hessian,
    .hessian_ad = bi_hessian_ad,
    .free = bi_free,
};

int objective_builtin(objective *out, const builtin_type *t)
{
    builtin_ctx *c = malloc(sizeof *c);
    if (!c)
        return -1;
    expr_error err;
    c->t = t;
    c->ad = expr_compile(t->expr, &err);
    if (!c->ad) { /* out of memory: the formulas are tested to compile */
        free(c);
        return -1;
    }
    *out = (objective){
        .name = t->name,
        .formula = t->formula,
        .dim = 2,
        .view = {t->view[0], t->view[1], t->view[2], t->view[3]},
        .start = {t->start[0], t->start[1]},
        .n_minima = t->n_minima,
        .min_value = t->min_value,
        .ops = &builtin_ops,
        .ctx = c,
    };
    for (size_t i = 0; i < t->n_minima; i++) {
        out->minima[i][0] = t->minima[i][0];
        out->minima[i][1] = t->minima[i][1];
    }
    return 0;
}

const expr *builtin_objective_expr(const objective *obj)
{
    return obj->ops == &builtin_ops ? ((const builtin_ctx *)obj->ctx)->ad : NULL;
}
