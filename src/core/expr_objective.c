/* A typed expression as an objective (objective.h): gradient and Hessian
 * by automatic differentiation only. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"

typedef struct {
    expr *e;
    char *text;
} expr_ctx;

static double ctx_value(const void *ctx, const double *x)
{
    return expr_value(((const expr_ctx *)ctx)->e, x);
}

static void ctx_gradient(const void *ctx, const double *x, double *g)
{
    (void)expr_gradient(((const expr_ctx *)ctx)->e, x, g);
}

static void ctx_hessian(const void *ctx, const double *x, double *h)
{
    double g[2];
    (void)expr_hessian(((const expr_ctx *)ctx)->e, x, g, h);
}

static void ctx_free(void *ctx)
{
    expr_ctx *c = ctx;
    if (!c)
        return;
    expr_free(c->e);
    free(c->text);
    free(c);
}

static const objective_ops expr_ops = {
    .value = ctx_value,
    .gradient = NULL,
    .gradient_ad = ctx_gradient,
    .hessian = NULL,
    .hessian_ad = ctx_hessian,
    .free = ctx_free,
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
    expr_ctx *c = malloc(sizeof *c);
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (!c || !copy) {
        free(c);
        free(copy);
        if (err) {
            err->column = 0;
            strcpy(err->message, "out of memory");
        }
        return -1;
    }
    memcpy(copy, text, len + 1);
    c->text = copy;
    c->e = expr_compile(text, err);
    if (!c->e) {
        free(copy);
        free(c);
        return -1;
    }
    memset(out, 0, sizeof *out);
    out->name = copy;
    out->formula = copy;
    out->dim = 2;
    out->view[0] = -2.0;
    out->view[1] = 2.0;
    out->view[2] = -2.0;
    out->view[3] = 2.0;
    choose_start(c->e, out->start);
    out->n_minima = 0;
    out->min_value = NAN;
    out->ops = &expr_ops;
    out->ctx = c;
    return 0;
}
