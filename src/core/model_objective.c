/* A model as an objective (objective.h), and the view box of a
 * 2-parameter model's exact surface. */
#include <math.h>
#include <string.h>

#include "model.h"

static double mo_value(const void *ctx, const double *x)
{
    return model_train(ctx, x, NULL);
}

static void mo_gradient(const void *ctx, const double *x, double *g)
{
    model_train(ctx, x, g);
}

static double mo_value_grad(const void *ctx, const double *x, double *g)
{
    return model_train(ctx, x, g);
}

static void mo_hvp(const void *ctx, const double *x, const double *v,
                   double *h)
{
    model_hvp(ctx, x, v, h);
}

static double mo_batch(const void *ctx, const double *x, const size_t *rows,
                       size_t n, double *g)
{
    return model_batch(ctx, x, rows, n, g);
}

/* Central differences from one forward pass (types with central only;
 * the others' go through value() in gradient.c). NaN when memory runs
 * out. */
static void mo_central(const void *ctx, const double *x, double h, double *g)
{
    const model *m = ctx;
    if (model_central(m, x, h, g) < 0)
        for (size_t i = 0; i < m->dim; i++)
            g[i] = NAN;
}

static void mo_free(void *ctx) { model_free(ctx); }

#define MODEL_OPS                                                        \
    .value = mo_value, .gradient = mo_gradient,                          \
    .value_grad = mo_value_grad, .hvp = mo_hvp, .batch = mo_batch,       \
    .free = mo_free

static const objective_ops model_ops = {MODEL_OPS};
static const objective_ops model_ops_central = {
    MODEL_OPS, .gradient_central = mo_central};

model *model_of(const objective *obj)
{
    return obj && (obj->ops == &model_ops || obj->ops == &model_ops_central)
               ? obj->ctx : NULL;
}

/* Damped Newton's method from θ0 for a 2-parameter F (the Hessian from
 * two Hessian-vector products). Returns whether it converged; theta is
 * where it stopped. A separable logistic regression has no finite
 * minimum: the iterates run off, and the search gives up at |θ| 1e3. */
static bool newton2(const model *m, double theta[2])
{
    static const double e[2][2] = {{1, 0}, {0, 1}};
    double f = model_train(m, theta, NULL);
    for (int it = 0; it < 100; it++) {
        double g[2], h0[2], h1[2];
        model_train(m, theta, g);
        model_hvp(m, theta, e[0], h0);
        model_hvp(m, theta, e[1], h1);
        double det = h0[0] * h1[1] - h0[1] * h1[0];
        if (!(fabs(det) > 0.0))
            return false;
        double s[2] = {(h1[1] * g[0] - h1[0] * g[1]) / det,
                       (h0[0] * g[1] - h0[1] * g[0]) / det};
        double t = 1.0, next[2], fn;
        do {
            next[0] = theta[0] - t * s[0];
            next[1] = theta[1] - t * s[1];
            fn = model_train(m, next, NULL);
            t *= 0.5;
        } while (!(fn <= f) && t > 1e-10);
        double step = fmax(fabs(theta[0] - next[0]), fabs(theta[1] - next[1]));
        theta[0] = next[0];
        theta[1] = next[1];
        f = fn;
        if (fmax(fabs(theta[0]), fabs(theta[1])) > 1e3)
            return false;
        if (step <= 1e-12 * (1.0 + fmax(fabs(theta[0]), fabs(theta[1]))))
            return true;
    }
    return false;
}

/* The box around θ0 and the minimum (or, without one, around θ0 and
 * where Newton's method got to, at most 10 away), half as wide again. */
static void view_box(model *m, objective *o)
{
    double end[2] = {m->theta0[0], m->theta0[1]};
    double reach = INFINITY;
    if (!newton2(m, end)) {
        reach = 10.0;
    } else {
        o->n_minima = 1;
        o->minima[0][0] = end[0];
        o->minima[0][1] = end[1];
        o->min_value = model_train(m, end, NULL);
    }
    for (int k = 0; k < 2; k++) {
        double a = m->theta0[k];
        double b = fmin(fmax(end[k], a - reach), a + reach);
        double half = fmax(1.0, 0.75 * fabs(a - b));
        o->view[2 * k] = 0.5 * (a + b) - half;
        o->view[2 * k + 1] = 0.5 * (a + b) + half;
    }
}

int model_objective(model *m, objective *out)
{
    *out = (objective){
        .name = m->type->name,
        .formula = m->formula,
        .dim = m->dim,
        .view = {-1, 1, -1, 1},
        .start = {m->theta0[0], m->dim > 1 ? m->theta0[1] : 0.0},
        .min_value = NAN,
        .rows = m->data.n_train,
        .ops = m->type->central ? &model_ops_central : &model_ops,
        .ctx = m,
    };
    if (m->dim == 2)
        view_box(m, out);
    return 0;
}
