/* A function of the plane sampled on a lattice over a view a few rows
 * at a time, so that a costly surface (a slice of a network: a forward
 * pass over the data at every point) is computed across frames within a
 * time budget instead of freezing the screen. Pure. */
#ifndef DESCENT_TUI_LATTICE_H
#define DESCENT_TUI_LATTICE_H

#include <stdbool.h>
#include <stddef.h>

typedef double (*lattice_fn)(void *ctx, double x, double y);

typedef struct {
    int nx, ny;
    double view[4];      /* x0, x1, y0, y1 */
    double *v;           /* nx·ny at the centres of nx×ny boxes, row 0 at
                            the top (y1) */
    int rows_done;
    int cols_done;       /* samples of row rows_done taken */
    size_t cap;          /* samples v has room for */
} lattice;

/* Starts over for nx×ny samples of view, reusing memory. 0 or -1. */
int lattice_start(lattice *l, int nx, int ny, const double view[4]);
/* Samples until all are done or budget seconds have passed (one sample
 * at least); returns whether all are done. */
bool lattice_work(lattice *l, lattice_fn f, void *ctx, double budget);
bool lattice_done(const lattice *l);
void lattice_free(lattice *l);

/* The lattice's value at (x, y) by bilinear interpolation between the
 * four nearest samples (clamped at the edges). */
double lattice_at(const lattice *l, double x, double y);

#endif
