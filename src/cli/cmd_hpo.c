/* descent hpo: a hyperparameter searched by grid, random, Bayesian and
 * gradient methods side by side: ridge's λ (each evaluation a linear
 * solve, the gradient by implicit differentiation) or a model's learning
 * rate (each evaluation a training run of --steps updates, the gradient
 * by forward mode). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "cli.h"
#include "quote.h"
#include "commands.h"
#include "fmt_double.h"
#include "hpo_lr.h"
#include "hpo_ridge.h"
#include "model_options.h"
#include "trace.h"
#include "tui.h"

enum {
    OPT_OVER = 1, OPT_METHOD, OPT_BUDGET, OPT_GRID, OPT_RANGE, OPT_OPTIMIZER,
    OPT_STEPS, OPT_SEED, OPT_TRACE, OPT_FORCE, OPT_TUI
};

const cli_option hpo_option_table[] = {
    {"over", true, OPT_OVER}, {"method", true, OPT_METHOD},
    {"budget", true, OPT_BUDGET}, {"grid", true, OPT_GRID},
    {"range", true, OPT_RANGE}, {"optimizer", true, OPT_OPTIMIZER},
    {"steps", true, OPT_STEPS}, {"seed", true, OPT_SEED},
    {"trace", true, OPT_TRACE}, {"force", false, OPT_FORCE},
    {"tui", false, OPT_TUI}, MODEL_CLI_OPTIONS, {NULL, false, 0}};

static const char usage[] =
    "usage: descent hpo [options] [model options]\n"
    "Searches one hyperparameter on a log scale for the lowest validation\n"
    "loss by grid, random, Bayesian and gradient search, and reports each\n"
    "method's best, its cost and when it came within 1% of the grid's best.\n\n"
    "  --over lambda|lr        ridge's λ (default), or the learning rate\n"
    "  --method NAME|all       grid random bayes gradient (default all)\n"
    "  --grid N                grid points (default 101)\n"
    "  --budget N              evaluations of the other methods (default 30)\n"
    "  --range LO:HI           (default λ 1e-3:1e5, lr 1e-4:1)\n"
    "  --optimizer NAME        lr: the optimiser trained (default sgd)\n"
    "  --steps T               lr: updates per training run (default 100)\n"
    "  --seed S                split, initialisation, random search (default 0)\n"
    "  --trace FILE.csv        every evaluation: method,eval,h,value,best_h,\n"
    "                          best,cost\n"
    "  --force                 replace an existing trace file\n"
    "  --tui                   show the searches in the terminal, evaluation\n"
    "                          by evaluation (press ? there for the keys)\n"
    "model options (default --model ridge, for lr --model mlp):\n";

typedef struct {
    bool lr;                 /* --over lr */
    int method;              /* -1: all */
    long budget, grid, steps;
    double range[2];
    bool range_set;
    const optimizer_type *opt;
    unsigned long seed;
    const char *trace;
    bool force, tui;
    model_options model;
} hpo_options;

static int parse_range(const char *v, double *r)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", v);
    char *colon = strchr(buf, ':');
    if (!colon)
        return cli_error("--range", "'%s' is not of the form LO:HI", QUOTE(v)), -1;
    *colon = 0;
    if (cli_double("--range", buf, &r[0]) < 0 ||
        cli_double("--range", colon + 1, &r[1]) < 0)
        return -1;
    if (!(r[0] > 0 && r[0] < r[1]))
        return cli_error("--range", "needs 0 < LO < HI, got %s", QUOTE(v)), -1;
    return 0;
}

/* An evaluation count: 1..HPO_MAX_EVALS. */
static int evaluations(const char *where, const char *v, long *out)
{
    if (cli_long(where, v, out) < 0)
        return -1;
    if (*out < 1 || *out > HPO_MAX_EVALS)
        return cli_error(where, "must be 1 to %d, got %s", HPO_MAX_EVALS,
                         QUOTE(v)), -1;
    return 0;
}

