/* Models and hyperparameter search: µs per full-batch SGD-HD step of the
 * seed's MLP, and the linear solves each λ search spends to come within
 * 1% (and within 0.01%) of the grid's best validation MSE on diabetes. */
#include <math.h>
#include <stdio.h>

#include <gsl/gsl_errno.h>

#include "bench.h"
#include "hpo_ridge.h"
#include "model_open.h"
#include "run.h"

static volatile double sink;

/* The reference's setting: 100 rows of N(0,1) data, unscaled, all for
 * training, 10 → 64 → 1, sgd with additive HD (α0 0.01, β 1e-3). */
static int bench_mlp(bool quick)
{
    model_spec ms = model_spec_default();
    ms.opt.split = 1.0;
    ms.opt.standardize = false;
    objective o;
    data_file_error e;
    if (model_open(&model_mlp, &ms, &o, &e) < 0)
        return -1;
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    s.lr = 0.01;
    s.hd = (hd_setting){HD_ADD, 1e-3, 0.0, INFINITY};
    s.max_steps = quick ? 2000 : 20000;
    run r;
    if (run_init(&r, &o, &s, model_of(&o)->theta0) < 0) {
        objective_free(&o);
        return -1;
    }
    double t0 = bench_now();
    while (run_step(&r) == RUN_RUNNING)
        ;
    double dt = bench_now() - t0;
    sink = r.loss;
    printf("mlp_sgdhd_step_us %.2f us\n", dt / (double)r.step * 1e6);
    run_free(&r);
    objective_free(&o);
    return 0;
}

enum { GRID_POINTS = 101, BUDGET = 60 };

/* Solves to come within rel of the grid's best: a grid search spends all
 * its points to know its best; random search is averaged over seeds. */
static void report_solves(const hpo_problem *p, double grid_best, double rel,
                          const char *suffix, int seeds)
{
    printf("hpo_solves_grid%s %d solves\n", suffix, GRID_POINTS);
    hpo_trace t = {0};
    for (int m = HPO_RANDOM; m <= HPO_GRADIENT; m++) {
        int runs = m == HPO_RANDOM ? seeds : 1;
        double total = 0.0;
        bool reached = true;
        for (int k = 0; k < runs; k++) {
            hpo_settings s = {(hpo_method)m, BUDGET, (uint64_t)k, 0.0};
            long c = hpo_search(p, &s, &t) < 0
                         ? -1 : hpo_cost_to_reach(&t, grid_best, rel);
            reached = reached && c > 0;
            total += (double)c;
        }
        if (reached)
            printf("hpo_solves_%s%s %.1f solves\n",
                   hpo_method_name((hpo_method)m), suffix, total / runs);
        else
            printf("hpo_solves_%s%s nan solves\n",
                   hpo_method_name((hpo_method)m), suffix);
    }
    hpo_trace_free(&t);
}

static int bench_hpo(bool quick)
{
    gsl_set_error_handler_off();
    model_spec ms = model_spec_default();
    objective o;
    data_file_error e;
    char err[200];
    ridge_hpo r;
    if (model_open(&model_ridge, &ms, &o, &e) < 0)
        return -1;
    if (ridge_hpo_init(&r, model_of(&o), err, sizeof err) < 0) {
        objective_free(&o);
        return -1;
    }
    hpo_problem p = ridge_hpo_problem(&r, 1e-3, 1e5);
    hpo_trace t = {0};
    hpo_settings s = {HPO_GRID, GRID_POINTS, 0, 0.0};
    int rc = hpo_search(&p, &s, &t);
    if (rc == 0) {
        double best = t.e[t.n - 1].best;
        report_solves(&p, best, 1e-2, "", quick ? 5 : 50);
        report_solves(&p, best, 1e-4, "_0.01pct", quick ? 5 : 50);
    }
    hpo_trace_free(&t);
    ridge_hpo_free(&r);
    objective_free(&o);
    return rc;
}

int bench_models(bool quick)
{
    int rc = bench_mlp(quick);
    return bench_hpo(quick) | rc;
}
