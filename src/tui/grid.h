/* The objective sampled over the view, once per view (not per frame):
 * at every braille dot for contours and at every cell centre for the
 * heat map. Pure. */
#ifndef DESCENT_TUI_GRID_H
#define DESCENT_TUI_GRID_H

#include "colormap.h"
#include "lattice.h"
#include "objective.h"

typedef struct {
    int cw, ch;          /* cells; dots are 2cw × 4ch */
    double view[4];
    double *dots;        /* (2cw)·(4ch) values, row 0 at the top */
    double *cells;       /* cw·ch values */
    heat_scale scale;    /* from the finite values seen */
} surface_grid;

/* Samples obj over view for a cw×ch cell area, reusing g's memory.
 * Returns 0 or -1 (memory). */
int surface_grid_compute(surface_grid *g, const objective *obj,
                         const double view[4], int cw, int ch);
/* The same from samples already taken (a slice's lattice), interpolated
 * bilinearly over the lattice's view. */
int surface_grid_from_lattice(surface_grid *g, const lattice *l, int cw,
                              int ch);
void surface_grid_free(surface_grid *g);

/* n contour levels, ascending, at the ((k + ½)/n)² quantiles of the
 * sampled values: every level has area on both sides whatever the
 * function's range, and the squares put more lines near the minimum, as
 * the log-scaled heat map does. Returns how many (0 when nothing is
 * finite, or memory runs out). */
int surface_grid_levels(const surface_grid *g, int n, double *levels);

#endif