static int apply(hpo_options *o, int id, const char *v)
{
    hpo_method m;
    long seed;
    switch (id) {
    case OPT_OVER:
        if (strcmp(v, "lambda") != 0 && strcmp(v, "lr") != 0)
            return cli_error("--over", "'%s' is not lambda or lr", QUOTE(v)), -1;
        o->lr = strcmp(v, "lr") == 0;
        return 0;
    case OPT_METHOD:
        if (strcmp(v, "all") == 0)
            return o->method = -1, 0;
        if (hpo_method_parse(v, &m) < 0)
            return cli_error("--method", "'%s' is not grid, random, bayes, "
                             "gradient or all", QUOTE(v)), -1;
        return o->method = (int)m, 0;
    case OPT_BUDGET: return evaluations("--budget", v, &o->budget);
    case OPT_GRID: return evaluations("--grid", v, &o->grid);
    case OPT_RANGE: o->range_set = true; return parse_range(v, o->range);
    case OPT_OPTIMIZER:
        if (!(o->opt = optimizer_find(v)))
            return cli_error("--optimizer", "unknown optimizer '%s' (see "
                             "'descent list optimizers')", QUOTE(v)), -1;
        return 0;
    case OPT_STEPS:
        if (cli_long("--steps", v, &o->steps) < 0)
            return -1;
        return o->steps >= 1 ? 0 : (cli_error("--steps", "must be at least 1, "
                                              "got %s", QUOTE(v)), -1);
    case OPT_SEED:
        if (cli_long("--seed", v, &seed) < 0)
            return -1;
        if (seed < 0)
            return cli_error("--seed", "must be 0 or more, got %s", QUOTE(v)), -1;
        return o->seed = (unsigned long)seed, 0;
    case OPT_TRACE: o->trace = v; return 0;
    case OPT_FORCE: o->force = true; return 0;
    case OPT_TUI: o->tui = true; return 0;
    }
    return model_options_apply(&o->model, id, v);
}

/* One method's search, summarised; its evaluations go to the trace. */
static int report(const hpo_problem *p, hpo_method m, const hpo_options *o,
                  double grid_best, FILE *trace, hpo_trace *t)
{
    hpo_settings s = {m, (size_t)(m == HPO_GRID ? o->grid : o->budget),
                      o->seed, 0.0};
    if (hpo_search(p, &s, t) < 0 || t->n == 0) {
        cli_say("hpo: %s search failed", hpo_method_name(m));
        return EXIT_FAIL;
    }
    const hpo_eval *last = &t->e[t->n - 1];
    long reach = isnan(last->best) ? -1
                 : m == HPO_GRID ? last->cost
                                 : hpo_cost_to_reach(t, grid_best, 0.01);
    char h[FMT_DOUBLE_MAX] = "-", v[FMT_DOUBLE_MAX] = "diverged",
         buf[FMT_DOUBLE_MAX];
    /* Every evaluation diverged: there is no best to show. */
    if (!isnan(last->best)) {
        fmt_double(last->best_h, h);
        fmt_double(last->best, v);
    }
    if (reach < 0)
        snprintf(buf, sizeof buf, "never");
    else
        snprintf(buf, sizeof buf, "%ld", reach);
    printf("%-9s %-22s %-22s %6ld %6zu %8s\n", hpo_method_name(m), h, v,
           last->cost, t->n, buf);
    for (size_t i = 0; trace && i < t->n; i++) {
        const hpo_eval *e = &t->e[i];
        fprintf(trace, "%s,%zu", hpo_method_name(m), i + 1);
        double cols[5] = {e->h, e->value, e->best_h, e->best, (double)e->cost};
        for (int c = 0; c < 5; c++) {
            fmt_double(cols[c], buf);
            fprintf(trace, ",%s", buf);
        }
        fputc('\n', trace);
    }
    return EXIT_OK;
}

