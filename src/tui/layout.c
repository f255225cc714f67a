#include <string.h>

#include "layout.h"
#include "run.h"

static const pane_id charts[4] = {PANE_LOSS, PANE_LR, PANE_GRAD, PANE_ACC};
/* With four, the first and the last (loss, accuracy) where only two fit. */
static const pane_id two_of_four[2] = {PANE_LOSS, PANE_ACC};

/* Splits area into n panels one above the other (down) or side by side;
 * the last takes what division leaves over. */
static void split(layout *l, rect area, const pane_id *ids, int n, bool down)
{
    int total = down ? area.h : area.w, at = 0;
    for (int i = 0; i < n; i++) {
        int size = i == n - 1 ? total - at : total / n;
        rect r = area;
        if (down) {
            r.y += at;
            r.h = size;
        } else {
            r.x += at;
            r.w = size;
        }
        l->r[ids[i]] = r;
        at += size;
    }
}

/* The three charts in area: stacked when each gets 6 rows, side by side
 * when each gets 22 columns, else loss and learning rate only. */
static void place_three(layout *l, rect area)
{
    if (area.h >= 18 || (area.h >= 12 && area.w < 66))
        split(l, area, charts, area.h >= 12 ? 3 : 1, true);
    else if (area.w >= 66)
        split(l, area, charts, 3, false);
    else
        split(l, area, charts, 2, false);
}

/* Four: stacked when each gets 5 rows, else two rows of two, else side
 * by side when each gets 22 columns, else loss and accuracy. */
static void place_four(layout *l, rect area)
{
    if (area.h >= 20) {
        split(l, area, charts, 4, true);
    } else if (area.h >= 10) {
        rect top = area, bottom = area;
        top.h = area.h / 2;
        bottom.y += top.h;
        bottom.h -= top.h;
        split(l, top, charts, 2, false);
        split(l, bottom, charts + 2, 2, false);
    } else if (area.w >= 88) {
        split(l, area, charts, 4, false);
    } else {
        split(l, area, two_of_four, 2, false);
    }
}

static void place_charts(layout *l, rect area, bool accuracy)
{
    if (accuracy)
        place_four(l, area);
    else
        place_three(l, area);
}

/* Starts a layout: the top and bottom bars, or too small. Returns
 * whether there is room for panels. */
static bool bars(layout *l, int cols, int rows)
{
    memset(l, 0, sizeof *l);
    if (cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS) {
        l->too_small = true;
        return false;
    }
    l->r[PANE_TOP] = (rect){0, 0, 1, cols};
    l->r[PANE_BOTTOM] = (rect){rows - 1, 0, 1, cols};
    return true;
}

void layout_compute(layout *l, int cols, int rows, bool presenter,
                    layout_tab tab, bool accuracy)
{
    if (!bars(l, cols, rows))
        return;
    rect body = {1, 0, rows - 2, cols};
    if (presenter) {
        int cw = cols >= 90 ? cols / 4 : 0;
        l->r[PANE_SURFACE] = (rect){body.y, 0, body.h, cols - cw};
        if (cw)
            l->r[PANE_LOSS] = (rect){body.y, cols - cw, body.h, cw};
        return;
    }
    if (cols >= 100 && rows >= 28) {
        int sw = cols / 2, step_h = body.h / 2 < 17 ? body.h / 2 : 17;
        l->r[PANE_SURFACE] = (rect){body.y, 0, body.h, sw};
        l->r[PANE_STEP] = (rect){body.y, sw, step_h, cols - sw};
        place_charts(l, (rect){body.y + step_h, sw, body.h - step_h,
                               cols - sw}, accuracy);
        return;
    }
    l->tabbed = true;
    rect rest;
    if (cols >= 60) {
        int sw = cols / 2;
        l->r[PANE_SURFACE] = (rect){body.y, 0, body.h, sw};
        rest = (rect){body.y, sw, body.h, cols - sw};
    } else {
        int sh = body.h * 11 / 20;
        l->r[PANE_SURFACE] = (rect){body.y, 0, sh, cols};
        rest = (rect){body.y + sh, 0, body.h - sh, cols};
    }
    if (tab == TAB_STEP)
        l->r[PANE_STEP] = rest;
    else
        place_charts(l, rest, accuracy);
}

/* The step panel's rows: every stage's result line (stepdoc_fit), or
 * all of an update with clipping, hypergradients and Adam's state. */
