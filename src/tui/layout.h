/* Where each panel goes for a terminal size. Wide terminals show the
 * surface beside the step panel and the charts (SCREEN.md); narrow ones
 * (80×24) show the surface beside one of two tabs, step or charts;
 * presenter mode shows only the surface and the loss chart. Classifiers
 * get a fourth chart, accuracy. Panels never
 * overlap; a hidden panel has zero width. Pure. */
#ifndef DESCENT_TUI_LAYOUT_H
#define DESCENT_TUI_LAYOUT_H

#include <stdbool.h>

typedef struct {
    int y, x, h, w;
} rect;

typedef enum {
    PANE_TOP, PANE_SURFACE, PANE_STEP, PANE_LOSS, PANE_LR, PANE_GRAD,
    PANE_ACC, PANE_BOTTOM, PANE_LESSON, PANE_CAPTION,
    PANE_COUNT
} pane_id;

/* The smallest terminal anything is drawn on. */
enum { LAYOUT_MIN_COLS = 40, LAYOUT_MIN_ROWS = 12 };

typedef enum { TAB_STEP, TAB_CHARTS } layout_tab;

typedef struct {
    rect r[PANE_COUNT];
    bool too_small;
    bool tabbed;        /* step and charts share a place (narrow) */
} layout;

/* accuracy: a fourth chart, for classifiers. */
void layout_compute(layout *l, int cols, int rows, bool presenter,
                    layout_tab tab, bool accuracy);
/* The HPO view's panes, in the same ids: the curve (PANE_SURFACE), the
 * running best against cost (PANE_LOSS) and the legend (PANE_STEP).
 * Narrow: curve and running best side by side over the legend; wide:
 * the curve over the running best and the legend. */
void layout_hpo(layout *l, int cols, int rows);

/* A lesson's screen: the live one with the lesson panel (PANE_LESSON),
 * which is always there. From 60 columns the surface is on the left
 * (over the charts when wide) and the lesson on the right over the step
 * panel, which has room for every stage's result (all of an update
 * when there are rows); narrow, v puts the charts in the step panel's
 * place. Under 60 columns the surface is on top. Presenter: the surface
 * and the lesson beside it, the whole height (the loss chart under the
 * lesson when there are 30 rows). */
void layout_lesson(layout *l, int cols, int rows, bool presenter,
                   layout_tab tab, bool accuracy);
/* Room for a caption (a demo's `say`) of h rows over the bottom bar, in
 * a layout made for rows − h rows: the bar goes to the last row and the
 * caption above it, so nothing is covered. */
void layout_caption(layout *l, int cols, int rows, int h);
/* The lesson menu: the bars and the list between them (PANE_SURFACE). */
void layout_menu(layout *l, int cols, int rows);

bool layout_visible(const layout *l, pane_id p);

#endif
