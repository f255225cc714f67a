/* Charts over steps in braille: loss (log scale), learning rate, the
 * gradient norm (raw and, with clipping on, clipped) and, for
 * classifiers, accuracy. Every run is drawn in its colour; the focused
 * run's companion series (validation loss and accuracy, clipped norm)
 * over them in the theme's second-series colour, its minibatch loss
 * under them dimmed; a legend in the bottom border names them. The x
 * axis stretches to hold the whole run. Series are read from the
 * history's bands (hist.h): a chart costs the same at update 10^7 as at
 * 10^3. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "panels.h"
#include "ticks.h"

enum { NO_SERIES = -1 };

typedef struct {
    const char *title;
    bool log;             /* log scale when every value is > 0 */
    hist_series main;
    int over;             /* focused run, second colour; NO_SERIES: none */
    const char *over_name; /* in the title beside its last value */
    int under;            /* focused run, dimmed; NO_SERIES: none */
    bool over_clip_only;  /* over is drawn only with clipping on */
    const char *names[3]; /* the legend's: main, over, under */
    bool ahead;           /* the schedules' rates to come, dashed */
} chart_spec;

/* A schedule is drawn at most AHEAD_MAX updates ahead: every one is
 * stepped, each frame. */
enum { LABEL_W = 8, MIN_STEPS = 100, TAG_OVER = 8, TAG_UNDER, TAG_AHEAD,
       AHEAD_MAX = 100000 };

/* A series of one run as the chart's dot columns see it (hist.h's
 * bands: the lowest, highest, first and last value in each column). */
typedef struct {
    hist_band *col;
    int tag;
    bool dashed;
} chart_line;

typedef struct {
    double lo, hi;
    bool log;
    long steps;
    double xmax;          /* the x axis: steps 0..xmax */
    int cols;             /* dot columns */
    chart_line lines[2 * SESSION_MAX_RUNS + 2];
    int nlines;
    bool ahead;           /* a schedule's rates to come are drawn */
} chart_data;

static bool over_shown(const app *a, const chart_spec *sp)
{
    return sp->over != NO_SERIES &&
           (!sp->over_clip_only ||
            a->s.runs[a->s.focus].r.s.clip.mode != CLIP_NONE);
}

static int add_line(chart_data *cd, const hist *h, int series, double xmax,
                    int tag)
{
    hist_band *col = malloc((size_t)cd->cols * sizeof *col);
    if (!col)
        return -1;
    hist_envelope(h, (hist_series)series, xmax, cd->cols, col);
    cd->lines[cd->nlines++] = (chart_line){col, tag, false};
    return 0;
}

/* Where a run's schedule is drawn to: its next pause (the step limit,
 * or the stretch after it when it stands there), else MIN_STEPS or the
 * schedule's period ahead; 0 when the run has no schedule or has ended. */
static long ahead_end(const session_run *sr)
{
    const run *r = &sr->r;
    if (r->s.sched.kind == SCHED_NONE ||
        (r->status != RUN_RUNNING && r->status != RUN_MAX_STEPS))
        return 0;
    long end = r->s.max_steps;
    if (end == LONG_MAX)
        end = r->step + (r->s.sched.n > MIN_STEPS ? r->s.sched.n : MIN_STEPS);
    else if (r->step >= end)
        end = sr->limit ? r->step + sr->limit : 0;
    if (end - r->step > AHEAD_MAX)
        end = r->step + AHEAD_MAX;
    return end > r->step ? end : 0;
}

/* The rates the run's schedule will give its updates up to end, from
 * its newest α on, dashed. */
static int add_ahead(chart_data *cd, const session_run *sr, long end,
                     double xmax)
{
    const run *r = &sr->r;
    size_t n = (size_t)(end - r->step);
    hist_band *col = malloc((size_t)cd->cols * sizeof *col);
    double *lr = malloc(n * sizeof *lr);
    if (!col || !lr) {
        free(col);
        free(lr);
        return -1;
    }
    for (int c = 0; c < cd->cols; c++)
        col[c] = (hist_band){NAN, NAN, NAN, NAN};
    hist_band_add(&col[hist_column(r->step, xmax, cd->cols)],
                  hist_latest(&sr->h, HS_LR));
    run_lr_ahead(r, lr, n);
    for (size_t k = 0; k < n; k++)
        hist_band_add(&col[hist_column(r->step + 1 + (long)k, xmax, cd->cols)],
                      lr[k]);
    free(lr);
    cd->lines[cd->nlines++] = (chart_line){col, TAG_AHEAD, true};
    cd->ahead = true;
    return 0;
}

static void chart_free(chart_data *cd)
{
    for (int i = 0; i < cd->nlines; i++)
        free(cd->lines[i].col);
    cd->nlines = 0;
}

/* The lines in drawing order (a cell shows the colour drawn into it
 * last: the noisy minibatch loss first, the runs, then the focused
 * run's companion) and the range of their values; the log scale falls
 * back to linear when a value is ≤ 0. */
