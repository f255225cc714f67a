/* Key actions on the run: stepping, the learning rate, optimiser,
 * gradient method, clipping and hypergradient settings. Settings change
 * the focused run mid-run, without a reset (DESIGN §2). */
#include <stdio.h>
#include <stdlib.h>

#include "actions.h"
#include "app.h"
#include "run_live.h"
#include "settings_list.h"

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
    core_error rc = session_reset(&a->s);
    if (rc != CORE_OK)
        app_message(a, true, "a run could not restart: %s",
                    core_error_message(rc));
    else
        app_message(a, false, "reset to the start");
}

/* What a setting of the focused run now is, said after a change. */
static void announce(app *a, int id)
{
    const run *r = focused(a);
    const run_settings *s = &r->s;
    switch (id) {
    case OPT_LR: app_message(a, false, "lr %.4g", r->lr); break;
    case OPT_OPTIMIZER:
        app_message(a, false, "optimiser %s (state from zero)", s->opt->name);
        break;
    case OPT_GRAD:
        if (grad_method_uses_h(s->grad))
            app_message(a, false, "gradient: %s, h %.3g",
                        grad_method_name(s->grad), s->h);
        else
            app_message(a, false, "gradient: %s", grad_method_name(s->grad));
        break;
    case OPT_CLIP:
        if (s->clip.mode == CLIP_NONE)
            app_message(a, false, "clipping off");
        else
            app_message(a, false, "clip %s:%g", clip_mode_name(s->clip.mode),
                        s->clip.c);
        break;
    case OPT_HYPERGRAD:
        if (s->hd.mode == HD_OFF)
            app_message(a, false, "hypergradient off");
        else
            app_message(a, false, "hypergradient %s, β %g",
                        hd_mode_name(s->hd.mode), s->hd.beta);
        break;
    }
}

/* After a change of setting id by a key (rc its outcome): the history
 * keeps it and the message says what happened. */
static void changed(app *a, int id, core_error rc)
{
    if (rc != CORE_OK) {
        option_error e;
        run *r = focused(a);
        run_live_fail(&e, id, rc, r->obj, &r->s);
        app_message(a, true, "%s: %s", e.where, e.message);
        return;
    }
    session_settings_changed(&a->s);
    announce(a, id);
}

/* Text typed for option id, in the command line's grammar. */
static int submit_setting(app *a, int id, const char *text)
{
    option_error e;
    if (run_live_set(focused(a), id, text, &e) < 0) {
        prompt_error(a, e.column, e.message);
        return -1;
    }
    changed(a, id, CORE_OK);
    return 0;
}

/* A prompt holding the setting as the command line writes it. */
static void setting_prompt(app *a, const char *label, int id,
                           prompt_submit submit)
{
    char cur[96];
    run_live_text(focused(a), id, cur, sizeof cur);
    prompt_open(a, label, cur, submit);
}

static void set_lr(app *a, double lr)
{
    changed(a, OPT_LR, run_set_lr(focused(a), lr));
}

/* α in effect, or a schedule's base, which it then starts again from. */
static double lr_of(app *a) { return run_settings_of(focused(a)).lr; }

void act_lr_up(app *a) { set_lr(a, lr_of(a) * 2.0); }
void act_lr_down(app *a) { set_lr(a, lr_of(a) / 2.0); }

static int submit_lr(app *a, const char *text)
{
    return submit_setting(a, OPT_LR, text);
}

void act_lr_prompt(app *a)
{
    setting_prompt(a, "learning rate", OPT_LR, submit_lr);
}

