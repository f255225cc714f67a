/* Models and hyperparameter search: µs per full-batch step of the
 * seed's MLP (SGD-HD) and of softmax regression on digits (SGD), each
 * beside PyTorch doing the same; the linear solves each λ search spends
 * to come within 1% (and within 0.01%) of the grid's best validation MSE
 * on diabetes; `descent hpo --over lr` as a user runs it; and forward
 * mode's cost against a plain training run. */
#include <math.h>
#include <stdio.h>

#include <gsl/gsl_errno.h>

#include "bench.h"
#include "hpo_lr.h"
#include "hpo_ridge.h"
#include "model_open.h"
#include "run.h"

static volatile double sink;

/* µs a step of r: the best of 5 stretches of steps/5 updates. */
static double step_us(run *r, long steps)
{
    double best = INFINITY;
    for (int k = 0; k < 5; k++) {
        double t0 = bench_now();
        for (long i = 0; i < steps / 5; i++)
            run_step(r);
        best = fmin(best, (bench_now() - t0) / (double)(steps / 5));
    }
    sink = r->loss;
    return best * 1e6;
}

/* Opens t on data (NULL: its default) and times steps updates with s.
 * full: every row trains, unscaled (the seed's reference setting). */
static int time_model(const model_type *t, const char *data, bool full,
                      run_settings s, long steps, const char *name)
{
    model_spec ms = model_spec_default();
    ms.data = data;
    if (full)
        ms.opt.split = 1.0;
    ms.opt.standardize = false;
    objective o;
    data_file_error e;
    if (model_open(t, &ms, &o, &e) < 0)
        return -1;
    run r;
    s.max_steps = 2 * steps;
    if (run_init(&r, &o, &s, model_of(&o)->theta0) < 0) {
        objective_free(&o);
        return -1;
    }
    bench_figure(name, step_us(&r, steps), "us");
    run_free(&r);
    objective_free(&o);
    return 0;
}

/* The reference's setting: 100 rows of N(0,1) data, unscaled, all for
 * training, 10 → 64 → 1, sgd with additive HD (α0 0.01, β 1e-3); and
 * softmax on digits' 1438 training rows, unscaled, sgd. */
static int bench_steps_models(bool quick)
{
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    s.lr = 0.01;
    s.hd = (hd_setting){HD_ADD, 1e-3, 0.0, INFINITY};
    int rc = time_model(&model_mlp, NULL, true, s, quick ? 2000 : 20000,
                        "mlp_sgdhd_step_us");
    bench_peer("torch_mlp_sgdhd_step_us", quick, NULL);
    s.hd.mode = HD_OFF;
    rc |= time_model(&model_softmax, "digits", false, s, quick ? 100 : 1000,
                     "softmax_digits_step_us");
    bench_peer("torch_softmax_digits_step_us", quick, NULL);
    return rc;
}

/* `descent hpo --over lr` on the MLP (grid 101, random, bayes and the
 * gradient method, 30 each, of 100 steps); then one evaluation by
 * forward mode (value and dL/dα) against a plain run. */
static int bench_lr_search(bool quick)
{
    char *argv[] = {"descent", "hpo", "--over", "lr", NULL};
    bench_figure("hpo_lr_mlp_s", bench_spawn(argv, quick ? 1 : 3), "s");
    model_spec ms = model_spec_default();
    objective o;
    data_file_error e;
    if (model_open(&model_mlp, &ms, &o, &e) < 0)
        return -1;
    lr_hpo l;
    lr_hpo_init(&l, &o, &optim_sgd, 100);
    double plain = INFINITY, fwd = INFINITY;
    for (int k = 0; k < (quick ? 3 : 20); k++) {
        double t0 = bench_now();
        sink = lr_loss(&l.p, l.start, 0.01);
        double t1 = bench_now();
        lr_result r;
        lr_hypergrad(&l.p, l.start, 0.01, &r);
        double t2 = bench_now();
        sink = r.dloss;
        plain = fmin(plain, t1 - t0);
        fwd = fmin(fwd, t2 - t1);
    }
    bench_figure("lr_plain_run_ms", plain * 1e3, "ms");
    bench_figure("lr_forward_mode_ms", fwd * 1e3, "ms");
    bench_figure("fwd_mode_over_plain", fwd / plain, "x");
    objective_free(&o);
    return 0;
}

enum { GRID_POINTS = 101, BUDGET = 60 };

/* Solves to come within rel of the grid's best: a grid search spends all
 * its points to know its best; random search is averaged over seeds. */
static void report_solves(const hpo_problem *p, double grid_best, double rel,
                          const char *suffix, int seeds)
{
    char name[64];
    snprintf(name, sizeof name, "hpo_solves_grid%s", suffix);
    bench_figure(name, GRID_POINTS, "solves");
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
        snprintf(name, sizeof name, "hpo_solves_%s%s",
                 hpo_method_name((hpo_method)m), suffix);
        bench_figure(name, reached ? total / runs : NAN, "solves");
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
    int rc = bench_steps_models(quick);
    rc |= bench_hpo(quick);
    return bench_lr_search(quick) | rc;
}