enum { STEP_KEY_ROWS = RUN_STAGE_COUNT + 2, STEP_FULL_ROWS = 17 };

void layout_lesson(layout *l, int cols, int rows, bool presenter,
                   layout_tab tab, bool accuracy)
{
    if (!bars(l, cols, rows))
        return;
    rect body = {1, 0, rows - 2, cols};
    if (presenter) {
        /* The text gets the larger share: it is read from the back. */
        int lw = cols * 9 / 20 > 36 ? cols * 9 / 20 : 36;
        int lh = rows >= 30 ? body.h * 2 / 3 : body.h;
        l->r[PANE_SURFACE] = (rect){body.y, 0, body.h, cols - lw};
        l->r[PANE_LESSON] = (rect){body.y, cols - lw, lh, lw};
        if (lh < body.h)
            l->r[PANE_LOSS] = (rect){body.y + lh, cols - lw, body.h - lh, lw};
        return;
    }
    /* The lesson is never a tab: it keeps the right column's top (or,
     * under 60 columns, what the surface leaves), and the step panel or
     * (v) the charts go under it, with room for every stage. */
    rect rest;
    bool wide = cols >= 100 && rows >= 28;
    if (cols >= 60) {
        int sw = cols / 2, ch = wide ? body.h / 3 : 0;
        l->r[PANE_SURFACE] = (rect){body.y, 0, body.h - ch, sw};
        if (ch)
            place_charts(l, (rect){body.y + body.h - ch, 0, ch, sw}, accuracy);
        rest = (rect){body.y, sw, body.h, cols - sw};
    } else {
        int sh = body.h * 11 / 20;
        l->r[PANE_SURFACE] = (rect){body.y, 0, sh, cols};
        rest = (rect){body.y + sh, 0, body.h - sh, cols};
    }
    int low = wide ? rest.h / 2 : (rest.h * 2 + 4) / 5;
    low = low > STEP_FULL_ROWS ? STEP_FULL_ROWS
          : low < STEP_KEY_ROWS ? STEP_KEY_ROWS : low;
    if (rest.h - low < STEP_KEY_ROWS)
        low = 0; /* too short for both: the lesson alone */
    l->r[PANE_LESSON] = (rect){rest.y, rest.x, rest.h - low, rest.w};
    if (!low)
        return;
    rect under = {rest.y + rest.h - low, rest.x, low, rest.w};
    l->tabbed = !wide;
    if (wide || tab != TAB_CHARTS)
        l->r[PANE_STEP] = under;
    else
        place_charts(l, under, accuracy);
}

void layout_caption(layout *l, int cols, int rows, int h)
{
    if (l->too_small || h <= 0)
        return;
    l->r[PANE_BOTTOM] = (rect){rows - 1, 0, 1, cols};
    l->r[PANE_CAPTION] = (rect){rows - 1 - h, 0, h, cols};
}

void layout_menu(layout *l, int cols, int rows)
{
    if (bars(l, cols, rows))
        l->r[PANE_SURFACE] = (rect){1, 0, rows - 2, cols};
}

/* Rows: a header, four methods, the key to the marks, the data. */
enum { HPO_LEGEND_H = 9, HPO_LEGEND_W = 66 };

void layout_hpo(layout *l, int cols, int rows)
{
    if (!bars(l, cols, rows))
        return;
    int body = rows - 2;
    if (cols < 120) {
        int top = body - HPO_LEGEND_H, cw = cols * 3 / 5;
        l->r[PANE_SURFACE] = (rect){1, 0, top, cw};
        l->r[PANE_LOSS] = (rect){1, cw, top, cols - cw};
        l->r[PANE_STEP] = (rect){1 + top, 0, HPO_LEGEND_H, cols};
        return;
    }
    int bottom = body / 3 > HPO_LEGEND_H ? body / 3 : HPO_LEGEND_H;
    l->r[PANE_SURFACE] = (rect){1, 0, body - bottom, cols};
    l->r[PANE_LOSS] = (rect){1 + body - bottom, 0, bottom, cols - HPO_LEGEND_W};
    l->r[PANE_STEP] = (rect){1 + body - bottom, cols - HPO_LEGEND_W, bottom,
                             HPO_LEGEND_W};
}

bool layout_visible(const layout *l, pane_id p)
{
    return !l->too_small && l->r[p].w > 0 && l->r[p].h > 0;
}