static void set_optimizer(app *a, const optimizer_type *t)
{
    changed(a, OPT_OPTIMIZER, run_set_optimizer(focused(a), t));
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

void act_settings(app *a) { menu_open(a, MENU_SETTINGS); }

/* The step limit typed: a whole number as --steps takes it, or nothing
 * for none. */
static int submit_steps(app *a, const char *text)
{
    run_options o;
    option_error e;
    run_options_default(&o);
    if (*text && run_options_set(&o, OPT_STEPS, text, &e) < 0) {
        prompt_error(a, e.column, e.message);
        return -1;
    }
    long limit = *text ? o.s.max_steps : 0;
    session_set_limit(&a->s, limit);
    if (limit)
        app_message(a, false, "step limit %ld: live running pauses every "
                    "%ld updates", limit, limit);
    else
        app_message(a, false, "no step limit");
    return 0;
}

/* A row of the settings panel typed; the panel comes back after. */
static int submit_row(app *a, const char *text)
{
    int id = atoi(a->prompt.context);
    const char *name = option_by_id(run_option_table, id)->name;
    if (a->mode->may_change && !a->mode->may_change(a, name))
        return 0;
    int rc = id == OPT_STEPS ? submit_steps(a, text)
                             : submit_setting(a, id, text);
    if (rc == 0)
        menu_open(a, MENU_SETTINGS);
    return rc;
}

void act_setting_row(app *a, int id)
{
    const char *name = option_by_id(run_option_table, id)->name;
    if (a->mode->may_change && !a->mode->may_change(a, name))
        return;
    if (id == OPT_OPTIMIZER) {
        menu_open(a, MENU_OPTIMIZER);
        return;
    }
    char cur[96];
    const session_run *sr = &a->s.runs[a->s.focus];
    if (id == OPT_STEPS && sr->limit)
        snprintf(cur, sizeof cur, "%ld", sr->limit);
    else if (id == OPT_STEPS)
        cur[0] = '\0';
    else
        run_live_text(&sr->r, id, cur, sizeof cur);
    char label[160];
    snprintf(label, sizeof label, "%s: %s", name, settings_about(id));
    prompt_open(a, label, cur, submit_row);
    snprintf(a->prompt.context, sizeof a->prompt.context, "%d", id);
}

/* Called by the optimiser menu. */
void act_choose_optimizer(app *a, int index)
{
    set_optimizer(a, optimizer_types[index]);
}

void act_grad_next(app *a)
{
    run *r = focused(a);
    for (int k = 1; k <= GRAD_METHOD_COUNT; k++) {
        grad_method m = (grad_method)((r->s.grad + k) % GRAD_METHOD_COUNT);
        if (gradient_available(r->obj, m)) {
            changed(a, OPT_GRAD, run_set_grad(r, m, r->s.h));
            return;
        }
    }
}

static int submit_grad(app *a, const char *text)
{
    return submit_setting(a, OPT_GRAD, text);
}

void act_grad_prompt(app *a)
{
    setting_prompt(a, "gradient (analytic, ad, central:h, forward:h)", OPT_GRAD,
                   submit_grad);
}

void act_clip_next(app *a)
{
    clip_setting c = focused(a)->s.clip;
    c.mode = (clip_mode)((c.mode + 1) % 3);
    if (!(c.c > 0.0))
        c.c = 1.0; /* a threshold that bites on most built-ins */
    changed(a, OPT_CLIP, run_set_clip(focused(a), c));
}

static int submit_clip(app *a, const char *text)
{
    return submit_setting(a, OPT_CLIP, text);
}

void act_clip_prompt(app *a)
{
    setting_prompt(a, "clip (none, norm:C, value:C)", OPT_CLIP, submit_clip);
}

/* The next mode with its default β for the optimiser, as typing the
 * mode's name would give. */
void act_hd_next(app *a)
{
    hd_mode next = (hd_mode)((focused(a)->s.hd.mode + 1) % 3);
    option_error e;
    if (run_live_set(focused(a), OPT_HYPERGRAD, hd_mode_name(next), &e) < 0)
        app_message(a, true, "%s", e.message);
    else
        changed(a, OPT_HYPERGRAD, CORE_OK);
}

static int submit_hd(app *a, const char *text)
{
    return submit_setting(a, OPT_HYPERGRAD, text);
}

void act_hd_prompt(app *a)
{
    setting_prompt(a, "hypergradient (off, add:β, mult:β)", OPT_HYPERGRAD,
                   submit_hd);
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
