/* Models on real data: analytic gradients and Hessian-vector products
 * against central differences, minibatches, metrics, view boxes. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gradient.h"
#include "model_open.h"
#include "suites.h"

typedef struct {
    const char *model, *data, *features;
    bool scale;
    size_t hidden, max_rows;
} model_case;

static const model_case cases[] = {
    {"linreg", "diabetes", "bmi", true, 0, 0},
    {"logreg", "iris", "petal_length,sepal_width", true, 0, 0},
    {"softmax", "iris", NULL, true, 0, 0},
    {"softmax", "digits", NULL, false, 0, 300},
    {"mlp", NULL, NULL, true, 64, 0},
    {"mlp", "diabetes", NULL, true, 16, 0},
    /* Padding of the kernels' vectors: 5 units, rows not a multiple of 8
     * or 64, classes not a multiple of 8. */
    {"mlp", "diabetes", NULL, true, 5, 0},
    {"softmax", "digits", NULL, false, 0, 203},
    {"ridge", "diabetes", NULL, true, 0, 0},
};

static int open_case(const model_case *c, objective *o)
{
    model_spec s = model_spec_default();
    s.data = c->data;
    s.opt.features = c->features;
    s.opt.standardize = c->scale;
    s.max_rows = c->max_rows;
    if (c->hidden)
        s.config.hidden = c->hidden;
    s.config.lambda = 10.0;
    data_file_error e;
    return model_open(model_find(c->model), &s, o, &e);
}

static double norm(const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i] * v[i];
    return sqrt(s);
}

/* ‖a - b‖ / ‖b‖: components that are zero or tiny by symmetry make a
 * per-component relative error meaningless. */
static double rel_norm(const double *a, const double *b, size_t n)
{
    double d = 0;
    for (size_t i = 0; i < n; i++)
        d += (a[i] - b[i]) * (a[i] - b[i]);
    return sqrt(d) / fmax(norm(b, n), 1e-300);
}

/* A point off the start, so ReLU masks and classes are not symmetric. */
static void perturbed(const objective *o, double *theta)
{
    const double *t0 = model_of(o)->theta0;
    for (size_t i = 0; i < o->dim; i++)
        theta[i] = t0[i] + 0.3 * sin(1.0 + (double)i);
}

static void gradients_match(void)
{
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        objective o;
        CU_ASSERT_EQUAL_FATAL(open_case(&cases[k], &o), 0);
        size_t n = o.dim;
        double *theta = malloc(4 * n * sizeof *theta);
        double *g = theta + n, *c = theta + 2 * n, *h = theta + 3 * n;
        perturbed(&o, theta);
        o.ops->gradient(o.ctx, theta, g);
        CU_ASSERT_EQUAL(gradient_central(&o, 1e-6, theta, c), 0);
        char msg[120];
        snprintf(msg, sizeof msg, "%s on %s: gradient vs central %.3g",
                 cases[k].model, cases[k].data ? cases[k].data : "N(0,1)",
                 rel_norm(g, c, n));
        CHECK_MSG(rel_norm(g, c, n) < 1e-6, msg);
        /* H v against the central difference of gradients along v; a
         * small step, so that no ReLU changes sides within it. */
        double *gp = malloc(2 * n * sizeof *gp), *gm = gp + n;
        double eps = 1e-7;
        for (size_t i = 0; i < n; i++)
            c[i] = cos(2.0 * (double)i); /* v */
        o.ops->hvp(o.ctx, theta, c, h);
        for (size_t i = 0; i < n; i++)
            g[i] = theta[i] + eps * c[i];
        o.ops->gradient(o.ctx, g, gp);
        for (size_t i = 0; i < n; i++)
            g[i] = theta[i] - eps * c[i];
        o.ops->gradient(o.ctx, g, gm);
        for (size_t i = 0; i < n; i++)
            gp[i] = (gp[i] - gm[i]) / (2 * eps);
        snprintf(msg, sizeof msg, "%s case %zu: hvp vs differences %.3g",
                 cases[k].model, k, rel_norm(h, gp, n));
        CHECK_MSG(rel_norm(h, gp, n) < 1e-6, msg);
        free(gp);
        free(theta);
        objective_free(&o);
    }
}

/* A batch of every training row in order is the full objective. */
static void full_batch_is_objective(void)
{
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        objective o;
        CU_ASSERT_EQUAL_FATAL(open_case(&cases[k], &o), 0);
        size_t n = o.dim, rows = o.rows;
        size_t *idx = malloc(rows * sizeof *idx);
        double *g = malloc(2 * n * sizeof *g), *gb = g + n;
        for (size_t i = 0; i < rows; i++)
            idx[i] = i;
        const double *t0 = model_of(&o)->theta0;
        o.ops->gradient(o.ctx, t0, g);
        double f = o.ops->value(o.ctx, t0);
        double fb = o.ops->batch(o.ctx, t0, idx, rows, gb);
        CU_ASSERT_DOUBLE_EQUAL(fb, f, 1e-12 * fabs(f));
        CU_ASSERT(rel_norm(gb, g, n) < 1e-12);
        free(idx);
        free(g);
        objective_free(&o);
    }
}

