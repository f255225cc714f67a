/* The HPO view's legend: per method its glyph and colour, evaluations
 * shown of all it made, its best hyperparameter and validation loss so
 * far, and the cost spent. */
#include <stdio.h>

#include "app.h"
#include "hpo_style.h"
#include "panels.h"

void panel_hpo_legend(const app *a, WINDOW *w)
{
    const hpo_view *v = a->ms;
    const ui_env *u = &a->ui;
    int wd = getmaxx(w);
    char title[64];
    snprintf(title, sizeof title, "methods · cost in %s", v->cost_name);
    ui_box(w, u, title, false);
    ui_role_set(w, u, ROLE_DIM, 0);
    ui_printf(w, u, 1, 2, wd - 3, "  %-9s %7s  %-13s %-15s %s", "method",
              "evals", v->h_name, "val loss", "cost");
    for (int m = 0; m < HPO_METHOD_COUNT; m++) {
        int y = 2 + m;
        hpo_style st = hpo_method_style(a, m);
        ui_cell(w, u, y, 2, st.cp, st.ascii, st.fg, ui_color(u, u->th->bg),
                A_BOLD);
        ui_role_set(w, u, (ui_role)(ROLE_RUN0 + m), A_BOLD);
        ui_puts(w, u, y, 4, 9, hpo_method_name((hpo_method)m));
        ui_role_set(w, u, ROLE_TEXT, 0);
        const hpo_trace *t = &v->trace[m];
        const hpo_eval *e = hpo_view_last(v, m);
        if (!t->n)
            ui_puts(w, u, y, 14, wd - 15, "not run (--method)");
        else if (!e)
            ui_printf(w, u, y, 14, wd - 15, "%3zu/%-3zu", v->shown[m], t->n);
        else
            ui_printf(w, u, y, 14, wd - 15, "%3zu/%-3zu %-13.7g %-15.9g %ld",
                      v->shown[m], t->n, e->best_h, e->best, e->cost);
    }
    ui_role_set(w, u, ROLE_DIM, 0);
    ui_printf(w, u, 6, 2, wd - 3, "★ running best · reverse: the latest");
    if (getmaxy(w) > 8)
        ui_puts(w, u, 7, 2, wd - 3, v->detail);
}