static int search_all(const hpo_problem *p, const hpo_options *o, FILE *trace)
{
    hpo_trace t = {0};
    double grid_best = NAN;
    int rc = EXIT_OK;
    printf("%-9s %-22s %-22s %6s %6s %8s\n", "method", o->lr ? "best lr"
           : "best λ", "val loss", "cost", "evals", "reach 1%");
    for (int m = 0; m < HPO_METHOD_COUNT && rc == EXIT_OK; m++) {
        /* The grid always runs: its best is what the others are judged
         * against. */
        if (o->method >= 0 && m != o->method && m != HPO_GRID)
            continue;
        rc = report(p, (hpo_method)m, o, grid_best,
                    o->method < 0 || m == o->method ? trace : NULL, &t);
        if (m == HPO_GRID && rc == EXIT_OK)
            grid_best = t.e[t.n - 1].best;
    }
    hpo_trace_free(&t);
    return rc;
}

/* Points of the curve behind the view's marks: a λ costs a linear
 * solve, a learning rate a whole training run. */
enum { CURVE_LAMBDA = 301, CURVE_LR = 61 };

/* Runs the searches (the grid always: the curve's reference), samples
 * the curve, and replays them in the TUI. */
static int show_searches(const hpo_problem *p, const hpo_options *o,
                         const model *m, const char *data)
{
    hpo_view v = {.h_name = o->lr ? "lr" : "λ",
                  .cost_name = o->lr ? "training runs" : "linear solves",
                  .lo = p->lo, .hi = p->hi};
    snprintf(v.what, sizeof v.what, "%s of %s on %s",
             o->lr ? "learning rate" : "λ", m->type->name, data);
    int at = snprintf(v.detail, sizeof v.detail, "target %s, %zu training "
                      "rows, %zu validation", m->data.target, m->data.n_train,
                      m->data.n_val);
    if (o->lr && at > 0 && (size_t)at < sizeof v.detail)
        snprintf(v.detail + at, sizeof v.detail - (size_t)at,
                 "; %s, %ld steps from θ0", o->opt->name, o->steps);
    int rc = EXIT_OK;
    for (int m = 0; m < HPO_METHOD_COUNT && rc == EXIT_OK; m++) {
        if (o->method >= 0 && m != o->method && m != HPO_GRID)
            continue;
        hpo_settings s = {(hpo_method)m, (size_t)(m == HPO_GRID ? o->grid
                                                                : o->budget),
                          o->seed, 0.0};
        if (hpo_search(p, &s, &v.trace[m]) < 0)
            rc = cli_error("hpo", "%s search failed", hpo_method_name(m));
    }
    size_t n = o->lr ? CURVE_LR : CURVE_LAMBDA;
    if (rc == EXIT_OK && hpo_view_curve(&v, n) < 0)
        rc = cli_error("hpo", "out of memory");
    for (size_t i = 0; rc == EXIT_OK && i < n; i++) {
        long cost = 0;
        v.curve_h[i] = p->lo * pow(p->hi / p->lo, (double)i / (double)(n - 1));
        if (p->eval(p->ctx, v.curve_h[i], &v.curve_v[i], NULL, &cost) < 0)
            v.curve_v[i] = NAN;
    }
    if (rc == EXIT_OK)
        rc = tui_hpo_main(&v);
    hpo_view_free(&v);
    return rc;
}

