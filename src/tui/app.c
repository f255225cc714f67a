/* The app around the current mode: its keys, layout, theme, the
 * session's after-update hook, and the frame: every visible window drawn,
 * then one doupdate, so the terminal sees a frame's changes at once. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "help.h"
#include "panels.h"

double app_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

void app_message(app *a, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
    a->msg_error = error;
    a->msg_until = app_now() + (error ? 5.0 : 3.0);
}

void app_set_theme(app *a, int theme)
{
    const char *nc = getenv("NO_COLOR");
    a->theme = theme;
    a->ui.th = &themes[theme];
    /* NO_COLOR (no-color.org): any non-empty value turns colour off. */
    a->ui.depth = nc && *nc ? DEPTH_NONE : a->term_depth;
    a->sc.valid = false;
}

void app_free_windows(app *a)
{
    for (int i = 0; i < PANE_COUNT; i++)
        if (a->win[i]) {
            delwin(a->win[i]);
            a->win[i] = NULL;
        }
}

bool app_running(const app *a) { return a->mode->running(a); }

/* The session's after-update hook: the mode hears of every change. */
static void session_changed_hook(session *s, void *ctx)
{
    (void)s;
    app *a = ctx;
    if (a->mode && a->mode->updated)
        a->mode->updated(a);
}

void app_watch_session(app *a)
{
    a->s.hook = session_changed_hook;
    a->s.hook_ctx = a;
    if (a->s.nruns)
        session_changed(&a->s);
}

void app_set_mode(app *a, const screen_mode *m)
{
    a->mode = m;
    a->keys = m->keys(a, &a->nkeys);
    a->run_credit = 0.0;
    app_layout(a);
}

void app_layout(app *a)
{
    app_free_windows(a);
    getmaxyx(stdscr, a->rows, a->cols);
    a->mode->layout(a);
    for (int i = 0; i < PANE_COUNT; i++)
        if (layout_visible(&a->lay, (pane_id)i)) {
            rect r = a->lay.r[i];
            a->win[i] = newwin(r.h, r.w, r.y, r.x);
        }
    a->sc.valid = false;
    /* A resize leaves stdscr touched; show it (blank) once now rather
     * than let the next getch paint it over the panels. */
    werase(stdscr);
    wnoutrefresh(stdscr);
}

static void draw_too_small(const app *a)
{
    werase(stdscr);
    ui_role_set(stdscr, &a->ui, ROLE_ERROR, 0);
    ui_printf(stdscr, &a->ui, 0, 0, a->cols,
              "terminal too small (%dx%d)", a->cols, a->rows);
    ui_role_set(stdscr, &a->ui, ROLE_TEXT, 0);
    ui_printf(stdscr, &a->ui, 1, 0, a->cols, "need at least %dx%d; q quits",
              LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
    wnoutrefresh(stdscr);
}

void app_draw_panes(const app *a, const pane_draw draw[PANE_COUNT])
{
    for (int i = 0; i < PANE_COUNT; i++)
        if (a->win[i] && draw[i]) {
            ui_clear(a->win[i], &a->ui);
            draw[i](a, a->win[i]);
            wnoutrefresh(a->win[i]);
        }
}

/* What a frame needs before anything is drawn: an expired message
 * gone, then the mode's own (the surface's heat map). */
static void prepare(app *a)
{
    if (a->msg[0] && app_now() >= a->msg_until)
        a->msg[0] = '\0';
    a->sc.pending = false;
    if (a->mode->prepare)
        a->mode->prepare(a);
}

void app_render(app *a)
{
    if (a->lay.too_small) {
        draw_too_small(a);
        doupdate();
        return;
    }
    prepare(a);
    a->mode->draw(a);
    if (a->ov == OVERLAY_HELP)
        help_draw(a);
    else if (a->ov == OVERLAY_MENU)
        menu_draw(a);
    else if (a->ov == OVERLAY_PROMPT)
        prompt_draw(a);
    doupdate();
}