static int chart_gather(const app *a, const chart_spec *sp, int cols,
                        chart_data *cd)
{
    *cd = (chart_data){INFINITY, -INFINITY, sp->log, 0, 0, cols > 0 ? cols : 1,
                       {{0}}, 0, false};
    long ahead[SESSION_MAX_RUNS] = {0};
    for (int k = 0; k < a->s.nruns; k++) {
        long st = hist_steps(&a->s.runs[k].h);
        if (st > cd->steps)
            cd->steps = st;
    }
    double xmax = cd->steps > MIN_STEPS ? (double)(cd->steps - 1) : MIN_STEPS;
    for (int k = 0; sp->ahead && k < a->s.nruns; k++)
        xmax = fmax(xmax, (double)(ahead[k] = ahead_end(&a->s.runs[k])));
    cd->xmax = xmax;
    const hist *fh = &a->s.runs[a->s.focus].h;
    int rc = 0;
    for (int k = 0; k < a->s.nruns; k++)
        if (ahead[k])
            rc |= add_ahead(cd, &a->s.runs[k], ahead[k], xmax);
    if (sp->under != NO_SERIES)
        rc |= add_line(cd, fh, sp->under, xmax, TAG_UNDER);
    for (int k = 0; k < a->s.nruns; k++)
        rc |= add_line(cd, &a->s.runs[k].h, sp->main, xmax, k);
    if (over_shown(a, sp))
        rc |= add_line(cd, fh, sp->over, xmax, TAG_OVER);
    for (int i = 0; i < cd->nlines; i++)
        for (int c = 0; c < cd->cols; c++) {
            const hist_band *b = &cd->lines[i].col[c];
            if (isnan(b->first))
                continue;
            cd->lo = fmin(cd->lo, b->lo);
            cd->hi = fmax(cd->hi, b->hi);
        }
    if (cd->log && !(cd->lo > 0.0))
        cd->log = false;
    return rc;
}

static double scaled(const chart_data *cd, double v)
{
    return cd->log ? log10(v) : v;
}

/* Per dot column, a vertical stroke from the lowest to the highest value
 * in it, joined from its last value to the next column's first: exact
 * for short runs, an envelope for long ones. */
static void plot_line(braille_canvas *cv, const chart_data *cd,
                      const chart_line *l)
{
    double lo = scaled(cd, cd->lo), hi = scaled(cd, cd->hi);
    double yspan = hi > lo ? hi - lo : 1.0;
    int dots_h = 4 * cv->h, prev = -1;
    double prev_last = 0.0;
#define PY(v) ((dots_h - 1) * (1.0 - (scaled(cd, (v)) - lo) / yspan))
    for (int c = 0; c < cd->cols && c < 2 * cv->w; c++) {
        const hist_band *b = &l->col[c];
        if (isnan(b->first))
            continue;
        if (l->dashed && c / 3 % 2) { /* three dot columns on, three off */
            prev = -1;
            continue;
        }
        if (prev >= 0)
            braille_line(cv, prev, prev_last, c, PY(b->first), l->tag);
        braille_line(cv, c, PY(b->lo), c, PY(b->hi), l->tag);
        prev = c;
        prev_last = PY(b->last);
    }
#undef PY
}

static void draw_plot(const app *a, WINDOW *w, const chart_data *cd, int y,
                      int x, int ph, int pw)
{
    braille_canvas cv;
    if (braille_init(&cv, pw, ph) < 0)
        return;
    for (int i = 0; i < cd->nlines; i++)
        plot_line(&cv, cd, &cd->lines[i]);
    const ui_env *u = &a->ui;
    int bg = ui_color(u, u->th->bg);
    for (int j = 0; j < ph; j++)
        for (int i = 0; i < pw; i++) {
            uint8_t m = cv.dots[j * pw + i];
            if (!m)
                continue;
            int tag = cv.color[j * pw + i];
            tcolor c = tag == TAG_OVER                       ? u->th->series2
                       : tag == TAG_UNDER || tag == TAG_AHEAD ? u->th->dim
                                                             : u->th->runs[tag];
            ui_cell(w, u, y + j, x + i, braille_codepoint(m), braille_ascii(m),
                    ui_color(u, c), bg, A_BOLD);
        }
    braille_free(&cv);
}

/* One legend entry in the bottom border: a stroke and the name in the
 * series' colour. Returns the new x. */
static int legend_entry(WINDOW *w, const ui_env *u, int x, ui_role role,
                        const char *mark, const char *name)
{
    char buf[48];
    snprintf(buf, sizeof buf, " %s %s", mark, name);
    ui_role_set(w, u, role, A_BOLD);
    return x + ui_puts(w, u, getmaxy(w) - 1, x, getmaxx(w) - 2 - x, buf);
}

/* Which line is which: every run by its number when runs are compared,
 * else the main series by name, and the focused run's companions that
 * have values. */
