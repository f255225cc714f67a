/* A typed expression as an objective (objective.h): gradient and Hessian
 * by automatic differentiation only. The context is the expr itself,
 * whose copy of the text serves as name and formula. */
#include <math.h>
#include <string.h>

#include "expr_impl.h"

static void ctx_free(void *ctx)
{
    expr_free(ctx);
}

static const objective_ops expr_ops_single = {
    .value = expr_ctx_value_single,
    .gradient_ad = expr_ctx_gradient_single,
    .hessian_ad = expr_ctx_hessian_single,
    .free = ctx_free,
    .single = &expr_ops_single,
};

static const objective_ops expr_ops = {
    .value = expr_ctx_value,
    .gradient = NULL,
    .gradient_ad = expr_ctx_gradient,
    .hessian = NULL,
    .hessian_ad = expr_ctx_hessian,
    .free = ctx_free,
    .single = &expr_ops_single,
};

/* The default start: the first of these where the value and the gradient
 * are finite ((1.5, 1.5) when none is). */
static void choose_start(const expr *e, double *start)
{
    static const double candidates[][2] = {
        {1.5, 1.5},  {-1.5, 1.5}, {1.5, -1.5}, {-1.5, -1.5},
        {1.0, 1.0},  {0.5, 0.5},  {0.5, -0.5}, {-0.5, 0.5},
        {-0.5, -0.5}, {0.1, 0.1}, {0.0, 0.0},
    };
    size_t n = sizeof candidates / sizeof candidates[0];
    for (size_t i = 0; i < n; i++) {
        double g[2];
        double v = expr_gradient(e, candidates[i], g);
        if (isfinite(v) && isfinite(g[0]) && isfinite(g[1])) {
            start[0] = candidates[i][0];
            start[1] = candidates[i][1];
            return;
        }
    }
    start[0] = candidates[0][0];
    start[1] = candidates[0][1];
}

int expr_objective(const char *text, objective *out, expr_error *err)
{
    expr *e = expr_compile(text, err);
    if (!e)
        return -1;
    memset(out, 0, sizeof *out);
    out->name = e->text;
    out->formula = e->text;
    out->dim = 2;
    out->view[0] = -2.0;
    out->view[1] = 2.0;
    out->view[2] = -2.0;
    out->view[3] = 2.0;
    choose_start(e, out->start);
    out->n_minima = 0;
    out->min_value = NAN;
    out->ops = &expr_ops;
    out->ctx = e;
    return 0;
}

const expr *expr_of_objective(const objective *obj)
{
    return obj->ops == &expr_ops || obj->ops == &expr_ops_single ? obj->ctx
                                                                 : NULL;
}
