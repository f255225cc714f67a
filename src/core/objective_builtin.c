/* Objectives for the built-in types: hand-written gradient and Hessian
 * from the type, and automatic differentiation of its formula in
 * the expression language, so the three gradient methods can be compared
 * on every built-in. */
#include <math.h>

#include "builtins.h"
#include "expr.h"

/* The context of a built-in objective: the expression compiled from its
 * formula, for the AD methods of its ops (builtins.c). */
void builtin_gradient_ad(const void *ctx, const double *x, double *g)
{
    expr_gradient(ctx, x, g);
}

void builtin_hessian_ad(const void *ctx, const double *x, double *h)
{
    double g[2];
    expr_hessian(ctx, x, g, h);
}

void builtin_gradient_ad32(const void *ctx, const double *x, double *g)
{
    expr_gradient_single(ctx, x, g);
}

void builtin_hessian_ad32(const void *ctx, const double *x, double *h)
{
    double g[2];
    expr_hessian_single(ctx, x, g, h);
}

void builtin_ctx_free(void *ctx)
{
    expr_free(ctx);
}

int objective_builtin(objective *out, const builtin_type *t)
{
    expr_error err;
    expr *ad = expr_compile(t->expr, &err);
    if (!ad) /* out of memory: the formulas are tested to compile */
        return -1;
    *out = (objective){
        .name = t->name,
        .formula = t->formula,
        .dim = 2,
        .view = {t->view[0], t->view[1], t->view[2], t->view[3]},
        .start = {t->start[0], t->start[1]},
        .n_minima = t->n_minima,
        .min_value = t->min_value,
        .ops = t->ops,
        .ctx = ad,
    };
    for (size_t i = 0; i < t->n_minima; i++) {
        out->minima[i][0] = t->minima[i][0];
        out->minima[i][1] = t->minima[i][1];
    }
    return 0;
}

const expr *builtin_objective_expr(const objective *obj)
{
    return obj->ops->free == builtin_ctx_free ? obj->ctx : NULL;
}
