/* What the h-sweep panel shows (the gradient check's error against h,
 * core hsweep.h): the sweep at the focused run's θ in the objective's
 * precision, the run's h on it and the error there, taken again only
 * when θ, h or the objective change. Pure. */
#ifndef DESCENT_TUI_HSWEEP_VIEW_H
#define DESCENT_TUI_HSWEEP_VIEW_H

#include <stdbool.h>

#include "hsweep.h"
#include "run.h"

typedef struct {
    bool ok;                    /* a sweep to draw; else why says why */
    char why[96];
    hsweep s;
    double h;                   /* the run's h */
    double at[HSWEEP_METHODS];  /* the error at it */
    /* What the sweep is of: the objective (its generation, table and
     * name: a lesson opens sessions afresh) and the point. */
    bool valid;
    unsigned gen;
    const objective_ops *ops;
    char name[256];
    double theta[HSWEEP_MAX_DIM];
    size_t n;
} hsweep_view;

/* The sweep at run r's θ and h, unless it is that already; gen is the
 * objective's generation (the session's view_gen). */
void hsweep_view_update(hsweep_view *v, const run *r, unsigned gen);

#endif
