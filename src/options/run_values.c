#include <math.h>
#include <stdio.h>
#include <string.h>

#include "method_values.h"
#include "objective_open.h"
#include "run_values.h"

const option_entry run_option_table[] = {
    {"objective", true, OPT_OBJECTIVE}, {"start", true, OPT_START},
    {"optimizer", true, OPT_OPTIMIZER}, {"lr", true, OPT_LR},
    {"momentum", true, OPT_MOMENTUM}, {"beta1", true, OPT_BETA1},
    {"beta2", true, OPT_BETA2}, {"rho", true, OPT_RHO},
    {"eps", true, OPT_EPS}, {"weight-decay", true, OPT_WEIGHT_DECAY},
    {"dampening", true, OPT_DAMPENING}, {"amsgrad", false, OPT_AMSGRAD},
    {"grad", true, OPT_GRAD}, {"h", true, OPT_H},
    {"clip", true, OPT_CLIP}, {"hypergrad", true, OPT_HYPERGRAD},
    {"hd-beta", true, OPT_HD_BETA}, {"lr-min", true, OPT_LR_MIN},
    {"lr-max", true, OPT_LR_MAX}, {"schedule", true, OPT_SCHEDULE},
    {"steps", true, OPT_STEPS},
    {"tol", true, OPT_TOL}, {"seed", true, OPT_SEED},
    {"trace", true, OPT_TRACE}, {"trace-params", true, OPT_TRACE_PARAMS},
    {"force", false, OPT_FORCE}, {"quiet", false, OPT_QUIET},
    {"view", true, OPT_VIEW}, {"export-python", true, OPT_EXPORT_PYTHON},
    {"precision", true, OPT_PRECISION},
    MODEL_CLI_OPTIONS, {NULL, false, 0}};

bool run_option_is_output(int id)
{
    return id == OPT_TRACE || id == OPT_TRACE_PARAMS || id == OPT_FORCE ||
           id == OPT_QUIET || id == OPT_EXPORT_PYTHON;
}

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

/* The number after the colon of MODE:NUMBER (value; NULL: none), > 0,
 * into *out, for a mode that takes one (the what of it). 1 when there is
 * one, 0 when not, -1 with e filled. */
static int mode_number(option_error *e, const char *where, const char *text,
                       const char *value, bool takes, const char *what,
                       double *out)
{
    if (!value)
        return 0;
    if (!takes)
        return option_fail(e, where, "'%s' takes no %s", text, what);
    return option_positive(e, where, value, out) < 0 ? -1 : 1;
}

/* none (or off), norm:C, value:C. */
static int parse_clip(const char *text, clip_setting *c, option_error *e)
{
    static const char *const modes[] = {"none", "norm", "value", NULL};
    int m, has;
    double threshold = 0.0;
    const char *value;
    if (option_mode(e, "--clip", text, modes, &m, &value) < 0)
        return option_fail(e, "--clip", "'%s' is not none, norm:C or value:C",
                           text);
    if ((has = mode_number(e, "--clip", text, value, m != CLIP_NONE,
                           "threshold", &threshold)) < 0)
        return -1;
    if (m != CLIP_NONE && !has)
        return option_fail(e, "--clip", "'%s' needs a threshold, e.g. %s:5",
                           text, text);
    *c = (clip_setting){(clip_mode)m, threshold};
    return 0;
}

/* analytic, ad, central, forward, or central:H, forward:H (the step, as
 * --h). */
static int parse_grad(const char *text, run_options *o, option_error *e)
{
    static const char *const grads[] = {"analytic", "ad", "central",
                                        "forward", NULL};
    int m;
    const char *value;
    if (option_mode(e, "--grad", text, grads, &m, &value) < 0 ||
        mode_number(e, "--grad", text, value,
                    grad_method_uses_h((grad_method)m), "step", &o->s.h) < 0)
        return -1;
    o->s.grad = (grad_method)m;
    o->grad_set = true;
    return 0;
}

/* off (or none), add, mult, or add:B, mult:B (β, as --hd-beta). */
static int parse_hypergrad(const char *text, run_options *o, option_error *e)
{
    static const char *const hds[] = {"off", "add", "mult", NULL};
    int m, has;
    const char *value;
    if (option_mode(e, "--hypergrad", text, hds, &m, &value) < 0 ||
        (has = mode_number(e, "--hypergrad", text, value, m != HD_OFF, "β",
                           &o->s.hd.beta)) < 0)
        return -1;
    o->s.hd.mode = (hd_mode)m;
    o->hd_beta_set = o->hd_beta_set || has;
    return 0;
}

