/* Key actions on the run: stepping, the learning rate, optimiser,
 * gradient method, clipping and hypergradient settings. Settings change
 * the focused run mid-run, without a reset (DESIGN §2). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app.h"

static run *focused(app *a) { return session_focused(&a->s); }

void act_run_pause(app *a)
{
    if (!a->s.running && !session_any_running(&a->s)) {
        app_message(a, true, "no run can go on: r resets");
        return;
    }
    session_set_running(&a->s, !a->s.running);
    a->run_credit = 0.0;
}

void act_step(app *a)
{
    session_set_running(&a->s, false);
    if (!session_step(&a->s))
        app_message(a, true, "no run can go on: r resets");
}

void act_stage(app *a)
{
    session_set_running(&a->s, false);
    if (a->lay.tabbed)
        a->tab = TAB_STEP, app_layout(a);
    if (!session_stage(&a->s))
        app_message(a, true, "no run can go on: r resets");
}

void act_back(app *a)
{
    session_set_running(&a->s, false);
    if (!session_back(&a->s))
        app_message(a, true, "no earlier update is kept");
}

void act_reset(app *a)
{
    session_set_running(&a->s, false);
    session_reset(&a->s);
    app_message(a, false, "reset to the start");
}

/* Parses a whole number; returns 0 or -1. */
static int parse_double(const char *text, double *v)
{
    char *end;
    errno = 0;
    *v = strtod(text, &end);
    while (*end == ' ')
        end++;
    return end == text || *end || errno == ERANGE ? -1 : 0;
}

/* Splits "MODE[:NUMBER]" as the command line writes a setting: the mode
 * into name; returns 1 with *v set when a number follows, 0 when nothing
 * does, -1 when what follows is not a number. */
static int split_setting(const char *text, char *name, size_t cap, double *v)
{
    const char *colon = strchr(text, ':');
    int n = (int)(colon ? (size_t)(colon - text) : strlen(text));
    snprintf(name, cap, "%.*s", n, text);
    if (!colon)
        return 0;
    return parse_double(colon + 1, v) == 0 && isfinite(*v) ? 1 : -1;
}

/* A prompt holding the setting as the command line writes it: "MODE",
 * or "MODE:V" when it has a value. */
static void setting_prompt(app *a, const char *label, const char *mode,
                           bool has_value, double v, prompt_submit submit)
{
    char cur[48];
    if (has_value)
        snprintf(cur, sizeof cur, "%s:%.3g", mode, v);
    else
        snprintf(cur, sizeof cur, "%s", mode);
    prompt_open(a, label, cur, submit);
}

static void set_lr(app *a, double lr)
{
    if (run_set_lr(focused(a), lr) < 0) {
        app_message(a, true, "the learning rate must be > 0 and finite");
        return;
    }
    session_settings_changed(&a->s);
    app_message(a, false, "lr %.4g", lr);
}

void act_lr_up(app *a) { set_lr(a, focused(a)->lr * 2.0); }
void act_lr_down(app *a) { set_lr(a, focused(a)->lr / 2.0); }

static int submit_lr(app *a, const char *text)
{
    double v;
    if (parse_double(text, &v) < 0 || !(v > 0.0) || !isfinite(v)) {
        prompt_error(a, 0, "a number > 0, e.g. 0.01 or 1e-3");
        return -1;
    }
    set_lr(a, v);
    return 0;
}

void act_lr_prompt(app *a)
{
    char cur[32];
    snprintf(cur, sizeof cur, "%.6g", focused(a)->lr);
    prompt_open(a, "learning rate", cur, submit_lr);
}

static void set_optimizer(app *a, const optimizer_type *t)
{
    run_set_optimizer(focused(a), t);
    session_settings_changed(&a->s);
    app_message(a, false, "optimiser %s (state from zero)", t->name);
}

void act_opt_next(app *a)
{
    const optimizer_type *cur = focused(a)->s.opt;
    int i = 0;
    while (optimizer_types[i] && optimizer_types[i] != cur)
        i++;
    const optimizer_type *next = optimizer_types[i] ? optimizer_types[i + 1] : NULL;
    set_optimizer(a, next ? next : optimizer_types[0]);
}

void act_opt_menu(app *a) { menu_open(a, MENU_OPTIMIZER); }

/* Called by the optimiser menu. */
void act_choose_optimizer(app *a, int index)
{
    set_optimizer(a, optimizer_types[index]);
}

static int set_grad(app *a, grad_method m, double h)
{
    run *r = focused(a);
    if (run_set_grad(r, m, h) < 0) {
        app_message(a, true, "%s gradients are not available for %s",
                    grad_method_name(m), a->s.obj.name);
        return -1;
    }
    session_settings_changed(&a->s);
    if (m == GRAD_CENTRAL)
        app_message(a, false, "gradient: central, h %.3g", h);
    else
        app_message(a, false, "gradient: %s", grad_method_name(m));
    return 0;
}

void act_grad_next(app *a)
{
    run *r = focused(a);
    for (int k = 1; k <= GRAD_METHOD_COUNT; k++) {
        grad_method m = (grad_method)((r->s.grad + k) % GRAD_METHOD_COUNT);
        if (gradient_available(r->obj, m)) {
            set_grad(a, m, r->s.h);
            return;
        }
    }
}

