/* The live screen as a mode: the surface, the step panel and the charts
 * of a session whose runs step live (DESIGN §8). The lesson, demo and
 * replay modes are built on its parts. */
#include <stdio.h>

#include "app.h"
#include "model.h"
#include "panels.h"

static const key_binding *live_keys(const app *a, int *n)
{
    (void)a;
    *n = key_binding_count;
    return key_bindings;
}

void live_layout(app *a)
{
    const model *m = model_of(&a->s.obj);
    layout_compute(&a->lay, a->cols, a->rows, a->presenter, a->tab,
                   m && m->type->classifier);
}

void live_prepare_surface(app *a)
{
    if (a->win[PANE_SURFACE])
        panel_surface_prepare(a, a->win[PANE_SURFACE]);
}

void live_prepare(app *a)
{
    session_settle(&a->s);
    session_doc(&a->s);
    live_prepare_surface(a);
}

void live_draw_with(const app *a, pane_draw top, pane_draw step,
                    pane_draw lesson)
{
    const pane_draw draw[PANE_COUNT] = {
        [PANE_TOP] = top, [PANE_SURFACE] = panel_surface_draw,
        [PANE_STEP] = step, [PANE_LOSS] = panel_chart_loss,
        [PANE_LR] = panel_chart_lr, [PANE_GRAD] = panel_chart_grad,
        [PANE_ACC] = panel_chart_accuracy,
        [PANE_BOTTOM] = statusbar_draw_bottom, [PANE_LESSON] = lesson};
    app_draw_panes(a, draw);
}

void live_draw(const app *a)
{
    live_draw_with(a, statusbar_draw_top, panel_step_draw, NULL);
}

bool live_running(const app *a) { return a->s.running; }

double live_rate(const app *a) { return session_speeds[a->s.speed]; }

long live_advance(app *a, long n, double deadline)
{
    long done = 0;
    while (done < n && a->s.running) {
        if (!session_step(&a->s) || !session_any_running(&a->s)) {
            session_set_running(&a->s, false);
            break;
        }
        done++;
        if (app_now() > deadline)
            break;
    }
    return done;
}

void live_click(app *a, double x, double y)
{
    if (session_sliced(&a->s)) {
        app_message(a, true, "a model starts at its θ0 (--init, --start, "
                             "--seed)");
        return;
    }
    session_set_running(&a->s, false);
    session_set_start(&a->s, x, y);
    app_message(a, false, "start (%.4g, %.4g): runs restarted", x, y);
}

void live_mouse(app *a, const MEVENT *ev)
{
    double x, y;
    if (panel_surface_mouse(a, ev, &x, &y))
        live_click(a, x, y);
}

/* After each change: a run that reached its step limit pauses live
 * running there, and says so. */
void live_updated(app *a)
{
    for (int i = 0; i < a->s.nruns; i++)
        if (session_at_limit(&a->s, i) && a->s.running) {
            session_set_running(&a->s, false);
            app_message(a, false, "paused at the step limit (%ld updates): "
                        "Space or n goes on", a->s.runs[i].limit);
            return;
        }
}

const screen_mode mode_live = {
    .name = "live",
    .keys = live_keys,
    .layout = live_layout,
    .prepare = live_prepare,
    .draw = live_draw,
    .running = live_running,
    .rate = live_rate,
    .advance = live_advance,
    .mouse = live_mouse,
    .updated = live_updated,
    .help_note = "wheel: zoom · drag: pan · click: start · ",
};