static int parse_view(const char *text, double *view, option_error *e)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    char *comma = strchr(buf, ',');
    char *c1 = strchr(buf, ':');
    char *c2 = comma ? strchr(comma + 1, ':') : NULL;
    if (!comma || !c1 || c1 > comma || !c2)
        return option_fail(e, "--view", "'%s' is not of the form X0:X1,Y0:Y1",
                           text);
    *comma = *c1 = *c2 = '\0';
    const char *parts[4] = {buf, c1 + 1, comma + 1, c2 + 1};
    for (int i = 0; i < 4; i++)
        if (option_double(e, "--view", parts[i], &view[i]) < 0)
            return -1;
    if (!(view[0] < view[1] && view[2] < view[3]))
        return option_fail(e, "--view", "'%s' needs X0 < X1 and Y0 < Y1", text);
    /* A box too narrow for doubles to tell its cells apart, or too wide
     * to measure, cannot be drawn. */
    for (int i = 0; i < 4; i += 2) {
        double span = view[i + 1] - view[i];
        double scale = fmax(1.0, fmax(fabs(view[i]), fabs(view[i + 1])));
        if (!isfinite(span) || span < 1e-9 * scale)
            return option_fail(e, "--view", "'%s' is too %s to draw", text,
                               isfinite(span) ? "narrow" : "wide");
    }
    return 0;
}

static int parse_optimizer(const char *text, const optimizer_type **out,
                           option_error *e)
{
    const char *names[64]; /* more than optimizer_types will hold */
    int n = 0;
    for (const optimizer_type *const *t = optimizer_types; *t; t++)
        names[n++] = (*t)->name;
    names[n] = NULL;
    int i;
    if (option_name(e, "--optimizer", text, names, &i) < 0)
        return -1;
    *out = optimizer_types[i];
    return 0;
}

/* The options of the run itself: optimiser, rates, gradient, clipping. */
static int set_setting(run_settings *s, int id, const char *v, option_error *e)
{
    switch (id) {
    case OPT_OPTIMIZER: return parse_optimizer(v, &s->opt, e);
    case OPT_LR: return option_positive(e, "--lr", v, &s->lr);
    case OPT_MOMENTUM: return option_unit(e, "--momentum", v, &s->op.momentum);
    case OPT_BETA1: return option_unit(e, "--beta1", v, &s->op.beta1);
    case OPT_BETA2: return option_unit(e, "--beta2", v, &s->op.beta2);
    case OPT_RHO: return option_unit(e, "--rho", v, &s->op.rho);
    case OPT_EPS: return option_positive(e, "--eps", v, &s->op.eps);
    case OPT_H: return option_positive(e, "--h", v, &s->h);
    case OPT_CLIP: return parse_clip(v, &s->clip, e);
    case OPT_LR_MIN: return option_double(e, "--lr-min", v, &s->hd.lr_min);
    case OPT_LR_MAX: return option_positive(e, "--lr-max", v, &s->hd.lr_max);
    case OPT_STEPS: return option_count(e, "--steps", v, 1, &s->max_steps);
    case OPT_TOL: return option_positive(e, "--tol", v, &s->tol);
    }
    return 1;
}

int run_options_set(run_options *o, int id, const char *v, option_error *e)
{
    o->lr_set = o->lr_set || id == OPT_LR;
    int rc = set_setting(&o->s, id, v, e);
    if (id == OPT_LR)
        o->lr_set = true;
    if (rc <= 0 || (rc = method_options_set(o, id, v, e)) <= 0)
        return rc;
    switch (id) {
    case OPT_OBJECTIVE:
        if (!*v)
            return option_fail(e, "--objective", "empty objective");
        o->objective = v;
        o->objective_set = true;
        return 0;
    case OPT_START:
        o->has_start = true;
        return option_doubles(e, "--start", v, o->start, 0,
                              RUN_OPTIONS_MAX_START, &o->n_start);
    case OPT_GRAD: return parse_grad(v, o, e);
    case OPT_HYPERGRAD: return parse_hypergrad(v, o, e);
    case OPT_HD_BETA:
        o->hd_beta_set = true;
        return option_positive(e, "--hd-beta", v, &o->s.hd.beta);
    case OPT_SEED: {
        long seed;
        if (option_long(e, "--seed", v, &seed) < 0)
            return -1;
        if (seed < 0)
            return option_fail(e, "--seed", "must be 0 or more, got %s", v);
        o->seed = (unsigned long)seed;
        o->s.seed = (uint64_t)seed;
        return 0;
    }
    case OPT_TRACE:
        if (!*v)
            return option_fail(e, "--trace", "empty file name");
        o->trace = v;
        return 0;
    case OPT_EXPORT_PYTHON:
        if (!*v)
            return option_fail(e, "--export-python", "empty file name");
        o->export_python = v;
        return 0;
    case OPT_TRACE_PARAMS:
        if (strcmp(v, "all") == 0) {
            o->trace_params = -1;
            return 0;
        }
        if (option_long(e, "--trace-params", v, &o->trace_params) < 0)
            return -1;
        if (o->trace_params < 0)
            return option_fail(e, "--trace-params", "must be 0 or more, or all");
        return 0;
    case OPT_FORCE: o->force = true; return 0;
    case OPT_QUIET: o->quiet = true; return 0;
    case OPT_VIEW:
        o->has_view = true;
        return parse_view(v, o->view, e);
    }
    return model_options_set(&o->model, id, v, e);
}
