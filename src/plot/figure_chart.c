/* The chart panels over the steps, as on the screen: the loss (log scale
 * when every value is positive; a model's validation loss dashed over
 * it), the learning rate, and the gradient norm (log scale likewise).
 * Each path in its colour. */
#include <math.h>
#include <stdlib.h>

#include "figure.h"

typedef struct {
    unsigned which;
    const char *title;
    bool log;
} chart_spec;

static const chart_spec specs[] = {
    {PLOT_LOSS, "loss", true},
    {PLOT_LR, "learning rate", false},
    {PLOT_GRAD, "‖∇f‖", true},
};

static const double *series(const plot_path *p, unsigned which, bool val)
{
    if (val)
        return which == PLOT_LOSS && p->has_val ? p->val : NULL;
    return which == PLOT_LOSS ? p->loss : which == PLOT_LR ? p->lr : p->grad;
}

/* Widens y (exponents on a log scale) and the steps to every path's
 * values; false when a value ≤ 0 rules the log scale out. */
static bool scan(const plot_figure *fig, unsigned which, fig_axis *y,
                 double *max_step)
{
    for (int i = 0; i < fig->n_paths; i++) {
        const plot_path *p = &fig->paths[i];
        for (int val = 0; val < 2; val++) {
            const double *v = series(p, which, val);
            for (size_t k = 0; v && k < p->n; k++) {
                if (!(fabs(v[k]) <= 1e300))
                    continue;
                if (y->log && !(v[k] > 0.0))
                    return false;
                double a = y->log ? log10(v[k]) : v[k];
                y->lo = fmin(y->lo, a);
                y->hi = fmax(y->hi, a);
                *max_step = fmax(*max_step, p->step[k]);
            }
        }
    }
    return true;
}

/* The range of every series' values, on a log scale when they are all
 * positive and the chart asks for one, padded a little. */
static void ranges(const plot_figure *fig, unsigned which, fig_axis *y,
                   double *max_step)
{
    *max_step = 1.0;
    y->lo = INFINITY;
    y->hi = -INFINITY;
    if (!scan(fig, which, y, max_step)) {
        y->log = false;
        y->lo = INFINITY;
        y->hi = -INFINITY;
        scan(fig, which, y, max_step);
    }
    if (!(y->lo <= y->hi))
        y->lo = 0.0, y->hi = 1.0;
    double pad = (y->hi - y->lo) * 0.05;
    if (pad == 0.0)
        pad = y->log ? 0.5 : y->lo != 0.0 ? fabs(y->lo) * 0.1 : 0.5;
    y->lo -= pad;
    y->hi += pad;
}

static void draw_series(fig_ctx *f, const plot_path *p, const double *v,
                       const fig_axis *x, const fig_axis *y, box b,
                       const canvas_stroke *s)
{
    double *xy = malloc(2 * p->n * sizeof *xy);
    if (!xy)
        return; /* out of memory: the chart goes without this line */
    for (size_t k = 0; k < p->n; k++) {
        xy[2 * k] = fig_axis_px(x, p->step[k]);
        xy[2 * k + 1] = fabs(v[k]) <= 1e300 ? fig_axis_px(y, v[k]) : NAN;
    }
    fig_polyline(f, xy, p->n, b, s);
    free(xy);
}

void fig_chart(fig_ctx *f, unsigned which, box b)
{
    const chart_spec *sp = &specs[0];
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++)
        if (specs[i].which == which)
            sp = &specs[i];
    fig_axis y = {0, 0, sp->log, 0, 0};
    double max_step;
    ranges(f->fig, which, &y, &max_step);
    box p = {b.x + 4.2 * f->fs, b.y + 1.6 * f->fs, 0, 0};
    p.w = b.x + b.w - p.x - 0.6 * f->fs;
    p.h = b.y + b.h - 2.0 * f->fs - p.y;
    if (p.w < 8 || p.h < 8)
        return;
    char title[64];
    snprintf(title, sizeof title, "%s%s", sp->title, y.log ? " (log)" : "");
    fig_text(f, p.x, b.y + 1.0 * f->fs, title, 0.95, f->fg, ANCHOR_START);
    y.p0 = p.y + p.h;
    y.p1 = p.y;
    fig_axis x = {0.0, max_step, false, p.x, p.x + p.w};
    double clip[4] = {p.x, p.y, p.w, p.h};
    char name[32];
    snprintf(name, sizeof name, "chart %s", which == PLOT_LOSS ? "loss"
                                            : which == PLOT_LR ? "lr" : "grad");
    f->ops->group_begin(f->c, name, clip, NULL);
    for (int i = 0; i < f->fig->n_paths; i++) {
        const plot_path *path = &f->fig->paths[i];
        for (int val = 1; val >= 0; val--) {
            const double *v = series(path, which, val);
            canvas_stroke s = {f->th->runs[i].rgb, 0.13 * f->fs, val, 1.0};
            if (v)
                draw_series(f, path, v, &x, &y, p, &s);
        }
    }
    f->ops->group_end(f->c);
    fig_frame(f, p);
    fig_ticks_x(f, &x, p.y + p.h);
    fig_ticks_y(f, &y, p.x);
}
