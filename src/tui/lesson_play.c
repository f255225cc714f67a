/* A lesson as a mode: the live screen set up by the step's settings
 * beside the lesson panel; opening steps as runs, judging goals after
 * every update, keeping progress. The keys are lesson_keys.c, the panel
 * panel_lesson.c; the demo mode (demo_screen.c) plays lessons with it. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "lesson_session.h"
#include "lookup.h"
#include "model.h"
#include "panels.h"
#include "play.h"

play *play_of(const app *a) { return a->ms; }

/* The lesson keys first, then those of the screen beside it (the live
 * screen's, or the HPO view's) that they leave: a key both tables have
 * is the lesson's, and PgUp/PgDn's "no lesson" reply goes. Quit stays
 * last (the bottom bar keeps it at the right). */
const key_binding *play_keys_with(const app *a, const key_binding *other,
                                  int n_other, int *n)
{
    play *pl = play_of(a);
    pl->nkeys = 0;
    for (int i = 0; i < lesson_key_binding_count; i++)
        pl->keys[pl->nkeys++] = lesson_key_bindings[i];
    for (int i = 0; i < n_other && pl->nkeys < PLAY_MAX_KEYS; i++) {
        const key_binding *b = &other[i];
        bool key = false, alt = false;
        for (int j = 0; j < lesson_key_binding_count; j++) {
            key |= lesson_key_bindings[j].key == b->key;
            alt |= b->alt && lesson_key_bindings[j].key == b->alt;
        }
        if (key)
            continue;
        key_binding *k = &pl->keys[pl->nkeys++];
        *k = *b;
        if (alt) { /* its first key alone ("End a" without the a) */
            k->alt = 0;
            char *label = pl->labels[pl->nkeys - 1];
            snprintf(label, sizeof pl->labels[0], "%.*s",
                     (int)strcspn(b->keys, " "), b->keys);
            k->keys = label;
        }
    }
    *n = pl->nkeys;
    return pl->keys;
}

const key_binding *lesson_keys(const app *a, int *n)
{
    return play_keys_with(a, key_bindings, key_binding_count, n);
}

void play_open_step(app *a)
{
    play *pl = play_of(a);
    char err[400];
    a->s.running = false;
    int rc = lsession_step(&a->s, &pl->lv.p, &pl->cur, err, sizeof err);
    lview_restarted(&pl->lv);
    a->sc.valid = false;
    app_watch_session(a);
    if (rc < 0)
        app_message(a, true, "this step does not open: %s", err);
    play_show_view(a);
}

void play_start_lesson(app *a, const lesson *l)
{
    play *pl = play_of(a);
    if (pl->in_lesson)
        lview_free(&pl->lv);
    pl->in_lesson = false;
    if (lview_init(&pl->lv, l, pl->prog) < 0) {
        app_message(a, true, "out of memory");
        return;
    }
    pl->in_lesson = true;
    pl->saved_done = player_done_count(&pl->lv.p);
    a->ov = OVERLAY_NONE;
    /* A demo plays the lesson in its own mode. */
    a->mode = a->mode == &mode_demo ? &mode_demo : &mode_lesson;
    a->keys = a->mode->keys(a, &a->nkeys);
    play_open_step(a);
}

const lesson *play_next_lesson(const app *a)
{
    const play *pl = play_of(a);
    return pl->in_lesson && pl->cat ? catalog_next(pl->cat, pl->lv.p.l) : NULL;
}

void play_show_menu(app *a)
{
    session_set_running(&a->s, false);
    a->ov = OVERLAY_NONE;
    app_set_mode(a, &mode_menu);
}

void play_save(app *a)
{
    play *pl = play_of(a);
    if (!pl->in_lesson || !pl->prog)
        return;
    const lesson_player *p = &pl->lv.p;
    size_t done = player_done_count(p);
    if (done == pl->saved_done)
        return;
    for (size_t i = 0; i < p->l->n_steps; i++)
        if (p->done[i] && progress_mark(pl->prog, p->l->id,
                                        p->l->steps[i].id) < 0) {
            app_message(a, true, "progress: out of memory");
            return;
        }
    char err[512];
    if (progress_save(pl->prog_path, pl->prog, err, sizeof err) < 0)
        app_message(a, true, "progress not saved: %s", err);
    pl->saved_done = done;
}

