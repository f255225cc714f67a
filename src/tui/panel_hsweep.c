/* The h-sweep panel, in the surface's place (u, or a lesson's `view:
 * h-sweep`): the gradient check's relative error against h at the
 * focused run's θ, both on log axes, central differences in the first
 * run colour and forward ones in the second: the U of truncation (right,
 * large h) against rounding (left, small h). The run's h is a vertical
 * line (← → move it a quarter decade), each curve's lowest point a star,
 * and a quotient that divides by a vanished step (x + h == x, float32)
 * a ✗ on the top edge. Legend: the error at h and the best h of each. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "panels.h"
#include "ticks.h"

enum { LABEL_W = 6, DECADES_X = 16, DECADES_Y = 16 };

typedef struct {
    const app *a;
    WINDOW *w;
    int py, px, ph, pw;     /* plot area in the window */
} plot;

/* Dot positions: h over [1e-16, 1], the error over [1e-16, 1] (zero
 * at the bottom edge, above 1 at the top). */
static double dot_x(const plot *p, double h)
{
    return (log10(h) + DECADES_X) / DECADES_X * (2 * p->pw - 1);
}

static double dot_y(const plot *p, double err)
{
    double e = err > 0 ? log10(err) : -DECADES_Y;
    e = fmin(fmax(e, -DECADES_Y), 0.0);
    return (4 * p->ph - 1) * (-e / DECADES_Y);
}

static tcolor method_color(const app *a, int m)
{
    return a->ui.th->runs[m];
}

static void draw_curves(const plot *p, const hsweep *s)
{
    const ui_env *u = &p->a->ui;
    braille_canvas cv;
    if (braille_init(&cv, p->pw, p->ph) < 0)
        return;
    /* Forward first: central, the better one, is drawn over it. */
    for (int m = HSWEEP_METHODS - 1; m >= 0; m--) {
        bool have = false;
        double x0 = 0, y0 = 0;
        for (size_t i = 0; i < s->n; i++) {
            double e = s->err[m][i];
            double x = dot_x(p, s->h[i]), y = dot_y(p, e);
            if (!isnan(e) && have)
                braille_line(&cv, x0, y0, x, y, m);
            have = !isnan(e);
            x0 = x, y0 = y;
        }
    }
    int bg = ui_color(u, u->th->bg);
    for (int j = 0; j < p->ph; j++)
        for (int i = 0; i < p->pw; i++) {
            uint8_t mask = cv.dots[j * p->pw + i];
            if (mask)
                ui_cell(p->w, u, p->py + j, p->px + i,
                        braille_codepoint(mask), braille_ascii(mask),
                        ui_color(u, method_color(p->a, cv.color[j * p->pw + i])),
                        bg, A_BOLD);
        }
    braille_free(&cv);
}

static void glyph(const plot *p, double x, double y, uint32_t cp, char ascii,
                  int m)
{
    const ui_env *u = &p->a->ui;
    int cx = (int)floor(x / 2), cy = (int)floor(y / 4);
    if (cx < 0 || cy < 0 || cx >= p->pw || cy >= p->ph)
        return;
    ui_cell(p->w, u, p->py + cy, p->px + cx, cp, ascii,
            ui_color(u, method_color(p->a, m)), ui_color(u, u->th->bg),
            A_BOLD);
}

/* ✗ on the top edge where a quotient is 0/0; a star at each best. */
static void draw_marks(const plot *p, const hsweep *s)
{
    for (int m = HSWEEP_METHODS - 1; m >= 0; m--)
        for (size_t i = 0; i < s->n; i++)
            if (isnan(s->err[m][i]))
                glyph(p, dot_x(p, s->h[i]), 0, 0x2717, 'x', m);
    for (int m = HSWEEP_METHODS - 1; m >= 0; m--)
        if (s->best[m] < s->n)
            glyph(p, dot_x(p, s->h[s->best[m]]),
                  dot_y(p, s->err[m][s->best[m]]), 0x2605, '*', m);
}

/* The run's h: a dotted vertical line through the plot. */
static void draw_h(const plot *p, double h)
{
    const ui_env *u = &p->a->ui;
    int cx = (int)floor(dot_x(p, h) / 2);
    if (!(h > 0) || cx < 0 || cx >= p->pw)
        return;
    ui_role_set(p->w, u, ROLE_ACCENT, 0);
    for (int j = 0; j < p->ph; j++)
        if ((mvwinch(p->w, p->py + j, p->px + cx) & A_CHARTEXT) == ' ')
            ui_puts(p->w, u, p->py + j, p->px + cx, 1, u->utf8 ? "┊" : ":");
}

