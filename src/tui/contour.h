/* Contour lines of a sampled function by marching squares. Pure. */
#ifndef DESCENT_TUI_CONTOUR_H
#define DESCENT_TUI_CONTOUR_H

/* A piece of contour in grid coordinates: x in [0, nx-1] across a row,
 * y in [0, ny-1] down the rows. */
typedef struct {
    double x0, y0, x1, y1;
} contour_seg;

typedef void (*contour_emit)(void *ctx, const contour_seg *s);

/* Emits the segments where the grid (ny rows of nx values, row-major)
 * crosses level, one or two per grid square, interpolating linearly
 * along the square's edges. A saddle square (four crossings) is split by
 * the mean of its corners. Squares with a NaN corner are skipped.
 * Returns how many segments were emitted. */
int contour_level(const double *grid, int nx, int ny, double level,
                  contour_emit emit, void *ctx);

#endif
