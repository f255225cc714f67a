/* What the HPO view shows (`descent hpo --tui`): one hyperparameter's
 * validation-loss curve and the four searches' evaluations, revealed in
 * the order of their cost, as they happened: at clock c every
 * evaluation made within c units of cost (linear solves, training runs)
 * is shown, so methods are compared at equal spend. The searches are
 * run before the screen opens; this only replays them. Pure. */
#ifndef DESCENT_TUI_HPO_VIEW_H
#define DESCENT_TUI_HPO_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "hpo.h"

typedef struct {
    char what[96];           /* "λ of ridge on diabetes" */
    char detail[160];        /* "target progression, 354 training rows, …" */
    const char *h_name;      /* "λ", "lr" */
    const char *cost_name;   /* "linear solves", "training runs" */
    double lo, hi;           /* the searched range */
    double *curve_h, *curve_v; /* the curve at curve_n log-spaced h */
    size_t curve_n;
    hpo_trace trace[HPO_METHOD_COUNT]; /* n 0: the method was not run */
    /* The replay. */
    long clock;
    size_t shown[HPO_METHOD_COUNT];
    bool running;
    int speed;               /* index into session_speeds: events/s */
    /* The curve panel's zoom: h over [zlo, zhi] (log axis), about the
     * best h; 0 0: the whole searched range. */
    double zlo, zhi;
} hpo_view;

/* The curve panel's y axis: the loss v at log10(v − best + delta), so
 * the region near the lowest value seen spreads over rows whatever lies
 * far above (a diverged lr gives 1e94); shown up to top, values above
 * it (and non-finite ones) marked at the top edge. */
typedef struct {
    double best, delta, top;
} hpo_yscale;

/* The scale of the curve and the evaluations shown within the zoom. */
hpo_yscale hpo_view_yscale(const hpo_view *v);
/* v's height on the axis: 0 at best, 1 at top, above 1 beyond it, NaN
 * for a value that is not finite. */
double hpo_yscale_at(const hpo_yscale *s, double v);
/* The value at height u (the inverse, for tick labels). */
double hpo_yscale_value(const hpo_yscale *s, double u);

/* The h range shown, and zooming it by factor (< 1 in) about the best
 * h on the curve; factor 0 shows the whole range again. */
void hpo_view_xrange(const hpo_view *v, double *lo, double *hi);
void hpo_view_zoom(hpo_view *v, double factor);

/* The curve's memory for n points (filled by the caller). 0 or -1. */
int hpo_view_curve(hpo_view *v, size_t n);
void hpo_view_free(hpo_view *v);

/* Moves the clock to the next cost at which an evaluation happens
 * (returns 0, or -1 at the end), back to the previous one (-1 at the
 * start), to 0, or to the end. */
int hpo_view_step(hpo_view *v);
int hpo_view_back(hpo_view *v);
void hpo_view_reset(hpo_view *v);
void hpo_view_end(hpo_view *v);
bool hpo_view_done(const hpo_view *v);

/* The latest evaluation shown of method m, or NULL before its first. */
const hpo_eval *hpo_view_last(const hpo_view *v, int m);
/* The cost of the last evaluation of every method: the clock's end. */
long hpo_view_total(const hpo_view *v);

#endif
