/* The HPO view as a mode: layout, the top bar, the method styles and
 * the replay of the searches in order of cost. Its panels are
 * panel_hpo_*.c, its keys hpo_keys.c. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "app.h"
#include "hpo_style.h"
#include "panels.h"

hpo_style hpo_method_style(const app *a, int method)
{
    static const uint32_t cps[HPO_METHOD_COUNT] = {0x00b7, 0x00d7, 0x25c6,
                                                   0x25cf};
    static const char asc[HPO_METHOD_COUNT] = {'.', 'x', 'o', '@'};
    return (hpo_style){cps[method], asc[method],
                       ui_color(&a->ui, a->ui.th->runs[method])};
}

double hpo_scale_y(double v, double lo, double hi, bool log, int dots)
{
    if (log) {
        v = log10(v);
        lo = log10(lo);
        hi = log10(hi);
    }
    double span = hi > lo ? hi - lo : 1.0;
    return (dots - 1) * (1.0 - (v - lo) / span);
}

static const key_binding *hpo_keys(const app *a, int *n)
{
    (void)a;
    *n = hpo_key_binding_count;
    return hpo_key_bindings;
}

static void hpo_layout(app *a)
{
    layout_hpo(&a->lay, a->cols, a->rows);
}

static void draw_top(const app *a, WINDOW *w)
{
    const ui_env *u = &a->ui;
    const hpo_view *v = a->ms;
    int width = getmaxx(w);
    char right[96], left[160];
    snprintf(right, sizeof right, "%ld of %ld %s %s", v->clock,
             hpo_view_total(v), v->cost_name,
             hpo_view_done(v) ? "■ done" : v->running ? "▶ running" : "⏸ paused");
    int rw = ui_width(u, right) + 2;
    snprintf(left, sizeof left, "hpo  %s", v->what);
    statusbar_title(w, u, left, width - rw);
    ui_role_set(w, u, ROLE_BAR, 0);
    ui_puts(w, u, 0, width - rw + 1, rw - 1, right);
}

static void hpo_draw(const app *a)
{
    static const pane_draw draw[PANE_COUNT] = {
        [PANE_TOP] = draw_top, [PANE_SURFACE] = panel_hpo_curve,
        [PANE_LOSS] = panel_hpo_best, [PANE_STEP] = panel_hpo_legend,
        [PANE_BOTTOM] = statusbar_draw_bottom};
    app_draw_panes(a, draw);
}

static bool hpo_running(const app *a)
{
    const hpo_view *v = a->ms;
    return v->running;
}

static double hpo_rate(const app *a)
{
    const hpo_view *v = a->ms;
    return session_speeds[v->speed];
}

/* Evaluation events, in order of cost. */
static long hpo_advance(app *a, long n, double deadline)
{
    (void)deadline;
    hpo_view *v = a->ms;
    long done = 0;
    while (done < n && hpo_view_step(v) == 0)
        done++;
    if (done < n)
        v->running = false;
    return done;
}

const screen_mode mode_hpo = {
    .name = "hpo",
    .keys = hpo_keys,
    .layout = hpo_layout,
    .draw = hpo_draw,
    .running = hpo_running,
    .rate = hpo_rate,
    .advance = hpo_advance,
    .help_note = "",
};

int tui_hpo_main(hpo_view *v)
{
    int rc = tui_need_tty("'descent hpo' without --tui");
    if (rc)
        return rc;
    v->speed = 3; /* 10 evaluations a second: the grid's 101 in 10 s */
    return tui_run_screen(tui_screen_app(&mode_hpo, v));
}
