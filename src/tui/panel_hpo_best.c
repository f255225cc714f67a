/* The HPO view's running best: each method's best validation loss so
 * far against the cost spent, a step line in its colour; the method
 * lowest soonest is the cheapest way to a good hyperparameter. */
#include <math.h>
#include <stdio.h>

#include "app.h"
#include "hpo_style.h"
#include "panels.h"
#include "ticks.h"

enum { LABEL_W = 8 };

/* The range of every running best of every method, shown or not, so
 * the scale does not move during the replay. */
static void best_range(const hpo_view *v, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (int m = 0; m < HPO_METHOD_COUNT; m++)
        for (size_t i = 0; i < v->trace[m].n; i++)
            if (isfinite(v->trace[m].e[i].best)) {
                *lo = fmin(*lo, v->trace[m].e[i].best);
                *hi = fmax(*hi, v->trace[m].e[i].best);
            }
}

void panel_hpo_best(const app *a, WINDOW *w)
{
    const hpo_view *v = a->ms;
    const ui_env *u = &a->ui;
    int h = getmaxy(w), wd = getmaxx(w);
    char title[96], num[16];
    snprintf(title, sizeof title, "running best vs %s", v->cost_name);
    ui_box(w, u, ui_width(u, title) <= wd - 6 ? title : "running best", false);
    int ph = h - 3, pw = wd - 2 - LABEL_W;
    double lo, hi;
    best_range(v, &lo, &hi);
    long total = hpo_view_total(v);
    braille_canvas cv;
    if (ph < 1 || pw < 4 || !(hi >= lo) || total < 1 ||
        braille_init(&cv, pw, ph) < 0)
        return;
    bool log = lo > 0.0 && hi > 100.0 * lo;
    double xs = (2.0 * pw - 1) / (double)total;
    for (int m = 0; m < HPO_METHOD_COUNT; m++) {
        const hpo_trace *t = &v->trace[m];
        for (size_t i = 0; i < v->shown[m]; i++) {
            double y = hpo_scale_y(t->e[i].best, lo, hi, log, 4 * ph);
            double x = t->e[i].cost * xs;
            double x1 = (i + 1 < v->shown[m] ? t->e[i + 1].cost
                                             : v->clock) * xs;
            if (i > 0)
                braille_line(&cv, x, hpo_scale_y(t->e[i - 1].best, lo, hi,
                                                 log, 4 * ph), x, y, m);
            braille_line(&cv, x, y, x1, y, m);
        }
    }
    int bg = ui_color(u, u->th->bg);
    for (int j = 0; j < ph; j++)
        for (int i = 0; i < pw; i++) {
            uint8_t mk = cv.dots[j * pw + i];
            if (mk)
                ui_cell(w, u, 1 + j, 1 + LABEL_W + i, braille_codepoint(mk),
                        braille_ascii(mk),
                        hpo_method_style(a, cv.color[j * pw + i]).fg, bg,
                        A_BOLD);
        }
    braille_free(&cv);
    ui_role_set(w, u, ROLE_DIM, 0);
    numfmt(hi, LABEL_W - 1, num);
    ui_puts(w, u, 1, 1, LABEL_W, num);
    numfmt(lo, LABEL_W - 1, num);
    ui_puts(w, u, ph, 1, LABEL_W, num);
    ui_puts(w, u, h - 2, 1 + LABEL_W, 2, "0");
    ui_printf(w, u, h - 2, wd - 8, 7, "%7ld", total);
}
