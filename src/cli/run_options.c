#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "cli.h"
#include "objective_open.h"
#include "run_options.h"
#include "trace.h"

enum {
    OPT_OBJECTIVE = 1, OPT_START, OPT_OPTIMIZER, OPT_LR, OPT_MOMENTUM,
    OPT_BETA1, OPT_BETA2, OPT_RHO, OPT_EPS, OPT_GRAD, OPT_H, OPT_CLIP,
    OPT_HYPERGRAD, OPT_HD_BETA, OPT_LR_MIN, OPT_LR_MAX, OPT_STEPS, OPT_TOL,
    OPT_SEED, OPT_TRACE, OPT_TRACE_PARAMS, OPT_FORCE, OPT_QUIET, OPT_VIEW
};

static const cli_option options[] = {
    {"objective", true, OPT_OBJECTIVE}, {"start", true, OPT_START},
    {"optimizer", true, OPT_OPTIMIZER}, {"lr", true, OPT_LR},
    {"momentum", true, OPT_MOMENTUM}, {"beta1", true, OPT_BETA1},
    {"beta2", true, OPT_BETA2}, {"rho", true, OPT_RHO},
    {"eps", true, OPT_EPS}, {"grad", true, OPT_GRAD}, {"h", true, OPT_H},
    {"clip", true, OPT_CLIP}, {"hypergrad", true, OPT_HYPERGRAD},
    {"hd-beta", true, OPT_HD_BETA}, {"lr-min", true, OPT_LR_MIN},
    {"lr-max", true, OPT_LR_MAX}, {"steps", true, OPT_STEPS},
    {"tol", true, OPT_TOL}, {"seed", true, OPT_SEED},
    {"trace", true, OPT_TRACE}, {"trace-params", true, OPT_TRACE_PARAMS},
    {"force", false, OPT_FORCE}, {"quiet", false, OPT_QUIET},
    {"view", true, OPT_VIEW}, MODEL_CLI_OPTIONS, {NULL, false, 0}};

const char run_options_help[] =
    "  --objective NAME|EXPR   built-in name or expression in x, y (default rosenbrock)\n"
    "  --start X,Y             starting point (default: the objective's own)\n"
    "  --optimizer NAME        sgd momentum nesterov adagrad rmsprop adam (default adam)\n"
    "  --lr A                  learning rate α0 > 0 (default 0.001)\n"
    "  --momentum M            μ for momentum and nesterov (default 0.9)\n"
    "  --beta1 B --beta2 B     Adam's decay rates (default 0.9, 0.999)\n"
    "  --rho R                 RMSprop's decay rate (default 0.99)\n"
    "  --eps E                 ε of adagrad, rmsprop, adam (default 1e-10, 1e-8, 1e-8)\n"
    "  --grad METHOD           analytic ad central (default analytic; ad for expressions)\n"
    "  --h H                   central-difference step (default 1e-7)\n"
    "  --clip none|norm:C|value:C   gradient clipping (default none)\n"
    "  --hypergrad off|add|mult     hypergradient descent on α (default off)\n"
    "  --hd-beta B             hypergradient rate (default: add 1e-3, with adam,\n"
    "                          adagrad and rmsprop 1e-7; mult 0.02)\n"
    "  --lr-min A --lr-max A   clamp for α under hypergradients (default 0, none)\n"
    "  --steps N               number of updates, ≥ 1 (default 1000)\n"
    "  --tol T                 stop when ‖g‖ < T (default: off)\n"
    "  --seed S                seed for anything random (default 0)\n"
    "  --view X0:X1,Y0:Y1      view box of the surface\n"
    "  --trace FILE            write a trace: .csv, .jsonl, or - (CSV on stdout)\n"
    "  --trace-params N|all    parameter columns in the trace (default: all up to 16)\n"
    "  --force                 replace an existing trace file\n"
    "  --quiet                 print no summary\n"
    "model options:\n";

