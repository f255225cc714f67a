/* Axes, text and lines shared by the figure's panels. Ticks fall on the
 * same nice numbers as the screen's (ticks.c); log axes tick whole
 * decades, written 10⁻³, or 1, 2 and 5 times them when fewer than two
 * decades fall inside. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "grow.h"
#include "ticks.h"

enum { MAX_TICKS = 32 };

double fig_axis_px(const fig_axis *a, double v)
{
    if (a->log) {
        if (!(v > 0.0))
            return NAN;
        v = log10(v);
    }
    return a->p0 + (v - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0);
}

void fig_text(fig_ctx *f, double x, double y, const char *s, double scale,
              uint32_t color, text_anchor anchor)
{
    canvas_font ft = {f->fs * scale, color, anchor, false, false};
    f->ops->text(f->c, x, y, s, &ft);
}

/* "10⁻³": superscript digits and sign after the 10. */
static void power_label(int k, char *buf, size_t cap)
{
    static const char *const sup[] = {"⁰", "¹", "²", "³", "⁴",
                                      "⁵", "⁶", "⁷", "⁸", "⁹"};
    char digits[16];
    snprintf(digits, sizeof digits, "%d", abs(k));
    snprintf(buf, cap, "10%s", k < 0 ? "⁻" : "");
    for (const char *d = digits; *d; d++)
        strncat(buf, sup[*d - '0'], cap - strlen(buf) - 1);
}

/* 1, 2 and 5 times the powers of ten inside a log axis. */
static int log_steps(const fig_axis *a, double *v, char (*label)[32])
{
    int n = 0;
    for (int k = (int)floor(a->lo) - 1; k <= (int)ceil(a->hi); k++)
        for (int m = 1; m <= 5 && n < MAX_TICKS; m += m == 1 ? 1 : 3) {
            double x = m * pow(10.0, k), e = log10(x);
            if (e >= a->lo && e <= a->hi) {
                v[n] = x;
                snprintf(label[n++], 32, "%g", x);
            }
        }
    return n;
}

/* The ticks of a (values in data units) and their labels. */
static int ticks(const fig_axis *a, int want, double *v,
                 char (*label)[32])
{
    int n;
    /* Whole decades when at least two fall inside. */
    if (a->log && floor(a->hi) - ceil(a->lo) >= 1.0) {
        int step = (int)ceil((a->hi - a->lo) / want);
        if (step < 1)
            step = 1;
        n = 0;
        for (int k = (int)ceil(a->lo); k <= a->hi + 1e-9 && n < MAX_TICKS;
             k++)
            if (k % step == 0) {
                v[n] = pow(10.0, k);
                power_label(k, label[n++], 32);
            }
        return n;
    }
    if (a->log && (n = log_steps(a, v, label)) >= 2)
        return n;
    double lo = a->log ? pow(10.0, a->lo) : a->lo;
    double hi = a->log ? pow(10.0, a->hi) : a->hi;
    n = ticks_nice(lo, hi, want, v, MAX_TICKS);
    double step = ticks_step(lo, hi, want);
    for (int i = 0; i < n; i++)
        ticks_label(v[i], step, label[i], 32);
    return n;
}

static void tick_line(fig_ctx *f, double x0, double y0, double x1, double y1)
{
    double xy[4] = {x0, y0, x1, y1};
    canvas_stroke s = {f->dim, 1.0, false, 1.0};
    f->ops->polyline(f->c, xy, 2, &s);
}

void fig_ticks_x(fig_ctx *f, const fig_axis *a, double y)
{
    double v[MAX_TICKS];
    char label[MAX_TICKS][32];
    double len = fabs(a->p1 - a->p0), size = 0.8 * f->fs;
    int n = ticks(a, (int)(len / (5.0 * f->fs)) + 2, v, label);
    double free_from = -INFINITY;
    for (int i = 0; i < n; i++) {
        double x = fig_axis_px(a, v[i]);
        tick_line(f, x, y, x, y + 0.35 * f->fs);
        double w = canvas_text_width(label[i], size);
        if (x - w / 2 < free_from)
            continue; /* would run into its neighbour */
        fig_text(f, x, y + 1.35 * f->fs, label[i], 0.8, f->dim, ANCHOR_MIDDLE);
        free_from = x + w / 2 + 0.5 * f->fs;
    }
}

