/* The replay's step panel: what the trace has for the cursor's row, one
 * column a line under the trace's own names, numbers as the trace has
 * them (shortest round-trip text), then θ, then the end status. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "fmt_double.h"
#include "panels.h"
#include "replay.h"

enum { NAME_W = 12 };

static const char *const names[REPLAY_COLS] = {
    "loss", "grad_norm", "lr", "hypergrad", "clipped", "lr_clamped",
    "update_norm", "val_loss", "train_acc", "val_acc", "batch_loss"};

static void value_line(WINDOW *w, const ui_env *u, int y, const char *name,
                       double v, bool flag)
{
    char num[40];
    fmt_double(v, num);
    ui_role_set(w, u, ROLE_DIM, 0);
    ui_printf(w, u, y, 2, NAME_W, "%s", name);
    ui_role_set(w, u, ROLE_TEXT, 0);
    ui_printf(w, u, y, 2 + NAME_W, getmaxx(w) - 3 - NAME_W, "%s%s", num,
              flag ? (v != 0.0 ? " (yes)" : " (no)") : "");
}

void panel_replay_step(const app *a, WINDOW *w)
{
    const ui_env *u = &a->ui;
    const replay *rp = a->ms;
    int h = getmaxy(w), wd = getmaxx(w);
    size_t i = rp->cursor;
    bool end = replay_at_end(rp);
    char title[96];
    snprintf(title, sizeof title, "trace row: step %zu of %zu", i,
             rp->nrows - 1);
    ui_box(w, u, title, false);
    /* The end status takes the last rows: its reason on a line of its
     * own ("diverged at step 37" / "loss is above 1e100"). */
    char status[200] = "", *reason = NULL;
    if (end) {
        replay_status_text(rp, status, sizeof status);
        if ((reason = strstr(status, ": ")))
            *reason = '\0', reason += 2;
    }
    int last = h - 2 - (end ? 1 : 0) - (reason ? 1 : 0), y = 1;
    for (int c = 0; c < REPLAY_COLS && y <= last; c++)
        if (rp->col[c] >= 0)
            value_line(w, u, y++, names[c], replay_value(rp, (replay_col)c, i),
                       c == REPLAY_COL_CLIPPED || c == REPLAY_COL_LR_CLAMPED);
    /* θ: as many components as fit, then how many more there are. */
    for (size_t j = 0; j < rp->params && y <= last; j++) {
        char name[24];
        bool more = y == last && j + 1 < (size_t)rp->dim;
        if (more) {
            ui_role_set(w, u, ROLE_DIM, 0);
            ui_printf(w, u, y++, 2, wd - 3, "θ: %zu more of %ld parameters%s",
                      (size_t)rp->dim - j, rp->dim,
                      rp->dim > (long)rp->params ? " (the trace has 16)" : "");
            break;
        }
        snprintf(name, sizeof name, "x%zu", j);
        value_line(w, u, y++, name, replay_theta(rp, i, j), false);
    }
    if (y <= last && rp->dim > (long)rp->params && rp->params) {
        ui_role_set(w, u, ROLE_DIM, 0);
        ui_printf(w, u, y++, 2, wd - 3, "θ: the first %zu of %ld in the trace",
                  rp->params, rp->dim);
    }
    if (end) {
        ui_role_set(w, u, replay_diverged(rp) ? ROLE_ERROR : ROLE_ACCENT, 0);
        ui_puts(w, u, last + 1, 2, wd - 3, status);
        if (reason)
            ui_puts(w, u, last + 2, 2, wd - 3, reason);
    }
}