void run_options_default(run_options *o)
{
    memset(o, 0, sizeof *o);
    o->objective = "rosenbrock";
    model_options_default(&o->model);
    o->s = run_settings_default();
    o->trace_params = -2;
}

size_t run_options_trace_params(const run_options *o, size_t n)
{
    if (o->trace_params == -1)
        return n;
    if (o->trace_params == -2)
        return n < 16 ? n : 16;
    return (size_t)o->trace_params < n ? (size_t)o->trace_params : n;
}

static int positive(const char *where, const char *text, double *out)
{
    if (cli_double(where, text, out) < 0)
        return -1;
    if (!(*out > 0.0)) {
        cli_error(where, "must be greater than 0, got %s", text);
        return -1;
    }
    return 0;
}

static int unit_interval(const char *where, const char *text, double *out)
{
    if (cli_double(where, text, out) < 0)
        return -1;
    if (!(*out >= 0.0 && *out < 1.0)) {
        cli_error(where, "must be at least 0 and below 1, got %s", text);
        return -1;
    }
    return 0;
}

static int parse_clip(const char *text, clip_setting *c)
{
    if (strcmp(text, "none") == 0) {
        *c = (clip_setting){CLIP_NONE, 0.0};
        return 0;
    }
    const char *colon = strchr(text, ':');
    size_t len = colon ? (size_t)(colon - text) : strlen(text);
    if (len == 4 && strncmp(text, "norm", 4) == 0)
        c->mode = CLIP_NORM;
    else if (len == 5 && strncmp(text, "value", 5) == 0)
        c->mode = CLIP_VALUE;
    else {
        cli_error("--clip", "'%s' is not none, norm:C or value:C", text);
        return -1;
    }
    if (!colon) {
        cli_error("--clip", "'%s' needs a threshold, e.g. %.*s:5", text,
                  (int)len, text);
        return -1;
    }
    return positive("--clip", colon + 1, &c->c);
}

int run_options_parse_view(const char *text, double *view)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    char *comma = strchr(buf, ',');
    char *c1 = strchr(buf, ':');
    char *c2 = comma ? strchr(comma + 1, ':') : NULL;
    if (!comma || !c1 || c1 > comma || !c2) {
        cli_error("--view", "'%s' is not of the form X0:X1,Y0:Y1", text);
        return -1;
    }
    *comma = *c1 = *c2 = '\0';
    const char *parts[4] = {buf, c1 + 1, comma + 1, c2 + 1};
    for (int i = 0; i < 4; i++)
        if (cli_double("--view", parts[i], &view[i]) < 0)
            return -1;
    if (!(view[0] < view[1] && view[2] < view[3])) {
        cli_error("--view", "'%s' needs X0 < X1 and Y0 < Y1", text);
        return -1;
    }
    return 0;
}

static int parse_name(const char *where, const char *text,
                      const char *const *names, int *index)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(text, names[i]) == 0) {
            *index = i;
            return 0;
        }
    const char *near = cli_suggest(text, names);
    char list[256] = "";
    for (int i = 0; names[i]; i++) {
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    if (near)
        cli_error(where, "unknown value '%s' (did you mean '%s'?)", text, near);
    else
        cli_error(where, "unknown value '%s' (one of: %s)", text, list);
    return -1;
}

static int parse_optimizer(const char *text, const optimizer_type **out)
{
    const char *names[16];
    int n = 0;
    for (const optimizer_type *const *t = optimizer_types; *t; t++)
        names[n++] = (*t)->name;
    names[n] = NULL;
    int i;
    if (parse_name("--optimizer", text, names, &i) < 0)
        return -1;
    *out = optimizer_types[i];
    return 0;
}

