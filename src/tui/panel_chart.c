/* Charts over steps in braille: loss (log scale), learning rate, the
 * gradient norm (raw and, with clipping on, clipped) and, for
 * classifiers, accuracy. Every run is drawn in its colour; the focused
 * run's companion series (validation loss and accuracy, clipped norm)
 * over them in the theme's second-series colour, its minibatch loss
 * under them dimmed; a legend in the bottom border names them. The x
 * axis stretches to hold the whole run. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "panels.h"
#include "ticks.h"

/* The value a series has at row i, NaN where it has none. */
typedef double (*series_fn)(const hist_row *rows, size_t i);

typedef struct {
    const char *title;
    bool log;             /* log scale when every value is > 0 */
    series_fn main;
    series_fn over;       /* focused run, second colour; NULL: none */
    const char *over_name; /* in the title beside its last value */
    series_fn under;      /* focused run, dimmed; NULL: none */
    bool over_clip_only;  /* over is drawn only with clipping on */
    const char *names[3]; /* the legend's: main, over, under */
} chart_spec;

enum { LABEL_W = 8, MIN_STEPS = 100, TAG_OVER = 8, TAG_UNDER };

static double s_loss(const hist_row *r, size_t i) { return r[i].loss; }
static double s_val(const hist_row *r, size_t i) { return r[i].val_loss; }
static double s_batch(const hist_row *r, size_t i) { return r[i].batch_loss; }
static double s_acc(const hist_row *r, size_t i) { return r[i].train_acc; }
static double s_val_acc(const hist_row *r, size_t i) { return r[i].val_acc; }
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

/* Widens cr to a series' values; false when a value ≤ 0 rules out the
 * log scale. */
static bool cover(chart_range *cr, const hist *h, series_fn fn)
{
    for (size_t i = 0; fn && i < h->nrows; i++) {
        double v = fn(h->rows, i);
        if (!isfinite(v))
            continue;
        if (cr->log && !(v > 0.0))
            return false;
        cr->lo = fmin(cr->lo, v);
        cr->hi = fmax(cr->hi, v);
    }
    return true;
}

static bool over_shown(const app *a, const chart_spec *sp)
{
    return sp->over && (!sp->over_clip_only ||
                        a->s.runs[a->s.focus].r.s.clip.mode != CLIP_NONE);
}