static void parameter_names(void)
{
    objective o;
    CU_ASSERT_EQUAL_FATAL(open_case(&cases[4], &o), 0);
    model *m = model_of(&o);
    CU_ASSERT_EQUAL(o.dim, 769);
    char buf[32];
    model_param_name(m, 0, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "W1[0][0]");
    model_param_name(m, 13, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "W1[1][3]");
    model_param_name(m, 640, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "b1[0]");
    model_param_name(m, 704, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "W2[0]");
    model_param_name(m, 768, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "b2");
    /* nn.Linear's bounds: 1/√10 for layer 1, 1/√64 for layer 2. */
    for (size_t i = 0; i < 704; i++)
        CU_ASSERT(fabs(m->theta0[i]) <= 1.0 / sqrt(10.0));
    for (size_t i = 704; i < 769; i++)
        CU_ASSERT(fabs(m->theta0[i]) <= 0.125);
    objective_free(&o);
}

/* linreg's exact surface: the minimum is the least-squares line, and
 * the view holds it and the start. */
static void linreg_view(void)
{
    objective o;
    CU_ASSERT_EQUAL_FATAL(open_case(&cases[0], &o), 0);
    model *m = model_of(&o);
    const data_split *d = &m->data;
    double sx = 0, sy = 0, sxx = 0, sxy = 0, n = (double)d->n_train;
    for (size_t i = 0; i < d->n_train; i++) {
        double x = d->x_train[i], y = d->y_train[i];
        sx += x, sy += y, sxx += x * x, sxy += x * y;
    }
    double w = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double b = (sy - w * sx) / n;
    CU_ASSERT_EQUAL(o.n_minima, 1);
    CU_ASSERT_DOUBLE_EQUAL(o.minima[0][0], w, 1e-9 * fabs(w));
    CU_ASSERT_DOUBLE_EQUAL(o.minima[0][1], b, 1e-9 * fabs(b));
    CU_ASSERT(o.view[0] < w && w < o.view[1] && o.view[2] < b && b < o.view[3]);
    CU_ASSERT(o.view[0] < o.start[0] && o.start[0] < o.view[1]);
    objective_free(&o);
}

static void classifier_metrics(void)
{
    objective o;
    CU_ASSERT_EQUAL_FATAL(open_case(&cases[2], &o), 0);
    model *m = model_of(&o);
    CU_ASSERT_EQUAL(m->classes, 3);
    model_metrics before = model_evaluate(m, m->theta0);
    CU_ASSERT(before.train_acc >= 0.0 && before.train_acc <= 1.0);
    /* A few hundred plain gradient steps separate iris's classes. */
    double *t = malloc(2 * o.dim * sizeof *t), *g = t + o.dim;
    memcpy(t, m->theta0, o.dim * sizeof *t);
    for (int k = 0; k < 500; k++) {
        o.ops->gradient(o.ctx, t, g);
        for (size_t i = 0; i < o.dim; i++)
            t[i] -= 0.5 * g[i];
    }
    model_metrics after = model_evaluate(m, t);
    CU_ASSERT(after.val_loss < before.val_loss);
    CU_ASSERT(after.train_acc > 0.9);
    CU_ASSERT(after.val_acc > 0.85);
    free(t);
    objective_free(&o);
    /* Regression models have no accuracy. */
    CU_ASSERT_EQUAL_FATAL(open_case(&cases[6], &o), 0);
    model_metrics r = model_evaluate(model_of(&o), model_of(&o)->theta0);
    CU_ASSERT(isnan(r.train_acc) && isfinite(r.val_loss));
    objective_free(&o);
}

static void refusals(void)
{
    model_spec s = model_spec_default();
    data_file_error e;
    objective o;
    s.data = "diabetes";
    s.opt.target = "bmi";
    CU_ASSERT_EQUAL(model_open(&model_softmax, &s, &o, &e), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(e.message, ": a class label must be a "
                                  "whole number"));
    CU_ASSERT_EQUAL(strncmp(e.message, "target 'bmi' has the value ", 27), 0);
    s = model_spec_default();
    s.data = "iris";
    s.opt.features = "sepal_length";
    CU_ASSERT_EQUAL(model_open(&model_logreg, &s, &o, &e), -1);
    CU_ASSERT_STRING_EQUAL(e.message, "the model takes 2 features, 1 given");
    CU_ASSERT_EQUAL(e.line, 1);
}

void suite_models(void)
{
    static const test_case tests[] = {
        {"gradients and Hessian-vector products on real data",
         gradients_match},
        {"a batch of every row is the objective", full_batch_is_objective},
        {"parameter names and initialisation", parameter_names},
        {"linreg's minimum and view", linreg_view},
        {"classifier metrics", classifier_metrics},
        {"what models refuse", refusals},
        {NULL, NULL},
    };
    add_suite("models", tests);
}
