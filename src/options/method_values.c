#include <stdio.h>
#include <string.h>

#include "method_values.h"
#include "quote.h"
#include "run_values.h"

/* The parts after MODE: of a schedule, split at colons; how many. */
static int split(char *value, char **parts, int max)
{
    int k = 0;
    for (char *p = value; p && k < max; k++) {
        parts[k] = p;
        p = strchr(p, ':');
        if (p)
            *p++ = '\0';
    }
    return k;
}

static const char *const schedule_forms[SCHED_KIND_COUNT] = {
    "none", "step:N:G", "exp:G", "cosine:T[:MIN]", "warmup:N[:F]"};

static int schedule_numbers(const char *text, char **part, int got,
                            schedule *s, option_error *e)
{
    static const char *const w = "--schedule";
    static const int need[SCHED_KIND_COUNT] = {0, 2, 1, 1, 1};
    static const int most[SCHED_KIND_COUNT] = {0, 2, 1, 2, 2};
    static const char *const example[SCHED_KIND_COUNT] = {
        "", "step:100:0.5", "exp:0.99", "cosine:300", "warmup:50"};
    sched_kind k = s->kind;
    if (got < need[k] || got > most[k])
        return option_fail(e, w, "'%s' is not %s, e.g. %s", QUOTE(text),
                           schedule_forms[k], example[k]);
    switch (k) {
    case SCHED_NONE: return 0;
    case SCHED_STEP:
        if (option_count(e, w, part[0], 1, &s->n) < 0)
            return -1;
        return option_positive(e, w, part[1], &s->gamma);
    case SCHED_EXP: return option_positive(e, w, part[0], &s->gamma);
    case SCHED_COSINE:
        if (option_count(e, w, part[0], 1, &s->n) < 0)
            return -1;
        if (got == 2 && option_double(e, w, part[1], &s->min) < 0)
            return -1;
        if (!(s->min >= 0.0))
            return option_fail(e, w, "MIN must be 0 or more, got %s",
                               QUOTE(part[1]));
        return 0;
    case SCHED_WARMUP:
        if (option_count(e, w, part[0], 1, &s->n) < 0)
            return -1;
        if (got == 2 && option_positive(e, w, part[1], &s->factor) < 0)
            return -1;
        if (s->factor > 1.0)
            return option_fail(e, w, "F must be at most 1, got %s",
                               QUOTE(part[1]));
        return 0;
    }
    return 0;
}

int schedule_parse(const char *text, schedule *s, option_error *e)
{
    static const char *const kinds[] = {"none", "step", "exp", "cosine",
                                        "warmup", NULL};
    int k;
    const char *value;
    if (option_mode(e, "--schedule", text, kinds, &k, &value) < 0)
        return -1;
    char buf[128], *part[3];
    if (value && strlen(value) >= sizeof buf)
        return option_fail(e, "--schedule", "'%s' is too long", QUOTE(text));
    snprintf(buf, sizeof buf, "%s", value ? value : "");
    int got = value ? split(buf, part, 3) : 0;
    schedule next = {(sched_kind)k, 0, 0.0, 0.0, 0.1};
    if (schedule_numbers(text, part, got, &next, e) < 0)
        return -1;
    *s = next;
    return 0;
}

/* 0 or more (a weight decay). */
static int nonnegative(option_error *e, const char *where, const char *text,
                       double *out)
{
    if (option_double(e, where, text, out) < 0)
        return -1;
    if (!(*out >= 0.0))
        return option_fail(e, where, "must be 0 or more, got %s",
                           QUOTE(text));
    return 0;
}

/* A flag, or on/off as a value where a setting is typed (prompts,
 * lessons). */
static int on_off(option_error *e, const char *where, const char *v,
                  bool *out)
{
    static const char *const words[] = {"off", "on", NULL};
    int i = 1;
    if (v && option_name(e, where, v, words, &i) < 0)
        return -1;
    *out = i == 1;
    return 0;
}

int method_options_set(run_options *o, int id, const char *v, option_error *e)
{
    static const char *const precisions[] = {"double", "single", NULL};
    optim_params *p = &o->s.op;
    int i;
    switch (id) {
    case OPT_WEIGHT_DECAY:
        o->weight_decay_set = true;
        return nonnegative(e, "--weight-decay", v, &p->weight_decay);
    case OPT_DAMPENING:
        o->dampening_set = true;
        return option_unit(e, "--dampening", v, &p->dampening);
    case OPT_AMSGRAD:
        o->amsgrad_set = true;
        return on_off(e, "--amsgrad", v, &p->amsgrad);
    case OPT_SCHEDULE: return schedule_parse(v, &o->s.sched, e);
    case OPT_PRECISION:
        if (option_name(e, "--precision", v, precisions, &i) < 0)
            return -1;
        o->single = i == 1;
        return 0;
    }
    return 1;
}

/* "adam and adamw" or "momentum": the optimisers that take param. */
static void takers(unsigned param, char *buf, size_t cap)
{
    const optimizer_type *t[16];
    int k = 0;
    for (const optimizer_type *const *it = optimizer_types; *it && k < 16; it++)
        if ((*it)->params & param)
            t[k++] = *it;
    buf[0] = '\0';
    for (int i = 0; i < k; i++)
        snprintf(buf + strlen(buf), cap - strlen(buf), "%s%s",
                 i == 0 ? "" : i == k - 1 ? " and " : ", ", t[i]->name);
}

static int not_taken(option_error *e, const char *opt, const char *what,
                     const optimizer_type *type, unsigned param)
{
    char who[160];
    takers(param, who, sizeof who);
    return option_fail(e, opt, "%s takes no %s (%s %s)", type->name, what, who,
                       strchr(who, ' ') ? "do" : "does");
}

int method_options_check(const run_options *o, option_error *e)
{
    const run_settings *s = &o->s;
    const optimizer_type *t = s->opt;
    if (o->amsgrad_set && s->op.amsgrad && !(t->params & OPTIM_P_AMSGRAD))
        return not_taken(e, "--amsgrad", "amsgrad", t, OPTIM_P_AMSGRAD);
    if (o->dampening_set && s->op.dampening != 0.0 &&
        !(t->params & OPTIM_P_DAMPENING)) {
        if (t == &optim_nesterov)
            return option_fail(e, "--dampening", "nesterov needs dampening 0 "
                               "(torch's rule), got %g", s->op.dampening);
        return not_taken(e, "--dampening", "dampening", t, OPTIM_P_DAMPENING);
    }
    if (o->weight_decay_set && s->op.weight_decay != 0.0 &&
        !(t->params & OPTIM_P_WEIGHT_DECAY))
        return not_taken(e, "--weight-decay", "weight decay", t,
                         OPTIM_P_WEIGHT_DECAY);
    if (s->sched.kind == SCHED_NONE)
        return 0;
    if (!(t->caps & OPTIM_TAKES_SCHEDULE))
        return option_fail(e, "--schedule", "%s takes no schedule", t->name);
    if (s->hd.mode != HD_OFF)
        return option_fail(e, "--schedule", "a schedule and --hypergrad are "
                           "alternatives: give one (compare them side by "
                           "side in the TUI)");
    return 0;
}
