/* Charts over steps in braille: loss (log scale), learning rate and the
 * gradient norm (raw and, with clipping on, clipped). Every run is drawn
 * in its colour; the x axis stretches to hold the whole run. */
#include <math.h>
#include <stdio.h>

#include "app.h"
#include "panels.h"
#include "ticks.h"

/* The value a series has at row i, NaN where it has none. */
typedef double (*series_fn)(const hist_row *rows, size_t i);

typedef struct {
    const char *title;
    bool log;             /* log scale when every value is > 0 */
    series_fn main, clipped;
} chart_spec;

enum { LABEL_W = 8, MIN_STEPS = 100, TAG_CLIPPED = 8 };

static double s_loss(const hist_row *r, size_t i) { return r[i].loss; }
static double s_lr(const hist_row *r, size_t i) { return r[i].lr; }
/* Update t used the raw gradient at θ_{t-1} and its clipped ĝ_t. */
static double s_raw(const hist_row *r, size_t i)
{
    return i ? r[i - 1].grad_norm : NAN;
}
static double s_clipped(const hist_row *r, size_t i)
{
    return i ? r[i].gclip_norm : NAN;
}

typedef struct {
    double lo, hi;
    bool log;
    size_t steps;
} chart_range;

static bool usable(double v, bool log) { return isfinite(v) && (!log || v > 0.0); }

static chart_range find_range(const app *a, const chart_spec *sp)
{
    chart_range cr = {INFINITY, -INFINITY, sp->log, 0};
    for (int pass = 0; pass < 2; pass++) {
        cr.lo = INFINITY, cr.hi = -INFINITY;
        for (int k = 0; k < a->s.nruns; k++) {
            const hist *h = &a->s.runs[k].h;
            if (h->nrows > cr.steps)
                cr.steps = h->nrows;
            for (size_t i = 0; i < h->nrows; i++) {
                double v = sp->main(h->rows, i);
                if (!isfinite(v))
                    continue;
                if (cr.log && !(v > 0.0)) {
                    cr.log = false; /* a value ≤ 0: fall back to linear */
                    break;
                }
                cr.lo = fmin(cr.lo, v);
                cr.hi = fmax(cr.hi, v);
            }
        }
        if (cr.log == sp->log)
            break;
    }
    return cr;
}

static double scaled(const chart_range *cr, double v) { return cr->log ? log10(v) : v; }

/* Per dot column, a vertical stroke from the lowest to the highest value
 * in it, joined to the next column: exact for short runs, an envelope for
 * long ones, and linear in the run's length either way. */
static void plot_series(braille_canvas *cv, const hist *h, series_fn fn,
                        const chart_range *cr, double xmax, int tag)
{
    double lo = scaled(cr, cr->lo), hi = scaled(cr, cr->hi);
    double yspan = hi > lo ? hi - lo : 1.0;
    int dots_w = 2 * cv->w, dots_h = 4 * cv->h, col = -1;
    double cmin = 0, cmax = 0, last = 0;
    for (size_t i = 0; i < h->nrows; i++) {
        double v = fn(h->rows, i);
        if (!usable(v, cr->log))
            continue;
        int px = (int)((double)i / xmax * (dots_w - 1));
        double py = (dots_h - 1) * (1.0 - (scaled(cr, v) - lo) / yspan);
        if (px != col) {
            if (col >= 0) {
                braille_line(cv, col, cmin, col, cmax, tag);
                braille_line(cv, col, last, px, py, tag);
            }
            col = px;
            cmin = cmax = py;
        }
        cmin = fmin(cmin, py);
        cmax = fmax(cmax, py);
        last = py;
    }
    if (col >= 0)
        braille_line(cv, col, cmin, col, cmax, tag);
}

static void draw_plot(app *a, WINDOW *w, const chart_spec *sp,
                      const chart_range *cr, int y, int x, int ph, int pw)
{
    braille_canvas cv;
    if (braille_init(&cv, pw, ph) < 0)
        return;
    double xmax = cr->steps > MIN_STEPS ? (double)(cr->steps - 1) : MIN_STEPS;
    for (int k = 0; k < a->s.nruns; k++)
        plot_series(&cv, &a->s.runs[k].h, sp->main, cr, xmax, k);
    const run *f = session_focused(&a->s);
    if (sp->clipped && f->s.clip.mode != CLIP_NONE)
        plot_series(&cv, &a->s.runs[a->s.focus].h, sp->clipped, cr, xmax,
                    TAG_CLIPPED);
    const ui_env *u = &a->ui;
    int bg = ui_color(u, u->th->bg);
    for (int j = 0; j < ph; j++)
        for (int i = 0; i < pw; i++) {
            uint8_t m = cv.dots[j * pw + i];
            if (!m)
                continue;
            int tag = cv.color[j * pw + i];
            tcolor c = tag == TAG_CLIPPED ? u->th->accent : u->th->runs[tag];
            ui_cell(w, u, y + j, x + i, braille_codepoint(m), braille_ascii(m),
                    ui_color(u, c), bg, A_BOLD);
        }
    braille_free(&cv);
}

static void draw_chart(app *a, WINDOW *w, const chart_spec *sp)
{
    const ui_env *u = &a->ui;
    int h = getmaxy(w), wd = getmaxx(w);
    chart_range cr = find_range(a, sp);
    const hist *fh = &a->s.runs[a->s.focus].h;
    double now = fh->nrows ? sp->main(fh->rows, fh->nrows - 1) : NAN;
    if (sp->main == s_raw)
        now = session_focused(&a->s)->grad_norm;
    char title[96], num[16];
    numfmt(now, 9, num);
    snprintf(title, sizeof title, "%s%s %s", sp->title,
             cr.log ? " (log)" : "", num);
    ui_box(w, u, title, false);
    int ph = h - 3, pw = wd - 2 - LABEL_W;
    if (ph < 1 || pw < 4 || !(cr.hi >= cr.lo))
        return;
    ui_role_set(w, u, ROLE_DIM, 0);
    numfmt(cr.hi, LABEL_W - 1, num);
    ui_puts(w, u, 1, 1, LABEL_W, num);
    numfmt(cr.lo, LABEL_W - 1, num);
    ui_puts(w, u, ph, 1, LABEL_W, num);
    size_t last = cr.steps > MIN_STEPS ? cr.steps - 1 : MIN_STEPS;
    ui_puts(w, u, h - 2, 1 + LABEL_W, 2, "0");
    ui_printf(w, u, h - 2, wd - 8, 7, "%7zu", last);
    draw_plot(a, w, sp, &cr, 1, 1 + LABEL_W, ph, pw);
}

void panel_chart_loss(app *a, WINDOW *w)
{
    static const chart_spec sp = {"loss", true, s_loss, NULL};
    draw_chart(a, w, &sp);
}

void panel_chart_lr(app *a, WINDOW *w)
{
    static const chart_spec sp = {"learning rate", false, s_lr, NULL};
    draw_chart(a, w, &sp);
}

void panel_chart_grad(app *a, WINDOW *w)
{
    static const chart_spec sp = {"‖g‖ raw·clipped", true, s_raw, s_clipped};
    draw_chart(a, w, &sp);
}