static chart_range find_range(const app *a, const chart_spec *sp)
{
    chart_range cr = {INFINITY, -INFINITY, sp->log, 0};
    const hist *fh = &a->s.runs[a->s.focus].h;
    for (int pass = 0; pass < 2; pass++) {
        cr.lo = INFINITY, cr.hi = -INFINITY;
        bool ok = true;
        for (int k = 0; k < a->s.nruns && ok; k++) {
            const hist *h = &a->s.runs[k].h;
            if (h->nrows > cr.steps)
                cr.steps = h->nrows;
            ok = cover(&cr, h, sp->main);
        }
        if (ok && over_shown(a, sp))
            ok = cover(&cr, fh, sp->over);
        if (ok)
            ok = cover(&cr, fh, sp->under);
        if (ok)
            break;
        cr.log = false; /* a value ≤ 0: fall back to linear */
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

static void draw_plot(const app *a, WINDOW *w, const chart_spec *sp,
                      const chart_range *cr, int y, int x, int ph, int pw)
{
    braille_canvas cv;
    if (braille_init(&cv, pw, ph) < 0)
        return;
    double xmax = cr->steps > MIN_STEPS ? (double)(cr->steps - 1) : MIN_STEPS;
    const hist *fh = &a->s.runs[a->s.focus].h;
    /* A cell shows the colour drawn into it last: the noisy minibatch
     * loss first, the runs, then the focused run's companion. */
    if (sp->under)
        plot_series(&cv, fh, sp->under, cr, xmax, TAG_UNDER);
    for (int k = 0; k < a->s.nruns; k++)
        plot_series(&cv, &a->s.runs[k].h, sp->main, cr, xmax, k);
    if (over_shown(a, sp))
        plot_series(&cv, fh, sp->over, cr, xmax, TAG_OVER);
    const ui_env *u = &a->ui;
    int bg = ui_color(u, u->th->bg);
    for (int j = 0; j < ph; j++)
        for (int i = 0; i < pw; i++) {
            uint8_t m = cv.dots[j * pw + i];
            if (!m)
                continue;
            int tag = cv.color[j * pw + i];
            tcolor c = tag == TAG_OVER    ? u->th->series2
                       : tag == TAG_UNDER ? u->th->dim
                                          : u->th->runs[tag];
            ui_cell(w, u, y + j, x + i, braille_codepoint(m), braille_ascii(m),
                    ui_color(u, c), bg, A_BOLD);
        }
    braille_free(&cv);
}

/* Whether the focused run's series fn has a value to draw. */
static bool has_values(const app *a, series_fn fn)
{
    const hist *h = &a->s.runs[a->s.focus].h;
    return fn && h->nrows && isfinite(fn(h->rows, h->nrows - 1));
}

/* One legend entry in the bottom border: a stroke and the name in the
 * series' colour. Returns the new x. */
static int legend_entry(WINDOW *w, const ui_env *u, int x, ui_role role,
                        const char *name)
{
    char buf[48];
    snprintf(buf, sizeof buf, " ━ %s", name);
    ui_role_set(w, u, role, A_BOLD);
    return x + ui_puts(w, u, getmaxy(w) - 1, x, getmaxx(w) - 2 - x, buf);
}

/* Which line is which: every run by its number when runs are compared,
 * else the main series by name, and the focused run's companions. */
static void draw_legend(const app *a, WINDOW *w, const chart_spec *sp)
{
    const ui_env *u = &a->ui;
    bool over = over_shown(a, sp) && has_values(a, sp->over);
    bool under = has_values(a, sp->under);
    if (a->s.nruns == 1 && !over && !under)
        return; /* one line: the title names it */
    int x = 1;
    for (int k = 0; k < a->s.nruns; k++) {
        char name[32];
        if (a->s.nruns > 1)
            snprintf(name, sizeof name, "%d", k + 1);
        else
            snprintf(name, sizeof name, "%s", sp->names[0]);
        x = legend_entry(w, u, x, (ui_role)(ROLE_RUN0 + k), name);
    }
    if (over)
        x = legend_entry(w, u, x, ROLE_SERIES2, sp->names[1]);
    if (under)
        x = legend_entry(w, u, x, ROLE_DIM, sp->names[2]);
    ui_role_set(w, u, ROLE_BORDER, 0);
    ui_puts(w, u, getmaxy(w) - 1, x, 1, " ");
}

static void draw_chart(const app *a, WINDOW *w, const chart_spec *sp)
{
    const ui_env *u = &a->ui;
    int h = getmaxy(w), wd = getmaxx(w);
    chart_range cr = find_range(a, sp);
    const hist *fh = &a->s.runs[a->s.focus].h;
    double now = fh->nrows ? sp->main(fh->rows, fh->nrows - 1) : NAN;
    if (sp->main == s_raw)
        now = session_focused_c(&a->s)->grad_norm;
    /* The fullest title that fits: the scale, then the companion's
     * value, are left out on narrow charts. */
    char title[128], num[16], other[32] = "";
    double o = sp->over_name && fh->nrows ? sp->over(fh->rows, fh->nrows - 1)
                                          : NAN;
    if (!isnan(o)) {
        numfmt(o, 9, num);
        snprintf(other, sizeof other, " · %s %s", sp->over_name,
                 num + strspn(num, " "));
    }
    numfmt(now, 9, num);
    for (int brevity = 0; brevity < 3; brevity++) {
        snprintf(title, sizeof title, "%s%s %s%s", sp->title,
                 cr.log && brevity < 1 ? " (log)" : "", num,
                 brevity < 2 ? other : "");
        if (ui_width(u, title) <= wd - 6)
            break;
    }
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
    draw_legend(a, w, sp);
}

void panel_chart_loss(const app *a, WINDOW *w)
{
    /* Models: the validation loss over the training loss (NaN for
     * built-ins and without validation rows, so nothing is drawn), the
     * minibatches' loss under it. */
    static const chart_spec sp = {"loss", true, s_loss, s_val, "val",
                                  s_batch, false, {"train", "val", "batch"}};
    draw_chart(a, w, &sp);
}

void panel_chart_lr(const app *a, WINDOW *w)
{
    static const chart_spec sp = {"learning rate", false, s_lr, NULL, NULL,
                                  NULL, false, {"α"}};
    draw_chart(a, w, &sp);
}

void panel_chart_grad(const app *a, WINDOW *w)
{
    static const chart_spec sp = {"‖g‖ raw·clipped", true, s_raw, s_clipped,
                                  NULL, NULL, true, {"raw", "clipped"}};
    draw_chart(a, w, &sp);
}

void panel_chart_accuracy(const app *a, WINDOW *w)
{
    static const chart_spec sp = {"accuracy", false, s_acc, s_val_acc, "val",
                                  NULL, false, {"train", "val"}};
    draw_chart(a, w, &sp);
}