static int apply(run_options *o, int id, const char *v)
{
    run_settings *s = &o->s;
    static const char *const grads[] = {"analytic", "ad", "central", NULL};
    static const char *const hds[] = {"off", "add", "mult", NULL};
    int idx;
    switch (id) {
    case OPT_OBJECTIVE:
        if (!*v)
            return cli_error("--objective", "empty objective"), -1;
        o->objective = v;
        o->objective_set = true;
        return 0;
    case OPT_START:
        o->has_start = true;
        return cli_doubles("--start", v, o->start, 0, RUN_OPTIONS_MAX_START,
                           &o->n_start);
    case OPT_OPTIMIZER: return parse_optimizer(v, &s->opt);
    case OPT_LR: return positive("--lr", v, &s->lr);
    case OPT_MOMENTUM: return unit_interval("--momentum", v, &s->op.momentum);
    case OPT_BETA1: return unit_interval("--beta1", v, &s->op.beta1);
    case OPT_BETA2: return unit_interval("--beta2", v, &s->op.beta2);
    case OPT_RHO: return unit_interval("--rho", v, &s->op.rho);
    case OPT_EPS: return positive("--eps", v, &s->op.eps);
    case OPT_GRAD:
        if (parse_name("--grad", v, grads, &idx) < 0)
            return -1;
        s->grad = (grad_method)idx;
        o->grad_set = true;
        return 0;
    case OPT_H: return positive("--h", v, &s->h);
    case OPT_CLIP: return parse_clip(v, &s->clip);
    case OPT_HYPERGRAD:
        if (parse_name("--hypergrad", v, hds, &idx) < 0)
            return -1;
        s->hd.mode = (hd_mode)idx;
        return 0;
    case OPT_HD_BETA:
        o->hd_beta_set = true;
        return positive("--hd-beta", v, &s->hd.beta);
    case OPT_LR_MIN: return cli_double("--lr-min", v, &s->hd.lr_min);
    case OPT_LR_MAX: return positive("--lr-max", v, &s->hd.lr_max);
    case OPT_STEPS:
        if (cli_long("--steps", v, &s->max_steps) < 0)
            return -1;
        if (s->max_steps < 1)
            return cli_error("--steps", "must be at least 1, got %s", v), -1;
        return 0;
    case OPT_TOL: return positive("--tol", v, &s->tol);
    case OPT_SEED: {
        long seed;
        if (cli_long("--seed", v, &seed) < 0)
            return -1;
        if (seed < 0)
            return cli_error("--seed", "must be 0 or more, got %s", v), -1;
        o->seed = (unsigned long)seed;
        return 0;
    }
    case OPT_TRACE:
        if (!*v)
            return cli_error("--trace", "empty file name"), -1;
        o->trace = v;
        return 0;
    case OPT_TRACE_PARAMS:
        if (strcmp(v, "all") == 0) {
            o->trace_params = -1;
            return 0;
        }
        if (cli_long("--trace-params", v, &o->trace_params) < 0)
            return -1;
        if (o->trace_params < 0)
            return cli_error("--trace-params", "must be 0 or more, or all"), -1;
        return 0;
    case OPT_FORCE: o->force = true; return 0;
    case OPT_QUIET: o->quiet = true; return 0;
    case OPT_VIEW:
        o->has_view = true;
        return run_options_parse_view(v, o->view);
    }
    return model_options_apply(&o->model, id, v);
}

int run_options_parse(run_options *o, int argc, char **argv,
                      const char *command, bool *help)
{
    cli_scan scan = {argc, argv, 0, command};
    const char *value;
    int id;
    *help = false;
    while ((id = cli_next(&scan, options, false, &value)) != 0) {
        if (id == CLI_HELP) {
            *help = true;
            return 0;
        }
        if (id < 0 || apply(o, id, value) < 0)
            return EXIT_USAGE;
    }
    return 0;
}

/* The paper's choices (Baydin et al. 2018, §5): 1e-3 for SGD-HD and
 * SGDN-HD, 1e-7 for Adam-HD, whose direction is normalised; the
 * multiplicative rule's β is dimensionless. */