static int run_search(hpo_options *o, objective *obj, FILE *trace)
{
    model *m = model_of(obj);
    char err[256];
    const char *data = o->model.spec.data ? o->model.spec.data
                       : m->type->default_data ? m->type->default_data
                                               : "N(0,1) data";
    if (!o->tui)
        printf("%-9s %s of %s on %s, target %s (%zu training rows, %zu "
               "validation)\n", "hpo:", o->lr ? "learning rate" : "λ",
               m->type->name, data, m->data.target, m->data.n_train,
               m->data.n_val);
    if (o->lr) {
        lr_hpo l;
        lr_hpo_init(&l, obj, o->opt, o->steps);
        hpo_problem p = lr_hpo_problem(&l, o->range[0], o->range[1]);
        if (o->tui)
            return show_searches(&p, o, m, data);
        printf("%-9s %s, %ld steps from θ0; cost: training runs\n", "train:",
               o->opt->name, o->steps);
        return search_all(&p, o, trace);
    }
    ridge_hpo r;
    if (ridge_hpo_init(&r, m, err, sizeof err) < 0)
        return cli_error("--model", "%s", err);
    hpo_problem p = ridge_hpo_problem(&r, o->range[0], o->range[1]);
    int rc;
    if (o->tui) {
        rc = show_searches(&p, o, m, data);
    } else {
        printf("%-9s cost: linear solves (a gradient costs two)\n", "ridge:");
        rc = search_all(&p, o, trace);
    }
    ridge_hpo_free(&r);
    return rc;
}

int cmd_hpo(int argc, char **argv)
{
    hpo_options o = {.method = -1, .budget = 30, .grid = 101, .steps = 100,
                     .opt = &optim_sgd};
    model_options_default(&o.model);
    cli_scan scan = {argc, argv, 0, "hpo"};
    const char *v;
    int id;
    while ((id = cli_next(&scan, hpo_option_table, false, &v)) != 0) {
        if (id == CLI_HELP) {
            printf("%s%s", usage, model_options_help);
            return EXIT_OK;
        }
        if (id < 0 || apply(&o, id, v) < 0)
            return EXIT_USAGE;
    }
    if (!o.range_set) {
        o.range[0] = o.lr ? 1e-4 : 1e-3;
        o.range[1] = o.lr ? 1.0 : 1e5;
    }
    if (!o.model.type)
        o.model.type = o.lr ? &model_mlp : &model_ridge;
    if (!o.lr && o.model.type != &model_ridge)
        return cli_error("--model", "--over lambda needs --model ridge");
    if ((o.method < 0 || o.method == HPO_BAYES) &&
        o.budget > HPO_BAYES_MAX_EVALS)
        return cli_error("--budget", "Bayesian search takes at most %d "
                         "evaluations (its model costs n³ each); leave it out "
                         "with --method grid, random or gradient",
                         HPO_BAYES_MAX_EVALS);
    if (o.tui && o.trace)
        return cli_error("--tui", "the view writes no trace: give --trace "
                         "without --tui");
    char err[512];
    trace_format fmt;
    if (o.trace && trace_check_path(o.trace, o.force, err, sizeof err) < 0)
        return cli_error("--trace", "%s", err);
    if (o.trace && (strcmp(o.trace, "-") == 0 ||
                    (trace_format_from_path(o.trace, &fmt), fmt != TRACE_CSV)))
        return cli_error("--trace", "%s: a search's trace is a CSV file: its "
                         "name must end in .csv", QUOTE(o.trace));
    objective obj;
    if (model_options_open(&o.model, o.seed, NULL, 0, &obj) != 0)
        return EXIT_USAGE;
    if (model_of(&obj)->data.n_val == 0) {
        objective_free(&obj);
        return cli_error("--split", "the search needs validation rows: a "
                         "split below 1");
    }
    /* Written whole or not at all, like a run's trace. */
    atomic_file trace = {0};
    if (o.trace) {
        if (atomic_open(&trace, o.trace, o.force, err, sizeof err) < 0) {
            objective_free(&obj);
            return cli_error("--trace", "%s", err);
        }
        fputs("method,eval,h,value,best_h,best,cost\n", trace.f);
    }
    int rc = run_search(&o, &obj, trace.f);
    if (o.trace && rc == EXIT_OK && atomic_commit(&trace, err, sizeof err) < 0)
        rc = (cli_say("--trace: %s", err), EXIT_FAIL);
    else if (o.trace && rc != EXIT_OK)
        atomic_abort(&trace);
    objective_free(&obj);
    return rc;
}
