/* The theory on quadratics on screen (DESIGN §5): whether the session's
 * objective is a quadratic, its eigen-directions (drawn on the surface
 * with E), and the step panel's lines: the focused run's predicted rate
 * beside the rate measured over its history, the stability limit and
 * the optimal settings. Pure. */
#ifndef DESCENT_TUI_THEORY_VIEW_H
#define DESCENT_TUI_THEORY_VIEW_H

#include <stdbool.h>

#include "hist.h"
#include "quad_theory.h"
#include "run.h"

enum { THEORY_LINES = 4, THEORY_LINE = 160 };

typedef struct {
    bool on;       /* the objective is a quadratic */
    bool axes;     /* draw its eigen-directions */
    /* A lesson keeps the lines back (they may answer its question);
     * later: until the step is done, which one line says. */
    bool hidden, later;
    quad_theory q;
} theory_view;

/* Looks at obj from start (axes and hiding kept as they were). */
void theory_view_open(theory_view *t, const objective *obj,
                      const double *start);

/* The lines for run r with history h; how many (0 when not a quadratic
 * or hidden). */
int theory_view_lines(const theory_view *t, const run *r, const hist *h,
                      char lines[][THEORY_LINE]);

#endif
