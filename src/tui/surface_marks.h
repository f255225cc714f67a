/* What a reference method and the theory add to the surface: the points
 * each run's last update evaluated (line-search probes, simplex trials)
 * and Nelder-Mead's simplex in the run's colour, and a quadratic's
 * eigen-directions through θ* (E). They draw into the frame's braille
 * canvas, in dot coordinates of the view v (sx, sy dots per unit). */
#ifndef DESCENT_TUI_SURFACE_MARKS_H
#define DESCENT_TUI_SURFACE_MARKS_H

#include "braille.h"
#include "session.h"

typedef struct {
    const session *s;
    const double *v;
    double sx, sy;
} surface_xf;

/* Tag i (the run's colour) for run i. */
void surface_marks_methods(const surface_xf *t, braille_canvas *cv);
void surface_marks_eigen(const surface_xf *t, braille_canvas *cv, int tag);

#endif
