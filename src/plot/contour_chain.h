/* Contour segments (contour.h: one or two per grid square) joined into
 * polylines, so a figure draws a level as a few lines with proper joins
 * rather than thousands of separate strokes. Pure. */
#ifndef DESCENT_PLOT_CONTOUR_CHAIN_H
#define DESCENT_PLOT_CONTOUR_CHAIN_H

#include <stddef.h>

#include "contour.h"

typedef struct {
    contour_seg *segs;
    size_t n, cap;
    int failed;          /* memory ran out while collecting */
} contour_set;

/* contour_emit's callback: collects segments into a contour_set. */
void contour_set_add(void *set, const contour_seg *s);
void contour_set_clear(contour_set *s);
void contour_set_free(contour_set *s);

/* Calls emit with each polyline (n points, x then y) formed by the
 * segments whose ends meet; a closed contour comes back with its first
 * point repeated at the end. Returns 0, or -1 when memory runs out. */
typedef void (*contour_line_fn)(void *ctx, const double *xy, size_t n);
int contour_chain(const contour_set *s, contour_line_fn emit, void *ctx);

#endif