static void draw_legend(const app *a, WINDOW *w, const chart_spec *sp,
                        bool ahead)
{
    const ui_env *u = &a->ui;
    const hist *fh = &a->s.runs[a->s.focus].h;
    bool over = over_shown(a, sp) &&
                isfinite(hist_latest(fh, (hist_series)sp->over));
    bool under = sp->under != NO_SERIES &&
                 isfinite(hist_latest(fh, (hist_series)sp->under));
    if (a->s.nruns == 1 && !over && !under && !ahead)
        return; /* one line: the title names it */
    int x = 1;
    for (int k = 0; k < a->s.nruns; k++) {
        char name[32];
        if (a->s.nruns > 1)
            snprintf(name, sizeof name, "%d", k + 1);
        else
            snprintf(name, sizeof name, "%s", sp->names[0]);
        x = legend_entry(w, u, x, (ui_role)(ROLE_RUN0 + k), "━", name);
    }
    if (over)
        x = legend_entry(w, u, x, ROLE_SERIES2, "━", sp->names[1]);
    if (under)
        x = legend_entry(w, u, x, ROLE_DIM, "━", sp->names[2]);
    if (ahead)
        x = legend_entry(w, u, x, ROLE_DIM, "┄", "schedule ahead");
    ui_role_set(w, u, ROLE_BORDER, 0);
    ui_puts(w, u, getmaxy(w) - 1, x, 1, " ");
}

static void draw_chart(const app *a, WINDOW *w, const chart_spec *sp)
{
    const ui_env *u = &a->ui;
    int h = getmaxy(w), wd = getmaxx(w);
    int ph = h - 3, pw = wd - 2 - LABEL_W;
    chart_data cd;
    if (chart_gather(a, sp, 2 * pw, &cd) < 0) {
        chart_free(&cd);
        return;
    }
    const hist *fh = &a->s.runs[a->s.focus].h;
    double now = sp->main == HS_GRAD_RAW ? session_focused_c(&a->s)->grad_norm
                                         : hist_latest(fh, sp->main);
    /* The fullest title that fits: the scale, then the companion's
     * value, are left out on narrow charts. */
    char title[128], num[16], other[32] = "";
    double o = sp->over_name ? hist_latest(fh, (hist_series)sp->over) : NAN;
    if (!isnan(o)) {
        numfmt(o, 9, num);
        snprintf(other, sizeof other, " · %s %s", sp->over_name,
                 num + strspn(num, " "));
    }
    numfmt(now, 9, num);
    for (int brevity = 0; brevity < 3; brevity++) {
        snprintf(title, sizeof title, "%s%s %s%s", sp->title,
                 cd.log && brevity < 1 ? " (log)" : "", num,
                 brevity < 2 ? other : "");
        if (ui_width(u, title) <= wd - 6)
            break;
    }
    ui_box(w, u, title, false);
    if (ph >= 1 && pw >= 4 && cd.hi >= cd.lo) {
        ui_role_set(w, u, ROLE_DIM, 0);
        numfmt(cd.hi, LABEL_W - 1, num);
        ui_puts(w, u, 1, 1, LABEL_W, num);
        numfmt(cd.lo, LABEL_W - 1, num);
        ui_puts(w, u, ph, 1, LABEL_W, num);
        ui_puts(w, u, h - 2, 1 + LABEL_W, 2, "0");
        ui_printf(w, u, h - 2, wd - 8, 7, "%7ld", (long)cd.xmax);
        draw_plot(a, w, &cd, 1, 1 + LABEL_W, ph, pw);
    }
    bool ahead = cd.ahead;
    chart_free(&cd);
    draw_legend(a, w, sp, ahead);
}

void panel_chart_loss(const app *a, WINDOW *w)
{
    /* Models: the validation loss over the training loss (NaN for
     * built-ins and without validation rows, so nothing is drawn), the
     * minibatches' loss under it. */
    static const chart_spec sp = {"loss", true, HS_LOSS, HS_VAL_LOSS, "val",
                                  HS_BATCH_LOSS, false,
                                  {"train", "val", "batch"}, false};
    draw_chart(a, w, &sp);
}

void panel_chart_lr(const app *a, WINDOW *w)
{
    static const chart_spec sp = {"learning rate", false, HS_LR, NO_SERIES,
                                  NULL, NO_SERIES, false, {"α"}, true};
    draw_chart(a, w, &sp);
}

void panel_chart_grad(const app *a, WINDOW *w)
{
    static const chart_spec sp = {"‖g‖ raw·clipped", true, HS_GRAD_RAW,
                                  HS_GRAD_CLIPPED, NULL, NO_SERIES, true,
                                  {"raw", "clipped"}, false};
    draw_chart(a, w, &sp);
}

void panel_chart_accuracy(const app *a, WINDOW *w)
{
    static const chart_spec sp = {"accuracy", false, HS_TRAIN_ACC,
                                  HS_VAL_ACC, "val", NO_SERIES, false,
                                  {"train", "val"}, false};
    draw_chart(a, w, &sp);
}
