/* Runs on models: every optimiser, clip mode and hypergradient mode on
 * every model stays finite and lowers the loss; minibatches. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_open.h"
#include "run.h"
#include "suites.h"

static int open_model(const char *name, objective *o)
{
    model_spec s = model_spec_default();
    if (strcmp(name, "mlp") == 0)
        s.config.hidden = 16;
    data_file_error e;
    return model_open(model_find(name), &s, o, &e);
}

/* The largest Hessian eigenvalue at θ0 by power iteration on H v. */
static double curvature(const objective *o, const double *theta)
{
    size_t n = o->dim;
    double *v = malloc(2 * n * sizeof *v), *hv = v + n, lam = 0;
    for (size_t i = 0; i < n; i++)
        v[i] = 1.0 / sqrt((double)n);
    for (int k = 0; k < 30; k++) {
        o->ops->hvp(o->ctx, theta, v, hv);
        double nn = 0;
        for (size_t i = 0; i < n; i++)
            nn += hv[i] * hv[i];
        lam = sqrt(nn);
        for (size_t i = 0; i < n; i++)
            v[i] = hv[i] / lam;
    }
    free(v);
    return lam;
}

/* Steps that are safe for each optimiser on this objective. */
static double lr_for(const optimizer_type *t, double lam)
{
    if (t == &optim_sgd)
        return 0.5 / lam;
    if (t == &optim_momentum || t == &optim_nesterov)
        return 0.05 / lam;
    return t == &optim_adagrad ? 0.1 : 0.01;
}

static void every_combination(void)
{
    static const char *const models[] = {"linreg", "logreg", "softmax",
                                         "mlp", "ridge"};
    for (size_t k = 0; k < 5; k++) {
        objective o;
        CU_ASSERT_EQUAL_FATAL(open_model(models[k], &o), 0);
        const double *t0 = model_of(&o)->theta0;
        double lam = curvature(&o, t0);
        double *g = malloc(o.dim * sizeof *g), gmax = 0, gnorm = 0;
        o.ops->gradient(o.ctx, t0, g);
        for (size_t i = 0; i < o.dim; i++) {
            gmax = fmax(gmax, fabs(g[i]));
            gnorm += g[i] * g[i];
        }
        free(g);
        clip_setting clips[3] = {{CLIP_NONE, 0}, {CLIP_NORM, 0.5 * sqrt(gnorm)},
                                 {CLIP_VALUE, 0.5 * gmax}};
        for (const optimizer_type *const *t = optimizer_types; *t; t++)
            for (int c = 0; c < 3 && !(*t)->whole; c++)
                for (int h = 0; h < 3; h++) {
                    run_settings s = run_settings_default();
                    s.opt = *t;
                    s.lr = lr_for(*t, lam);
                    s.clip = clips[c];
                    s.hd = (hd_setting){(hd_mode)h, h == HD_MULT ? 0.02 : 1e-6,
                                        0.0, 2.0 * s.lr};
                    s.max_steps = 40;
                    s.batch = (c + h) % 2 ? 16 : 0;
                    run r;
                    CU_ASSERT_EQUAL_FATAL(run_init(&r, &o, &s, t0), 0);
                    double f0 = r.loss;
                    while (run_step(&r) == RUN_RUNNING)
                        ;
                    char msg[160];
                    snprintf(msg, sizeof msg, "%s %s clip %d hd %d batch %zu: "
                             "%s, loss %g → %g", models[k], (*t)->name, c, h,
                             s.batch, run_status_name(r.status), f0, r.loss);
                    CHECK_MSG(r.status == RUN_MAX_STEPS && r.loss < f0, msg);
                    run_free(&r);
                }
        objective_free(&o);
    }
}

/* Minibatch runs: loss is the whole objective, batch_loss the batch's;
 * epochs turn over; a copy continues exactly as the original. */
static void minibatches(void)
{
    objective o;
    CU_ASSERT_EQUAL_FATAL(open_model("softmax", &o), 0);
    run_settings s = run_settings_default();
    s.batch = 32;
    s.seed = 3;
    s.max_steps = 100;
    run a, b;
    const double *t0 = model_of(&o)->theta0;
    CU_ASSERT_EQUAL_FATAL(run_init(&a, &o, &s, t0), 0);
    CU_ASSERT_EQUAL(o.rows, 120);
    CU_ASSERT_EQUAL(a.epoch, 1);
    CU_ASSERT_EQUAL(a.batch_len, 32);
    CU_ASSERT_DOUBLE_EQUAL(a.loss, o.ops->value(o.ctx, t0), 0.0);
    CU_ASSERT(isfinite(a.batch_loss) && a.batch_loss != a.loss);
    for (int t = 0; t < 3; t++)
        run_step(&a);
    /* 120 rows: batches of 32, 32, 32, 24, then a new epoch. */
    CU_ASSERT_EQUAL(a.batch_len, 24);
    run_step(&a);
    CU_ASSERT_EQUAL(a.epoch, 2);
    CU_ASSERT_EQUAL(a.batch_start, 0);
    CU_ASSERT_EQUAL_FATAL(run_copy(&b, &a), 0);
    for (int t = 0; t < 10; t++) {
        run_step(&a);
        run_step(&b);
    }
    CU_ASSERT_EQUAL(memcmp(a.theta, b.theta, o.dim * sizeof *a.theta), 0);
    CU_ASSERT_EQUAL(a.batch_loss, b.batch_loss);
    run_free(&b);
    run_free(&a);
    /* Minibatches need the analytic gradient and rows to draw. */
    s.grad = GRAD_CENTRAL;
    CU_ASSERT_EQUAL(run_init(&a, &o, &s, t0), CORE_EBATCH);
    objective_free(&o);
}

void suite_model_runs(void)
{
    static const test_case tests[] = {
        {"every optimiser, clip and HD mode on every model",
         every_combination},
        {"minibatches", minibatches},
        {NULL, NULL},
    };
    add_suite("model_runs", tests);
}
