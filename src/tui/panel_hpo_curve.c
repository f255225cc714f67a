/* The HPO view's main panel: the validation loss over the
 * hyperparameter on log axes (the curve, sampled before the screen
 * opened; the loss as its excess over the lowest value in view, so the
 * minimum's region is spread over rows however far a diverged lr lies
 * above), each method's evaluations so far marked in its colour and
 * glyph, its latest in reverse video and its running best as a star.
 * Values above the view, or not finite, are marked at the top edge
 * (↑, ✗); z Z zoom about the best, 0 shows it all. */
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
    double hlo, hhi;         /* the h range shown */
    hpo_yscale ys;
} plot;

/* Dot x of h (NaN outside the range shown). */
static double dot_x(const plot *p, double h)
{
    if (!(h >= p->hlo && h <= p->hhi))
        return NAN;
    return log10(h / p->hlo) / log10(p->hhi / p->hlo) * (2 * p->pw - 1);
}

/* Dot y of a value: NaN when not finite, below 0 above the view. */
static double dot_y(const plot *p, double value)
{
    return (4 * p->ph - 1) * (1.0 - hpo_yscale_at(&p->ys, value));
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
        double x = dot_x(p, v->curve_h[i]), y = dot_y(p, v->curve_v[i]);
        bool ok = isfinite(x) && isfinite(y);
        if (ok && have)
            braille_line(&cv, x0, fmax(y0, 0), x, fmax(y, 0), 0);
        x0 = x, y0 = y;
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

/* A glyph at (h, value) if it is in the h range: at the top edge as ↑
 * above the view, ✗ when not finite. */
static void mark(const plot *p, double h, double value, uint32_t cp,
                 char ascii, int fg, attr_t at)
{
    double x = dot_x(p, h), y = dot_y(p, value);
    if (!isfinite(x))
        return;
    if (!isfinite(y))
        cp = 0x2717, ascii = 'x', y = 0;
    else if (y < 0)
        cp = 0x2191, ascii = '^', y = 0;
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
        if (last && isfinite(last->best))
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

/* The loss at a few heights: the best at the bottom, the top, and
 * between them every third row or so. */
static void y_labels(const plot *p)
{
    const ui_env *u = &p->a->ui;
    int want = p->ph / 3 + 1;
    ui_role_set(p->w, u, ROLE_DIM, 0);
    for (int k = 0; k < want; k++) {
        int row = want > 1 ? k * (p->ph - 1) / (want - 1) : 0;
        double uu = 1.0 - (row + 0.5) / p->ph;
        if (row == p->ph - 1)
            uu = 0.0;
        if (row == 0)
            uu = 1.0;
        char num[16];
        numfmt(hpo_yscale_value(&p->ys, uu), LABEL_W - 1, num);
        ui_puts(p->w, u, p->py + row, 1, LABEL_W, num);
    }
}

static void draw_axes(const plot *p)
{
    const ui_env *u = &p->a->ui;
    WINDOW *w = p->w;
    int ay = p->py + p->ph;
    ui_axes_frame(w, u, p->py, p->px, p->ph, p->pw);
    y_labels(p);
    int free_from = p->px - 2;
    for (int k = (int)ceil(log10(p->hlo) - 1e-9);
         k <= (int)floor(log10(p->hhi) + 1e-9); k++) {
        int cx = p->px + (int)floor(dot_x(p, pow(10.0, k)) / 2);
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
    char title[200], best[16];
    plot p = {a, w, 1, 1 + LABEL_W + 1, getmaxy(w) - 4, 0, 0, 0, {0, 0, 0}};
    p.pw = getmaxx(w) - p.px - 1;
    hpo_view_xrange(v, &p.hlo, &p.hhi);
    p.ys = hpo_view_yscale(v);
    numfmt(p.ys.best, 10, best);
    /* The fullest title that fits. */
    const char *zoom = v->zlo > 0.0 ? " (zoomed: 0 shows all)" : "";
    for (int brevity = 0; brevity < 3; brevity++) {
        snprintf(title, sizeof title, "%s over %s%s · log%s %s, loss − %s%s",
                 brevity < 2 ? "validation loss" : "val loss", v->h_name,
                 zoom, brevity < 2 ? " axes:" : ":", v->h_name,
                 best + strspn(best, " "),
                 brevity < 1 ? " · ↑ above, ✗ diverged" : "");
        if (ui_width(&a->ui, title) <= getmaxx(w) - 6)
            break;
    }
    ui_box(w, &a->ui, title, false);
    if (p.ph < 2 || p.pw < 4 || !isfinite(p.ys.top))
        return;
    draw_curve(&p);
    draw_marks(&p);
    draw_axes(&p);
}
