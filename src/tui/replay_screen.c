/* The replay as a mode: the live screen's panels over a saved trace, a
 * cursor through its rows, read-only. Its top bar ("replay FILE") and
 * step panel are its own; the keys are replay_keys.c. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "panels.h"
#include "replay.h"

/* " descent  replay FILE · objective · optimizer" and, on the right,
 * "step 37/120 ⏸ paused" or the end status. */
void replay_top_draw(const app *a, WINDOW *w)
{
    const ui_env *u = &a->ui;
    const replay *rp = a->ms;
    int width = getmaxx(w);
    char status[200], right[256], left[512];
    replay_status_text(rp, status, sizeof status);
    bool end = replay_at_end(rp), diverged = end && replay_diverged(rp);
    const char *icon = !end ? (rp->running ? "▶" : "⏸") : diverged ? "✗" : "■";
    snprintf(right, sizeof right, "step %zu/%zu %s %s", rp->cursor,
             rp->nrows - 1, icon, status);
    int rw = ui_width(u, right) + 2;
    if (rw > width * 3 / 5)
        rw = width * 3 / 5;
    int x = ui_width(u, " descent ");
    /* What was run: a model, the objective drawn, or nothing known. */
    const char *what = rp->t.model ? rp->t.model
                       : rp->surface ? a->s.obj.name : rp->t.objective;
    int n = snprintf(left, sizeof left, " replay %s", rp->file);
    if (what)
        n += snprintf(left + n, sizeof left - (size_t)n, " · %s", what);
    if (rp->t.optimizer)
        snprintf(left + n, sizeof left - (size_t)n, " · %s", rp->t.optimizer);
    statusbar_fit(u, left, width - x - rw);
    statusbar_title(w, u, left, width - rw);
    statusbar_style(w, u, diverged);
    ui_puts(w, u, 0, width - rw + 1, rw - 1, right);
}

static const key_binding *replay_keys(const app *a, int *n)
{
    (void)a;
    *n = replay_key_binding_count;
    return replay_key_bindings;
}

static void replay_layout(app *a)
{
    const replay *rp = a->ms;
    layout_compute(&a->lay, a->cols, a->rows, a->presenter, a->tab,
                   rp->accuracy);
}

static void replay_draw(const app *a)
{
    live_draw_with(a, replay_top_draw, panel_replay_step, NULL);
}

static bool replay_running(const app *a)
{
    const replay *rp = a->ms;
    return rp->running;
}

/* Rows: at most a frame's worth (the pacing loop's), in one seek. */
static long replay_advance(app *a, long n, double deadline)
{
    (void)deadline;
    replay *rp = a->ms;
    size_t from = rp->cursor;
    replay_seek(rp, &a->s, from + (size_t)n);
    if (replay_at_end(rp))
        rp->running = false;
    return (long)(rp->cursor - from);
}

/* A live screen's key that would change a run says why it does not. */
static bool replay_key(app *a, int key)
{
    const key_binding *live = keys_find(key_bindings, key_binding_count, key);
    if (keys_find(a->keys, a->nkeys, key) || !live)
        return false;
    app_message(a, true, "read-only replay (%s: %s)", live->keys, live->help);
    return true;
}

static void replay_mouse(app *a, const MEVENT *ev)
{
    double x, y;
    if (panel_surface_mouse(a, ev, &x, &y))
        app_message(a, true, "read-only replay: the start is the trace's");
}

const screen_mode mode_replay = {
    .name = "replay",
    .keys = replay_keys,
    .layout = replay_layout,
    .prepare = live_prepare_surface,
    .draw = replay_draw,
    .running = replay_running,
    .rate = live_rate,
    .advance = replay_advance,
    .key = replay_key,
    .mouse = replay_mouse,
    .help_note = "read-only replay · wheel: zoom · drag: pan · ",
};

/* The replay's session: one run over obj (or the plain stand-in) whose
 * history is the trace's rows. 0, or 2 after printing the error. */
static int replay_session(app *a, replay *rp, objective *obj,
                          const double *view)
{
    objective o;
    rp->surface = obj != NULL;
    if (obj) {
        o = *obj;
        memset(obj, 0, sizeof *obj);
    } else
        replay_plain_objective(rp, &o);
    run_settings set = run_settings_default();
    set.grad = gradient_available(&o, GRAD_ANALYTIC) ? GRAD_ANALYTIC
               : gradient_available(&o, GRAD_AD)   ? GRAD_AD
                                                   : GRAD_CENTRAL;
    const double *start = rp->rows[0].theta;
    char err[256];
    if (session_init_objective(&a->s, &o, &set,
                               isfinite(start[0] + start[1]) ? start : NULL,
                               view ? view : rp->surface ? NULL : rp->box,
                               err, sizeof err) < 0) {
        fprintf(stderr, "descent: %s: %s\n", rp->file, err);
        return 2;
    }
    replay_attach(rp, &a->s);
    return 0;
}

int tui_replay_main(replay *rp, objective *obj, const double *view)
{
    int rc = tui_need_tty("'less' to read a trace as text");
    if (rc)
        return rc;
    app *a = tui_screen_app(&mode_replay, rp);
    if ((rc = replay_session(a, rp, obj, view)) != 0)
        return rc;
    if (!rp->surface)
        a->surface_note = rp->surface_note;
    return tui_run_screen(a);
}
