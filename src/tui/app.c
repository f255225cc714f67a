/* Layout, theme and the frame: every visible window drawn, then one
 * doupdate, so the terminal sees a frame's changes at once. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "help.h"
#include "model.h"
#include "panels.h"
#include "play.h"
#include "replay.h"

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

bool app_running(const app *a)
{
    if (a->hpo)
        return a->hpo->running;
    if (a->replay)
        return a->replay->running;
    return a->s.running || (a->play && play_busy(a));
}

void app_layout(app *a)
{
    app_free_windows(a);
    getmaxyx(stdscr, a->rows, a->cols);
    const model *m = model_of(&a->s.obj);
    if (a->hpo)
        hpo_screen_layout(a);
    else if (a->play && a->play->menu)
        layout_menu(&a->lay, a->cols, a->rows);
    else if (a->play && a->play->in_lesson)
        layout_lesson(&a->lay, a->cols, a->rows, a->presenter, a->tab,
                      m && m->type->classifier);
    else
        layout_compute(&a->lay, a->cols, a->rows, a->presenter, a->tab,
                       a->replay ? a->replay->accuracy
                                 : m && m->type->classifier);
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

static void draw_too_small(app *a)
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

void app_draw_panes(app *a, void (*const draw[PANE_COUNT])(app *, WINDOW *))
{
    for (int i = 0; i < PANE_COUNT; i++)
        if (a->win[i] && draw[i]) {
            ui_clear(a->win[i], &a->ui);
            draw[i](a, a->win[i]);
            wnoutrefresh(a->win[i]);
        }
}

void app_render(app *a)
{
    session_settle(&a->s);
    if (a->lay.too_small) {
        draw_too_small(a);
        doupdate();
        return;
    }
    void (*draw[PANE_COUNT])(app *, WINDOW *) = {
        [PANE_TOP] = statusbar_draw_top, [PANE_SURFACE] = panel_surface_draw,
        [PANE_STEP] = panel_step_draw, [PANE_LOSS] = panel_chart_loss,
        [PANE_LR] = panel_chart_lr, [PANE_GRAD] = panel_chart_grad,
        [PANE_ACC] = panel_chart_accuracy,
        [PANE_BOTTOM] = statusbar_draw_bottom,
        [PANE_LESSON] = panel_lesson_draw};
    bool menu = a->play && a->play->menu;
    if (a->replay) {
        draw[PANE_TOP] = replay_top_draw;
        draw[PANE_STEP] = panel_replay_step;
    }
    if (a->hpo)
        hpo_screen_draw(a);
    else if (menu)
        lesson_menu_draw(a);
    else
        app_draw_panes(a, draw);
    if (a->play && !menu)
        play_caption_draw(a);
    if (a->ov == OVERLAY_HELP)
        help_draw(a);
    else if (a->ov == OVERLAY_MENU)
        menu_draw(a);
    else if (a->ov == OVERLAY_PROMPT)
        prompt_draw(a);
    doupdate();
}
