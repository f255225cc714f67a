/* A demo script's commands on the headless session (demo_sim.h), each
 * as the screen carries it out (src/tui/lesson_play.c, the live keys of
 * src/tui/keys.c and the lesson keys of src/tui/lesson_keys.c). */
#include <stdio.h>
#include <string.h>

#include "demo_sim.h"
#include "optimizer.h"
#include "run_live.h"

static run *focused(demo_sim *s) { return &s->runs[s->focus].r; }

static void goto_step(demo_sim *s, size_t i, int line)
{
    s->step = i;
    s->solved = false;
    sim_open_step(s, line);
}

static void skip(demo_sim *s, int line)
{
    if (!lesson_has_goal(&s->l->steps[s->step]))
        return; /* a quiz's answer changes no run */
    s->solved = true;
    sim_open_step(s, line);
}

static void next_optimizer(demo_sim *s)
{
    const optimizer_type *cur = focused(s)->s.opt;
    int i = 0;
    while (optimizer_types[i] && optimizer_types[i] != cur)
        i++;
    const optimizer_type *next = optimizer_types[i] ? optimizer_types[i + 1]
                                                    : NULL;
    run_set_optimizer(focused(s), next ? next : optimizer_types[0]);
}

/* Keys that change nothing the runs do: help, speed, the view, themes,
 * the lesson text, hints, quiz answers, the menu, a redraw. */
static bool harmless(long k)
{
    static const char keys[] = "?[]zZ0vtdDi<>am123456789";
    if (k > 0 && k < 0x80 && strchr(keys, (int)k))
        return true;
    return k == DEMO_KEY_F1 || k == DEMO_KEY_UP || k == DEMO_KEY_DOWN ||
           k == DEMO_KEY_ENTER || k == DEMO_KEY_ESC || k == 'L' - '@';
}

/* The key as a script writes it. */
static void key_name(long k, char *buf, size_t cap)
{
    if (k >= DEMO_KEY_NAMED)
        snprintf(buf, cap, "%s", demo_key_names[k - DEMO_KEY_NAMED]);
    else if (k == ' ')
        snprintf(buf, cap, "Space");
    else if (k >= 1 && k <= 26)
        snprintf(buf, cap, "C-%c", (int)('a' + k - 1));
    else if (k < 0x80)
        snprintf(buf, cap, "%c", (int)k);
    else
        snprintf(buf, cap, "U+%04lX", k);
}

/* Step moves and skip need a lesson; the rest a run. */
static void key(demo_sim *s, long k, int line)
{
    bool has_lesson = s->l != NULL;
    size_t n = has_lesson ? s->l->n_steps : 0;
    bool next = k == DEMO_KEY_PGDN || (s->presenter && k == DEMO_KEY_RIGHT);
    bool prev = k == DEMO_KEY_PGUP || (s->presenter && k == DEMO_KEY_LEFT);
    /* A number quiz's answer is typed into a prompt: keys then are text. */
    bool prompt = has_lesson && (k == 'a' || k == DEMO_KEY_ENTER) &&
                  s->l->steps[s->step].quiz.kind == QUIZ_NUMBER;
    if (!prompt && (harmless(k) || (!s->presenter && (k == DEMO_KEY_LEFT ||
                                                      k == DEMO_KEY_RIGHT))))
        return;
    if (has_lesson && next) {
        if (s->step + 1 < n)
            goto_step(s, s->step + 1, line);
    } else if (has_lesson && prev) {
        if (s->step > 0)
            goto_step(s, s->step - 1, line);
    } else if (has_lesson && k == 'S') {
        skip(s, line);
    } else if (s->nruns && (k == '+' || k == '=' || k == '-')) {
        run_set_lr(focused(s), k == '-' ? focused(s)->lr / 2.0
                                        : focused(s)->lr * 2.0);
    } else if (s->nruns && k == 'r') {
        for (int i = 0; i < s->nruns; i++)
            sim_restart(s, &s->runs[i]);
    } else if (s->nruns && (k == 'c' || k == DEMO_KEY_F1 + 8)) {
        sim_add_run(s);
    } else if (s->nruns && k == 'C') {
        sim_remove_run(s);
    } else if (s->nruns && k == DEMO_KEY_TAB) {
        s->focus = (s->focus + 1) % s->nruns;
    } else if (s->nruns && k == 'n') {
        sim_step(s);
    } else if (s->nruns && k == 'o') {
        next_optimizer(s);
    } else if (k == 'p') {
        s->presenter = !s->presenter;
    } else {
        char name[32], what[64];
        key_name(k, name, sizeof name);
        snprintf(what, sizeof what, "'key %s'", name);
        sim_lose(s, line, "%s is not played headless (use set and run "
                 "before a check)", what);
    }
}

static void set(demo_sim *s, const demo_command *c)
{
    run_options o;
    objective obj;
    option_error e;
    if (!s->nruns) {
        sim_lose(s, c->line, "%s", "'set' before a 'lesson' opened a run");
        return;
    }
    sim_run *sr = &s->runs[s->focus];
    if (lesson_settings_now(&s->cur, &sr->r, sr->granted, c->option, c->text,
                            &o, &obj, &e) < 0) {
        sim_lose(s, c->line, "'set' fails: %s", e.message);
        return;
    }
    if (!run_live_option(c->option)) {
        s->cur = o;
        sim_open(s, &obj, c->line);
        return;
    }
    objective_free(&obj);
    if (lesson_run_retune(&sr->r, c->option, &o.s, &s->obj, &e) < 0) {
        sim_lose(s, c->line, "'set' fails: %s", e.message);
        return;
    }
    sr->granted = o.s.max_steps;
    s->cur = o;
}

static void run_n(demo_sim *s, const demo_command *c)
{
    if (s->budget && *s->budget < c->count * (s->nruns ? s->nruns : 1)) {
        sim_lose(s, c->line, "the file's budget of %s updates is spent",
                 "10000000");
        return;
    }
    for (long i = 0; i < c->count && sim_step(s); i++)
        ;
}

void sim_command(demo_sim *s, const demo_command *c, demo_find_lesson find,
                 void *ctx)
{
    if (s->lost_line)
        return;
    long i;
    switch (c->kind) {
    case DEMO_LESSON:
        s->l = find ? find(ctx, c->text) : NULL;
        if (!s->l)
            sim_lose(s, c->line, "lesson '%s' is not found", c->text);
        else
            goto_step(s, 0, c->line);
        return;
    case DEMO_STEP:
        i = s->l ? lesson_find_step(s->l, c->text) : -1;
        if (i < 0)
            sim_lose(s, c->line, "step '%s' is not found", c->text);
        else
            goto_step(s, (size_t)i, c->line);
        return;
    case DEMO_SET: set(s, c); return;
    case DEMO_KEY:
        for (size_t k = 0; k < c->n_keys && !s->lost_line; k++)
            key(s, c->keys[k], c->line);
        return;
    case DEMO_RUN: run_n(s, c); return;
    default: return; /* sleep, pause, say: time and words only */
    }
}
