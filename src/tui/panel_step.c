/* The step panel: the anatomy of the focused run's update, built by the
 * session after every change (stepdoc), the stage last done
 * highlighted, stages still to come dimmed. On a short panel every
 * stage keeps its result line (stepdoc_fit). */
#include <stdio.h>

#include "app.h"
#include "panels.h"
#include "stepdoc.h"

static ui_role line_role(const stepdoc *d, const stepdoc_line *l)
{
    if (l->stage == d->shown && l->stage >= 0)
        return l->first ? ROLE_SEL : ROLE_ACCENT;
    return l->pending ? ROLE_DIM : ROLE_TEXT;
}

void panel_step_draw(const app *a, WINDOW *w)
{
    const ui_env *u = &a->ui;
    int h = getmaxy(w), wd = getmaxx(w);
    const stepdoc *d = &a->s.doc;
    char title[160];
    if (a->s.nruns > 1)
        snprintf(title, sizeof title, "run %d · %s", a->s.focus + 1, d->title);
    else
        snprintf(title, sizeof title, "%s", d->title);
    ui_box(w, u, title, false);
    const run *r = session_focused_c(&a->s);
    bool diverged = r->status == RUN_DIVERGED;
    int rows = h - 2 - (diverged ? 1 : 0);
    bool keep[STEPDOC_MAX_LINES];
    stepdoc_fit(d, rows, keep);
    /* Stage names where there is room; else the number alone (the title
     * names the stage shown). */
    int label_w = wd >= 58 ? 12 : 2, y = 1, labelled = -1;
    for (int i = 0; i < d->n && y <= rows; i++) {
        if (!keep[i])
            continue;
        const stepdoc_line *l = &d->lines[i];
        bool label = l->stage != labelled;
        labelled = l->stage;
        ui_role role = line_role(d, l);
        if (role == ROLE_SEL && !label)
            role = ROLE_ACCENT;
        if (role == ROLE_ACCENT && label && l->stage == d->shown)
            role = ROLE_SEL;
        ui_role_set(w, u, role, 0);
        if (role == ROLE_SEL)
            mvwhline(w, y, 1, ' ', wd - 2);
        ui_puts(w, u, y, 1, 1,
                l->stage == d->shown && l->stage >= 0 && label ? "▶" : " ");
        if (label && l->stage < 0)
            ui_printf(w, u, y, 2, label_w, "%s", label_w > 2 ? "theory" : "θ");
        else if (label && label_w > 2)
            ui_printf(w, u, y, 2, label_w, "%d %s", l->stage + 1,
                      run_stage_name((run_stage)l->stage));
        else if (label)
            ui_printf(w, u, y, 2, label_w, "%d", l->stage + 1);
        ui_puts(w, u, y, 2 + label_w, wd - 3 - label_w, l->text);
        y++;
    }
    if (diverged) {
        char status[200];
        session_status_text(&a->s, a->s.focus, status, sizeof status);
        ui_role_set(w, u, ROLE_ERROR, 0);
        ui_puts(w, u, h - 2, 2, wd - 3, status);
    }
}