static double default_hd_beta(const run_settings *s)
{
    if (s->hd.mode == HD_MULT)
        return 0.02;
    bool adaptive = s->opt == &optim_adam || s->opt == &optim_adagrad ||
                    s->opt == &optim_rmsprop;
    return adaptive ? 1e-7 : 1e-3;
}

/* A model: its own start unless --start gives one, the analytic
 * gradient by default, minibatches (which need it) and the seed. */
static int resolve_model(run_options *o, objective *obj)
{
    run_settings *s = &o->s;
    if (o->objective_set)
        return cli_error("--model", "give --model or --objective, not both");
    if (model_options_open(&o->model, o->seed, o->has_start ? o->start : NULL,
                           o->n_start, obj) != 0)
        return EXIT_USAGE;
    s->batch = (size_t)o->model.batch;
    s->seed = o->seed;
    o->objective = obj->name;
    if (!o->grad_set)
        s->grad = GRAD_ANALYTIC;
    const char *bad = NULL;
    if (!gradient_available(obj, s->grad))
        bad = "--grad";
    else if (s->batch && s->grad != GRAD_ANALYTIC)
        bad = "--batch";
    if (bad) {
        objective_free(obj);
        return cli_error(bad, "%s", strcmp(bad, "--grad") == 0
                         ? "models have analytic and central-difference "
                           "gradients, not ad"
                         : "minibatches need --grad analytic");
    }
    if (o->has_view && obj->dim == 2)
        memcpy(obj->view, o->view, sizeof o->view);
    return 0;
}

int run_options_open_objective(const char *where, const char *spec,
                               objective *obj)
{
    objective_error oe;
    if (objective_open(spec, obj, &oe) == 0)
        return 0;
    if (oe.column > 0) {
        cli_error(where, "column %d: %s", oe.column, oe.message);
        fprintf(stderr, "  %s\n  %*s^\n", spec, oe.column - 1, "");
    } else {
        cli_error(where, "%s", oe.message);
    }
    return EXIT_USAGE;
}

const double *run_options_start(const run_options *o, const objective *obj)
{
    const model *m = model_of(obj);
    return m ? m->theta0 : o->start;
}

int run_options_resolve(run_options *o, objective *obj)
{
    run_settings *s = &o->s;
    if (!o->hd_beta_set)
        s->hd.beta = default_hd_beta(s);
    if (!(s->hd.lr_min < s->hd.lr_max))
        return cli_error("--lr-min", "must be below --lr-max (%g ≥ %g)",
                         s->hd.lr_min, s->hd.lr_max);
    if (o->trace) {
        char err[512];
        if (trace_check_path(o->trace, o->force, err, sizeof err) < 0)
            return cli_error("--trace", "%s", err);
    }
    if (o->model.type || o->model.data_given)
        return resolve_model(o, obj);
    if (run_options_open_objective("--objective", o->objective, obj) != 0)
        return EXIT_USAGE;
    if (!o->grad_set)
        s->grad = gradient_available(obj, GRAD_ANALYTIC) ? GRAD_ANALYTIC : GRAD_AD;
    if (!gradient_available(obj, s->grad)) {
        objective_free(obj);
        return cli_error("--grad", "%s gradients are not available for %s",
                         grad_method_name(s->grad), o->objective);
    }
    if (o->has_start && o->n_start != obj->dim) {
        size_t n = o->n_start, dim = obj->dim;
        objective_free(obj);
        return cli_error("--start", "%s takes %zu numbers, got %zu",
                         o->objective, dim, n);
    }
    if (!o->has_start) {
        o->n_start = obj->dim < 2 ? obj->dim : 2;
        memcpy(o->start, obj->start, o->n_start * sizeof *o->start);
    }
    if (o->has_view)
        memcpy(obj->view, o->view, sizeof o->view);
    return 0;
}