/* "analytic", "ad", "central", "central:H" or a bare H. */
static int submit_grad(app *a, const char *text)
{
    char name[32];
    double h = focused(a)->s.h;
    grad_method m = GRAD_CENTRAL;
    if (parse_double(text, &h) < 0 &&
        (split_setting(text, name, sizeof name, &h) < 0 ||
         grad_method_parse(name, &m) < 0)) {
        prompt_error(a, 0, "analytic, ad, central or central:H (H > 0)");
        return -1;
    }
    if (!(h > 0.0) || !isfinite(h)) {
        prompt_error(a, 0, "h must be > 0");
        return -1;
    }
    if (set_grad(a, m, h) < 0) {
        prompt_error(a, 0, a->msg);
        return -1;
    }
    return 0;
}

void act_grad_prompt(app *a)
{
    run *r = focused(a);
    setting_prompt(a, "gradient (analytic, ad, central:h)",
                   grad_method_name(r->s.grad), r->s.grad == GRAD_CENTRAL,
                   r->s.h, submit_grad);
}

static void set_clip(app *a, clip_setting c)
{
    run_set_clip(focused(a), c);
    session_settings_changed(&a->s);
    if (c.mode == CLIP_NONE)
        app_message(a, false, "clipping off");
    else
        app_message(a, false, "clip %s:%g", clip_mode_name(c.mode), c.c);
}

void act_clip_next(app *a)
{
    clip_setting c = focused(a)->s.clip;
    c.mode = (clip_mode)((c.mode + 1) % 3);
    if (!(c.c > 0.0))
        c.c = 1.0; /* a threshold that bites on most built-ins */
    set_clip(a, c);
}

/* "none", "norm:C" or "value:C", as the command line takes them. */
static int submit_clip(app *a, const char *text)
{
    clip_setting c = {CLIP_NONE, 0.0};
    char name[16];
    int has = split_setting(text, name, sizeof name, &c.c);
    if (strcmp(name, "off") == 0 || strcmp(name, "none") == 0)
        has = has ? -1 : 1;
    else if (strcmp(name, "norm") == 0)
        c.mode = CLIP_NORM;
    else if (strcmp(name, "value") == 0)
        c.mode = CLIP_VALUE;
    else
        has = -1;
    if (has < 0 || (c.mode != CLIP_NONE && !(has && c.c > 0.0))) {
        prompt_error(a, 0, "none, norm:C or value:C with C > 0");
        return -1;
    }
    set_clip(a, c);
    return 0;
}

void act_clip_prompt(app *a)
{
    clip_setting c = focused(a)->s.clip;
    setting_prompt(a, "clip (none, norm:C, value:C)", clip_mode_name(c.mode),
                   c.mode != CLIP_NONE, c.c, submit_clip);
}

/* β when a mode is switched on by key: the reference runs' values. */
static double default_beta(hd_mode m) { return m == HD_MULT ? 0.02 : 1e-6; }

static void set_hd(app *a, hd_setting hd)
{
    run_set_hd(focused(a), hd);
    session_settings_changed(&a->s);
    if (hd.mode == HD_OFF)
        app_message(a, false, "hypergradient off");
    else
        app_message(a, false, "hypergradient %s, β %g", hd_mode_name(hd.mode),
                    hd.beta);
}

void act_hd_next(app *a)
{
    hd_setting hd = focused(a)->s.hd;
    hd.mode = (hd_mode)((hd.mode + 1) % 3);
    hd.beta = default_beta(hd.mode);
    set_hd(a, hd);
}

/* "off", "add", "mult", "add:B", "mult:B" or a bare B (mode kept). */
static int submit_hd(app *a, const char *text)
{
    hd_setting hd = focused(a)->s.hd;
    char name[16];
    double beta;
    if (parse_double(text, &beta) == 0 && hd.mode != HD_OFF) {
        hd.beta = beta;
        set_hd(a, hd);
        return 0;
    }
    int has = split_setting(text, name, sizeof name, &hd.beta);
    if (has < 0 || hd_mode_parse(name, &hd.mode) < 0) {
        prompt_error(a, 0, "off, add, mult, add:β or mult:β");
        return -1;
    }
    if (!has)
        hd.beta = default_beta(hd.mode);
    set_hd(a, hd);
    return 0;
}

void act_hd_prompt(app *a)
{
    hd_setting hd = focused(a)->s.hd;
    setting_prompt(a, "hypergradient (off, add:β, mult:β)",
                   hd_mode_name(hd.mode), hd.mode != HD_OFF, hd.beta, submit_hd);
}

void act_slower(app *a)
{
    if (a->s.speed > 0)
        a->s.speed--;
    app_message(a, false, "speed %d updates/s", session_speeds[a->s.speed]);
}

void act_faster(app *a)
{
    if (a->s.speed < SESSION_SPEEDS - 1)
        a->s.speed++;
    app_message(a, false, "speed %d updates/s", session_speeds[a->s.speed]);
}
