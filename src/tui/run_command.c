#include <stdio.h>
#include <string.h>

#include "cmdline.h"
#include "fmt_double.h"
#include "model.h"
#include "run_command.h"
#include "run_live.h"

/* A setting as the command line writes it. α is the rate the user set
 * (a schedule's base, where hypergradients started), not one they
 * reached: the command starts the run again. */
static void text_of(const run *r, int id, char *buf, size_t cap)
{
    if (id != OPT_LR) {
        run_live_text(r, id, buf, cap);
        return;
    }
    char num[FMT_DOUBLE_MAX];
    fmt_double(r->s.lr, num);
    snprintf(buf, cap, "%s", num);
}

/* The same of settings alone (run_live_text reads a run's settings and
 * α, nothing else). */
static void text_of_settings(const run_settings *s, int id, char *buf,
                             size_t cap)
{
    run r;
    memset(&r, 0, sizeof r);
    r.s = *s;
    r.lr = s->lr;
    text_of(&r, id, buf, cap);
}

/* Options being written for one run: cur is what the parser makes of
 * them so far (the TUI's defaults, or the first run's for --compare),
 * so a setting is written only when it would otherwise differ. */
typedef struct {
    cmdline *line;
    run_options cur;
    bool compare;     /* inside --compare: a flag takes on or off */
} writer;

static bool put(writer *w, const run *r, int id, bool always)
{
    char want[128], have[128];
    text_of(r, id, want, sizeof want);
    text_of_settings(&w->cur.s, id, have, sizeof have);
    if (!always && strcmp(want, have) == 0)
        return false;
    /* On the command line --amsgrad is a flag (off is its default). */
    const char *v = id == OPT_AMSGRAD && !w->compare ? NULL : want;
    option_error e;
    cmdline_option(w->line, option_by_id(run_option_table, id)->name, v);
    run_options_set(&w->cur, id, v, &e);
    run_options_default_hd(&w->cur);
    return true;
}

/* Written as part of others: h in --grad central:H, β in --hypergrad
 * add:B; the step limit is the session's. */
static bool inside_other(int id)
{
    return id == OPT_H || id == OPT_HD_BETA || id == OPT_STEPS;
}

static void put_settings(writer *w, const run *r)
{
    int ids[OPT_TOL];
    size_t n = run_live_settings(r, ids, OPT_TOL);
    for (size_t i = 0; i < n; i++)
        if (!inside_other(ids[i]))
            put(w, r, ids[i], false);
}

static void first_run(cmdline *line, const session *s, const run *r)
{
    writer w = {.line = line};
    run_options_default(&w.cur);
    w.cur.s.lr = 0.05; /* the TUI's own default (tui_options_default) */
    w.cur.s.grad = gradient_available(&s->obj, GRAD_ANALYTIC) ? GRAD_ANALYTIC
                                                              : GRAD_AD;
    put(&w, r, OPT_OPTIMIZER, true);
    put(&w, r, OPT_LR, true);
    put_settings(&w, r);
}

/* Run r beside the first (base): a copy of it, then these settings. What
 * it switches off comes first (a schedule before hypergradients go on,
 * clipping before an optimiser that takes none), then the optimiser,
 * then the rest. */
static void compare_run(cmdline *line, const run *base, const run *r)
{
    char text[512];
    cmdline inner;
    cmdline_init(&inner, text, sizeof text);
    writer w = {.line = &inner, .compare = true};
    run_options_default(&w.cur);
    w.cur.s = base->s;
    w.cur.grad_set = w.cur.hd_beta_set = true;
    static const int offs[] = {OPT_CLIP, OPT_HYPERGRAD, OPT_SCHEDULE,
                               OPT_AMSGRAD};
    for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++) {
        char want[128];
        text_of(r, offs[i], want, sizeof want);
        if (option_is_none(want))
            put(&w, r, offs[i], false);
    }
    put(&w, r, OPT_OPTIMIZER, false);
    put_settings(&w, r);
    line->full |= inner.full;
    cmdline_option(line, "compare", text);
}

static void where(cmdline *line, const session *s)
{
    char buf[4 * FMT_DOUBLE_MAX + 8], v[4][FMT_DOUBLE_MAX];
    const objective *o = &s->obj;
    if (o->dim != 2)
        return; /* a slice's view is the screen's own */
    /* A model's start is its options' (--start, --init, --seed). */
    if (!model_of(o) && memcmp(s->start, o->start, 2 * sizeof *s->start)) {
        fmt_double(s->start[0], v[0]);
        fmt_double(s->start[1], v[1]);
        snprintf(buf, sizeof buf, "%s,%s", v[0], v[1]);
        cmdline_option(line, "start", buf);
    }
    /* A model's objective holds the --view it was opened with. */
    if (model_of(o) || memcmp(s->view, o->view, sizeof s->view) != 0) {
        for (int i = 0; i < 4; i++)
            fmt_double(s->view[i], v[i]);
        snprintf(buf, sizeof buf, "%s:%s,%s:%s", v[0], v[1], v[2], v[3]);
        cmdline_option(line, "view", buf);
    }
}

/* What makes run r of s outside the compare: the objective, precision,
 * start, view and its settings. */
static int run_line(cmdline *line, const session *s, const run *r,
                    char *const *model_argv, char *why, size_t whycap)
{
    if (model_of(&s->obj) && !model_argv) {
        snprintf(why, whycap, "%s was opened by a lesson: its options are "
                 "the lesson's", s->obj.name);
        return -1;
    }
    if (model_argv)
        for (char *const *w = model_argv; *w; w++)
            cmdline_word(line, *w);
    else
        cmdline_option(line, "objective", s->spec);
    if (s->obj.single)
        cmdline_option(line, "precision", "single");
    where(line, s);
    first_run(line, s, r);
    return 0;
}

static void number_option(cmdline *line, const char *name,
                          unsigned long long v)
{
    char num[32];
    snprintf(num, sizeof num, "%llu", v);
    cmdline_option(line, name, num);
}

static int finish(const cmdline *line, size_t cap, char *why, size_t whycap)
{
    if (!line->full)
        return 0;
    snprintf(why, whycap, "the command line is longer than %zu characters",
             cap - 1);
    return -1;
}

int run_command(const session *s, char *const *model_argv, char *buf,
                size_t cap, char *why, size_t whycap)
{
    cmdline line;
    cmdline_init(&line, buf, cap);
    cmdline_word(&line, "descent");
    cmdline_word(&line, "tui");
    const run *first = &s->runs[0].r;
    if (run_line(&line, s, first, model_argv, why, whycap) < 0)
        return -1;
    if (s->runs[0].limit)
        number_option(&line, "steps", (unsigned long long)s->runs[0].limit);
    if (first->s.seed)
        number_option(&line, "seed", first->s.seed);
    for (int i = 1; i < s->nruns; i++)
        compare_run(&line, first, &s->runs[i].r);
    return finish(&line, cap, why, whycap);
}

int run_command_run(const session *s, int i, long steps,
                    char *const *model_argv, char *buf, size_t cap,
                    char *why, size_t whycap)
{
    cmdline line;
    cmdline_init(&line, buf, cap);
    cmdline_word(&line, "descent");
    cmdline_word(&line, "run");
    const run *r = &s->runs[i].r;
    if (run_line(&line, s, r, model_argv, why, whycap) < 0)
        return -1;
    number_option(&line, "steps", (unsigned long long)steps);
    if (r->s.seed)
        number_option(&line, "seed", r->s.seed);
    return finish(&line, cap, why, whycap);
}
