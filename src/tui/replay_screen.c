/* The replay's top bar ("replay FILE") and the rows played while
 * running; the rest of its screen is the live screen's (app.c). */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "panels.h"
#include "replay.h"

/* " descent  replay FILE · objective · optimizer" and, on the right,
 * "step 37/120 ⏸ paused" or the end status. */
void replay_top_draw(app *a, WINDOW *w)
{
    const ui_env *u = &a->ui;
    const replay *rp = a->replay;
    int width = getmaxx(w);
    ui_role_set(w, u, ROLE_BAR, 0);
    mvwhline(w, 0, 0, ' ', width);
    char status[200], right[256], left[512];
    replay_status_text(rp, status, sizeof status);
    bool end = replay_at_end(rp), diverged = end && replay_diverged(rp);
    const char *icon = !end ? (rp->running ? "▶" : "⏸") : diverged ? "✗" : "■";
    snprintf(right, sizeof right, "step %zu/%zu %s %s", rp->cursor,
             rp->nrows - 1, icon, status);
    int rw = ui_width(u, right) + 2;
    if (rw > width * 3 / 5)
        rw = width * 3 / 5;
    ui_role_set(w, u, ROLE_BAR_DIM, A_BOLD);
    int x = ui_puts(w, u, 0, 0, width, " descent ");
    ui_role_set(w, u, ROLE_BAR, 0);
    /* What was run: a model, the objective drawn, or nothing known. */
    const char *what = rp->t.model ? rp->t.model
                       : rp->surface ? a->s.obj.name : rp->t.objective;
    int n = snprintf(left, sizeof left, " replay %s", rp->file);
    if (what)
        n += snprintf(left + n, sizeof left - (size_t)n, " · %s", what);
    if (rp->t.optimizer)
        snprintf(left + n, sizeof left - (size_t)n, " · %s", rp->t.optimizer);
    statusbar_fit(u, left, width - x - rw);
    ui_puts(w, u, 0, x, width - x - rw, left);
    statusbar_style(w, u, diverged);
    ui_puts(w, u, 0, width - rw + 1, rw - 1, right);
}

/* Rows owed at the chosen speed, as live running's updates are (tui.c);
 * at most one frame's worth, so a slow terminal skips rather than lags. */
void replay_screen_advance(app *a, double dt)
{
    replay *rp = a->replay;
    int speed = session_speeds[a->s.speed];
    a->run_credit += dt * speed;
    if (a->run_credit > speed)
        a->run_credit = speed;
    size_t owed = (size_t)a->run_credit;
    a->run_credit -= (double)owed;
    if (owed)
        replay_seek(rp, &a->s, rp->cursor + owed);
    if (replay_at_end(rp)) {
        rp->running = false;
        a->run_credit = 0.0;
    }
}
