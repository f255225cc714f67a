/* The HPO view's screen: layout, the top bar, the method styles and
 * the replay clock while running. Its panels are panel_hpo_*.c. */
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

void hpo_value_range(const app *a, double *lo, double *hi, bool *log)
{
    const hpo_view *v = a->hpo;
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t i = 0; i < v->curve_n; i++)
        if (isfinite(v->curve_v[i])) {
            *lo = fmin(*lo, v->curve_v[i]);
            *hi = fmax(*hi, v->curve_v[i]);
        }
    for (int m = 0; m < HPO_METHOD_COUNT; m++)
        for (size_t i = 0; i < v->trace[m].n; i++)
            if (isfinite(v->trace[m].e[i].value)) {
                *lo = fmin(*lo, v->trace[m].e[i].value);
                *hi = fmax(*hi, v->trace[m].e[i].value);
            }
    *log = *lo > 0.0 && *hi > 100.0 * *lo;
}

void hpo_screen_layout(app *a)
{
    layout_hpo(&a->lay, a->cols, a->rows);
}

static void draw_top(app *a, WINDOW *w)
{
    const ui_env *u = &a->ui;
    const hpo_view *v = a->hpo;
    int width = getmaxx(w);
    ui_role_set(w, u, ROLE_BAR, 0);
    mvwhline(w, 0, 0, ' ', width);
    char right[96];
    snprintf(right, sizeof right, "%ld of %ld %s %s", v->clock,
             hpo_view_total(v), v->cost_name,
             hpo_view_done(v) ? "■ done" : v->running ? "▶ running" : "⏸ paused");
    int rw = ui_width(u, right) + 2;
    ui_role_set(w, u, ROLE_BAR_DIM, A_BOLD);
    int x = ui_puts(w, u, 0, 0, width, " descent hpo ");
    ui_role_set(w, u, ROLE_BAR, 0);
    ui_printf(w, u, 0, x, width - x - rw, " %s", v->what);
    ui_puts(w, u, 0, width - rw + 1, rw - 1, right);
}

void hpo_screen_draw(app *a)
{
    static void (*const draw[PANE_COUNT])(app *, WINDOW *) = {
        [PANE_TOP] = draw_top, [PANE_SURFACE] = panel_hpo_curve,
        [PANE_LOSS] = panel_hpo_best, [PANE_STEP] = panel_hpo_legend,
        [PANE_BOTTOM] = statusbar_draw_bottom};
    app_draw_panes(a, draw);
}

/* Evaluation events owed at the chosen speed, as live running's
 * updates are (tui.c). */
void hpo_screen_advance(app *a, double dt)
{
    hpo_view *v = a->hpo;
    a->run_credit += dt * session_speeds[v->speed];
    while (a->run_credit >= 1.0) {
        a->run_credit -= 1.0;
        if (hpo_view_step(v) < 0) {
            v->running = false;
            a->run_credit = 0.0;
            break;
        }
    }
}