void fig_ticks_y(fig_ctx *f, const fig_axis *a, double x)
{
    double v[MAX_TICKS];
    char label[MAX_TICKS][32];
    double len = fabs(a->p1 - a->p0);
    int n = ticks(a, (int)(len / (2.5 * f->fs)) + 2, v, label);
    for (int i = 0; i < n; i++) {
        double y = fig_axis_px(a, v[i]);
        tick_line(f, x - 0.35 * f->fs, y, x, y);
        fig_text(f, x - 0.5 * f->fs, y + 0.28 * f->fs, label[i], 0.8, f->dim,
                 ANCHOR_END);
    }
}

void fig_frame(fig_ctx *f, box b)
{
    canvas_stroke edge = {f->dim, 1.0, false, 1.0};
    double xy[10] = {b.x, b.y, b.x + b.w, b.y, b.x + b.w, b.y + b.h,
                     b.x, b.y + b.h, b.x, b.y};
    f->ops->polyline(f->c, xy, 5, &edge);
}

/* Liang and Barsky: the part of the segment p→q inside the box r as
 * parameters [*t0, *t1] of it; false when none is. */
static bool clip_segment(const double *p, const double *q, const double *r,
                         double *t0, double *t1)
{
    double d[2] = {q[0] - p[0], q[1] - p[1]};
    *t0 = 0.0;
    *t1 = 1.0;
    for (int k = 0; k < 4; k++) {
        int axis = k / 2;
        double lo = r[2 * axis], hi = r[2 * axis + 1];
        double num = k % 2 ? hi - p[axis] : p[axis] - lo;
        double den = k % 2 ? d[axis] : -d[axis];
        if (den == 0.0) {
            if (num < 0.0)
                return false;
        } else {
            double t = num / den;
            if (den < 0.0) {
                if (t > *t0)
                    *t0 = t;
            } else if (t < *t1) {
                *t1 = t;
            }
        }
    }
    return *t0 <= *t1;
}

typedef struct {
    double *xy;
    size_t n, cap;
} points;

static void add_point(points *pts, double x, double y)
{
    if (pts->n && hypot(x - pts->xy[2 * pts->n - 2],
                        y - pts->xy[2 * pts->n - 1]) < 0.02)
        return;
    double *p = grow(pts->xy, &pts->cap, pts->n, 2 * sizeof *p, 256);
    if (!p)
        return; /* out of memory: the line stops short */
    pts->xy = p;
    pts->xy[2 * pts->n] = x;
    pts->xy[2 * pts->n + 1] = y;
    pts->n++;
}

static void flush(fig_ctx *f, points *pts, const canvas_stroke *s)
{
    if (pts->n >= 2)
        f->ops->polyline(f->c, pts->xy, pts->n, s);
    pts->n = 0;
}

void fig_polyline(fig_ctx *f, const double *xy, size_t n, box b,
                  const canvas_stroke *s)
{
    double r[4] = {b.x - b.w, b.x + 2 * b.w, b.y - b.h, b.y + 2 * b.h};
    points pts = {0};
    for (size_t i = 1; i < n; i++) {
        const double *p = xy + 2 * (i - 1), *q = xy + 2 * i;
        double t0, t1;
        if (isnan(p[0] + p[1] + q[0] + q[1]) ||
            !clip_segment(p, q, r, &t0, &t1)) {
            flush(f, &pts, s);
            continue;
        }
        if (t0 > 0.0)
            flush(f, &pts, s); /* coming back in: a new line */
        add_point(&pts, p[0] + t0 * (q[0] - p[0]), p[1] + t0 * (q[1] - p[1]));
        add_point(&pts, p[0] + t1 * (q[0] - p[0]), p[1] + t1 * (q[1] - p[1]));
        if (t1 < 1.0)
            flush(f, &pts, s); /* gone out */
    }
    flush(f, &pts, s);
    free(pts.xy);
}