int play_set(app *a, int id, const char *value)
{
    play *pl = play_of(a);
    option_error e;
    int rc = lsession_set(&a->s, &pl->cur, id, value, &e);
    const char *name = option_by_id(run_option_table, id)->name;
    if (rc < 0) {
        app_message(a, true, "%s: %s", name, e.message);
        return -1;
    }
    if (id == OPT_VIEW)
        play_show_view(a);
    if (rc > 0) {
        a->sc.valid = false;
        if (pl->in_lesson)
            lview_restarted(&pl->lv);
        app_watch_session(a);
        app_layout(a);
    }
    app_message(a, false, "%s%s%s%s", name, value ? ": " : "",
                value ? value : "", rc > 0 ? " (runs restarted)" : "");
    return 0;
}

/* The goal judged (a search's facts on the HPO view's searches); the
 * step's limit a pause, said in the player's words (the session's own
 * pause at its limit says nothing more then). */
void lesson_updated(app *a)
{
    play *pl = play_of(a);
    if (pl->in_lesson) {
        lesson_state st = lesson_state_of(session_focused(&a->s));
        st.hpo = a->hpo ? a->hpo->trace : NULL;
        lview_check(&pl->lv, &st);
        /* A demo's run goes past the limit (demo_advance): no pause. */
        if (player_pause_new(&pl->lv.p) && a->s.running &&
            pl->dp.state != DP_RUN) {
            char pause[160];
            player_pause_text(&pl->lv.p, pause, sizeof pause);
            app_message(a, false, "%s Space goes on.", pause);
            session_set_running(&a->s, false);
        }
        play_save(a);
    }
    live_updated(a);
}

void lesson_layout(app *a)
{
    const model *m = model_of(&a->s.obj);
    layout_lesson(&a->lay, a->cols, a->rows, a->presenter, a->tab,
                  m && m->type->classifier);
}

/* The step panel's theory lines as the step says (docs/lessons.md,
 * theory:): a lesson keeps back what may answer its question; a demo is
 * the presenter's and shows them, as the live screen does. */
static void theory_follow(app *a)
{
    const play *pl = play_of(a);
    lesson_theory t = pl->in_lesson && !pl->has_demo
                          ? player_theory(&pl->lv.p) : STEP_THEORY_SHOW;
    theory_view *v = &a->s.theory;
    bool hidden = t != STEP_THEORY_SHOW, later = t == STEP_THEORY_AFTER;
    if (v->hidden != hidden || v->later != later) {
        v->hidden = hidden;
        v->later = later;
        a->s.doc_stale = true;
    }
}

void lesson_prepare(app *a)
{
    theory_follow(a);
    live_prepare(a);
    if (a->win[PANE_LESSON])
        panel_lesson_prepare(a, a->win[PANE_LESSON]);
}

void lesson_draw(const app *a)
{
    live_draw_with(a, statusbar_draw_top, panel_step_draw, panel_lesson_draw);
}

/* The moment's keys (quiz options, clickers), then the locks: a key
 * that would change a locked setting is taken and refused. */
bool lesson_key(app *a, int key)
{
    if (play_key(a, key))
        return true;
    const key_binding *b = keys_find(a->keys, a->nkeys, key);
    return b && !play_allowed(a, b);
}

void lesson_mouse(app *a, const MEVENT *ev)
{
    double x, y;
    if (panel_surface_mouse(a, ev, &x, &y) && play_may_change(a, "start"))
        live_click(a, x, y);
}

void play_free(app *a)
{
    play *pl = play_of(a);
    if (pl->in_lesson)
        lview_free(&pl->lv);
    pl->in_lesson = false;
    play_view_free(a);
    pool_free(&pl->strings);
}

const screen_mode mode_lesson = {
    .name = "lesson",
    .keys = lesson_keys,
    .layout = lesson_layout,
    .prepare = lesson_prepare,
    .draw = lesson_draw,
    .running = live_running,
    .rate = live_rate,
    .advance = live_advance,
    .key = lesson_key,
    .mouse = lesson_mouse,
    .may_change = play_may_change,
    .updated = lesson_updated,
    .help_note = "wheel: zoom · drag: pan · click: start · ",
    .free = play_free,
};