static void draw_axes(const plot *p)
{
    const ui_env *u = &p->a->ui;
    WINDOW *w = p->w;
    ui_axes_frame(w, u, p->py, p->px, p->ph, p->pw);
    ui_role_set(w, u, ROLE_DIM, 0);
    /* Error labels: every few decades that have a row of their own. */
    int every = p->ph >= 16 ? 2 : p->ph >= 8 ? 4 : 8;
    for (int k = 0; k <= DECADES_Y; k += every) {
        int row = (int)floor(dot_y(p, pow(10.0, -k)) / 4);
        char label[16];
        ticks_decade(-k, label, sizeof label);
        ui_puts(w, u, p->py + row, 1, LABEL_W - 1, label);
    }
    /* h labels every 1, 2, 4 or 8 decades, as many as fit ("1e-16"
     * and a space each). */
    int ay = p->py + p->ph, step = 1;
    while (step < 16 && p->pw * step < 6 * DECADES_X)
        step *= 2;
    for (int k = 0; k >= -DECADES_X; k -= step) {
        int cx = p->px + (int)floor(dot_x(p, pow(10.0, k)) / 2);
        char label[16];
        ticks_decade(k, label, sizeof label);
        int len = (int)strlen(label), lx = cx - len / 2;
        if (lx + len > p->px + p->pw)
            lx = p->px + p->pw - len;
        ui_role_set(w, u, ROLE_BORDER, 0);
        ui_puts(w, u, ay, cx, 1, "┬");
        ui_role_set(w, u, ROLE_DIM, 0);
        ui_puts(w, u, ay + 1, lx < 1 ? 1 : lx, len, label);
    }
}

/* "━ central 2.9e-09 ★ h 1e-05: 7.8e-12": the error at the run's h, the
 * best h and its error, for each method. */
static void draw_legend(const plot *p, const hsweep_view *v, int y)
{
    static const char *const names[HSWEEP_METHODS] = {"central", "forward"};
    const ui_env *u = &p->a->ui;
    for (int m = 0; m < HSWEEP_METHODS; m++) {
        char best[48] = "";
        size_t b = v->s.best[m];
        if (b < v->s.n)
            snprintf(best, sizeof best, " ★ h %.2g: %.2g", v->s.h[b],
                     v->s.err[m][b]);
        ui_role_set(p->w, u, (ui_role)(ROLE_RUN0 + m), A_BOLD);
        int x = 1 + ui_printf(p->w, u, y + m, 1, getmaxx(p->w) - 2, "━ %s",
                              names[m]);
        ui_role_set(p->w, u, ROLE_TEXT, 0);
        ui_printf(p->w, u, y + m, x, getmaxx(p->w) - 1 - x, " %.2g%s",
                  v->at[m], best);
    }
}

void panel_hsweep_draw(const app *a, WINDOW *w)
{
    const hsweep_view *v = &a->hs;
    const run *r = session_focused_c(&a->s);
    char title[200], pt[64] = "";
    if (r->n == 2)
        snprintf(pt, sizeof pt, " (%.4g, %.4g)", r->theta[0], r->theta[1]);
    for (int brevity = 0; brevity < 3; brevity++) {
        snprintf(title, sizeof title, "%s at θ%s · h %.2g%s",
                 brevity < 2 ? "h sweep: rel. error of ∇f" : "h sweep",
                 brevity < 1 ? pt : "", r->s.h,
                 r->obj->single ? " · float32" : "");
        if (ui_width(&a->ui, title) <= getmaxx(w) - 6)
            break;
    }
    ui_box(w, &a->ui, title, false);
    int h = getmaxy(w), wd = getmaxx(w);
    if (!v->ok) {
        ui_role_set(w, &a->ui, ROLE_DIM, 0);
        ui_puts(w, &a->ui, 1, 2, wd - 4, v->why);
        return;
    }
    int legend = h >= 14 ? 2 : 0;
    plot p = {a, w, 1, 1 + LABEL_W, h - 4 - legend, wd - 2 - LABEL_W};
    if (p.ph >= 2 && p.pw >= 8) {
        draw_curves(&p, &v->s);
        draw_h(&p, v->h);
        draw_marks(&p, &v->s);
        draw_axes(&p);
    }
    if (legend)
        draw_legend(&p, v, h - 1 - legend);
    ui_role_set(w, &a->ui, ROLE_DIM, 0);
    const char *keys = " ← → h ÷× 10^¼ · u surface ";
    int kw = ui_width(&a->ui, keys);
    if (kw < wd - 4)
        ui_puts(w, &a->ui, h - 1, wd - 2 - kw, kw, keys);
}
