/* The HPO view's main panel: the validation loss over the
 * hyperparameter on a log axis (the curve, sampled before the screen
 * opened), each method's evaluations so far marked in its colour and
 * glyph, its latest in reverse video and its running best as a star. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "hpo_style.h"
#include "panels.h"
#include "ticks.h"

enum { LABEL_W = 8 };

typedef struct {
    const app *a;
    WINDOW *w;
    int py, px, ph, pw;      /* plot area in the window */
    double lo, hi;           /* values */
    bool log;
} plot;

/* Dot coordinates of (h, value). */
static void to_dot(const plot *p, double h, double value, double *x,
                   double *y)
{
    const hpo_view *v = p->a->ms;
    double u = log10(h / v->lo) / log10(v->hi / v->lo);
    *x = u * (2 * p->pw - 1);
    *y = hpo_scale_y(value, p->lo, p->hi, p->log, 4 * p->ph);
}

static void draw_curve(const plot *p)
{
    const hpo_view *v = p->a->ms;
    const ui_env *u = &p->a->ui;
    braille_canvas cv;
    if (braille_init(&cv, p->pw, p->ph) < 0)
        return;
    double x0 = 0, y0 = 0;
    bool have = false;
    for (size_t i = 0; i < v->curve_n; i++) {
        double x, y;
        bool ok = isfinite(v->curve_v[i]) && (!p->log || v->curve_v[i] > 0);
        if (ok) {
            to_dot(p, v->curve_h[i], v->curve_v[i], &x, &y);
            if (have)
                braille_line(&cv, x0, y0, x, y, 0);
            x0 = x, y0 = y;
        }
        have = ok;
    }
    int fg = ui_color(u, u->th->dim), bg = ui_color(u, u->th->bg);
    for (int j = 0; j < p->ph; j++)
        for (int i = 0; i < p->pw; i++) {
            uint8_t m = cv.dots[j * p->pw + i];
            if (m)
                ui_cell(p->w, u, p->py + j, p->px + i, braille_codepoint(m),
                        braille_ascii(m), fg, bg, 0);
        }
    braille_free(&cv);
}

/* A glyph at (h, value) if it is on the plot. */
static void mark(const plot *p, double h, double value, uint32_t cp,
                 char ascii, int fg, attr_t at)
{
    double x, y;
    if (!isfinite(value) || (p->log && !(value > 0)))
        return;
    to_dot(p, h, value, &x, &y);
    int cx = (int)floor(x / 2), cy = (int)floor(y / 4);
    if (cx < 0 || cy < 0 || cx >= p->pw || cy >= p->ph)
        return;
    ui_cell(p->w, &p->a->ui, p->py + cy, p->px + cx, cp, ascii, fg,
            ui_color(&p->a->ui, p->a->ui.th->bg), at);
}

static void draw_marks(const plot *p)
{
    const hpo_view *v = p->a->ms;
    for (int m = 0; m < HPO_METHOD_COUNT; m++) {
        hpo_style st = hpo_method_style(p->a, m);
        for (size_t i = 0; i < v->shown[m]; i++) {
            const hpo_eval *e = &v->trace[m].e[i];
            mark(p, e->h, e->value, st.cp, st.ascii, st.fg,
                 A_BOLD | (i + 1 == v->shown[m] ? A_REVERSE : 0));
        }
    }
    for (int m = 0; m < HPO_METHOD_COUNT; m++) {
        const hpo_eval *last = hpo_view_last(v, m);
        if (last)
            mark(p, last->best_h, last->best, 0x2605, '*',
                 hpo_method_style(p->a, m).fg, A_BOLD);
    }
}

/* "0.001", "1", "1e+05": a power of ten as short as it prints. */
static void decade_label(int k, char *buf, size_t cap)
{
    if (k >= -3 && k <= 4)
        snprintf(buf, cap, "%g", pow(10.0, k));
    else
        snprintf(buf, cap, "1e%d", k);
}

static void draw_axes(const plot *p)
{
    const ui_env *u = &p->a->ui;
    const hpo_view *v = p->a->ms;
    WINDOW *w = p->w;
    int ay = p->py + p->ph;
    ui_axes_frame(w, u, p->py, p->px, p->ph, p->pw);
    char num[16];
    ui_role_set(w, u, ROLE_DIM, 0);
    numfmt(p->hi, LABEL_W - 1, num);
    ui_puts(w, u, p->py, 1, LABEL_W, num);
    numfmt(p->lo, LABEL_W - 1, num);
    ui_puts(w, u, ay - 1, 1, LABEL_W, num);
    int free_from = p->px - 2;
    for (int k = (int)ceil(log10(v->lo) - 1e-9); k <= (int)floor(log10(v->hi) + 1e-9); k++) {
        double x, y;
        to_dot(p, pow(10.0, k), p->lo, &x, &y);
        int cx = p->px + (int)floor(x / 2);
        char label[16];
        decade_label(k, label, sizeof label);
        int len = (int)strlen(label), lx = cx - len / 2;
        if (lx + len > p->px + p->pw)
            lx = p->px + p->pw - len; /* the last one, inside the border */
        ui_role_set(w, u, ROLE_BORDER, 0);
        ui_puts(w, u, ay, cx, 1, "┬");
        if (lx < free_from)
            continue;
        ui_role_set(w, u, ROLE_DIM, 0);
        ui_puts(w, u, ay + 1, lx, len, label);
        free_from = lx + len + 1;
    }
}

void panel_hpo_curve(const app *a, WINDOW *w)
{
    const hpo_view *v = a->ms;
    char title[160];
    plot p = {a, w, 1, 1 + LABEL_W + 1, getmaxy(w) - 4, 0, 0, 0, false};
    p.pw = getmaxx(w) - p.px - 1;
    hpo_value_range(a, &p.lo, &p.hi, &p.log);
    snprintf(title, sizeof title, "validation loss over %s (log axis)%s",
             v->h_name, p.log ? ", log values" : "");
    ui_box(w, &a->ui, title, false);
    if (p.ph < 2 || p.pw < 4 || !(p.hi >= p.lo))
        return;
    draw_curve(&p);
    draw_marks(&p);
    draw_axes(&p);
}
