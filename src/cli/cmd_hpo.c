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
#include "hpo_values.h"
#include "hpo_view.h"
#include "model_options.h"
#include "trace.h"
#include "tui.h"

enum { OPT_SEED = 1, OPT_TRACE, OPT_FORCE, OPT_TUI };

const cli_option hpo_option_table[] = {
    HPO_CLI_OPTIONS, {"seed", true, OPT_SEED}, {"trace", true, OPT_TRACE},
    {"force", false, OPT_FORCE}, {"tui", false, OPT_TUI}, MODEL_CLI_OPTIONS,
    {NULL, false, 0}};

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
    hpo_options h;
    unsigned long seed;
    const char *trace;
    bool force, tui;
    model_options model;
} hpo_cli;

static int apply(hpo_cli *o, int id, const char *v)
{
    long seed;
    option_error e;
    switch (id) {
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
    if (id >= HOPT_OVER) {
        if (hpo_options_set(&o->h, id, v, &e) < 0)
            return cli_error(e.where, "%s", e.message), -1;
        return 0;
    }
    return model_options_apply(&o->model, id, v);
}

/* One method's search, summarised; its evaluations go to the trace. */
static void report(const hpo_trace *t, hpo_method m, double grid_best,
                   FILE *trace)
{
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
}

/* Every method asked for (the grid always: its best is what the others
 * are judged against), one line each; the trace gets the grid's rows
 * only when the grid was asked for. */
static int search_all(const hpo_setup *s, FILE *trace)
{
    hpo_trace t[HPO_METHOD_COUNT] = {{0}};
    const char *failed;
    int rc = EXIT_OK;
    if (hpo_setup_search_all(s, t, &failed) < 0) {
        cli_say("hpo: %s search failed", failed);
        rc = EXIT_FAIL;
    }
    printf("%-9s %-22s %-22s %6s %6s %8s\n", "method", s->o.lr ? "best lr"
           : "best λ", "val loss", "cost", "evals", "reach 1%");
    for (int m = 0; m < HPO_METHOD_COUNT && rc == EXIT_OK; m++)
        if (t[m].n)
            report(&t[m], (hpo_method)m, t[HPO_GRID].e[t[HPO_GRID].n - 1].best,
                   s->o.method < 0 || m == s->o.method ? trace : NULL);
    for (int m = 0; m < HPO_METHOD_COUNT; m++)
        hpo_trace_free(&t[m]);
    return rc;
}

/* The searches replayed in the TUI. */
static int show_searches(const hpo_setup *s, const model *m, const char *data)
{
    hpo_view v;
    char err[128];
    if (hpo_view_build(&v, s, m, data, err, sizeof err) < 0)
        return cli_error("hpo", "%s", err);
    int rc = tui_hpo_main(&v);
    hpo_view_free(&v);
    return rc;
}

static int run_search(const hpo_cli *o, objective *obj, FILE *trace)
{
    model *m = model_of(obj);
    const char *data = o->model.spec.data ? o->model.spec.data
                       : m->type->default_data ? m->type->default_data
                                               : "N(0,1) data";
    hpo_setup s;
    option_error e;
    if (hpo_setup_open(&s, &o->h, obj, o->seed, &e) < 0)
        return cli_error(e.where, "%s", e.message);
    int rc;
    if (o->tui) {
        rc = show_searches(&s, m, o->model.spec.data);
    } else {
        printf("%-9s %s of %s on %s, target %s (%zu training rows, %zu "
               "validation)\n", "hpo:", o->h.lr ? "learning rate" : "λ",
               m->type->name, data, m->data.target, m->data.n_train,
               m->data.n_val);
        if (o->h.lr)
            printf("%-9s %s, %ld steps from θ0; cost: training runs\n",
                   "train:", o->h.opt->name, o->h.steps);
        else
            printf("%-9s cost: linear solves (a gradient costs two)\n",
                   "ridge:");
        rc = search_all(&s, trace);
    }
    hpo_setup_free(&s);
    return rc;
}

int cmd_hpo(int argc, char **argv)
{
    hpo_cli o = {0};
    hpo_options_default(&o.h);
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
    if (!o.model.type)
        o.model.type = o.h.lr ? &model_mlp : &model_ridge;
    if (!o.h.lr && o.model.type != &model_ridge)
        return cli_error("--model", "--over lambda needs --model ridge");
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
