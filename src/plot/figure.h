/* Inside the figure: what its panels share (the canvas, the colours,
 * the type size) and the axes they draw. */
#ifndef DESCENT_PLOT_FIGURE_H
#define DESCENT_PLOT_FIGURE_H

#include "plot.h"
#include "slice_view.h"

typedef struct {
    double x, y, w, h;
} box;

typedef struct {
    const canvas_ops *ops;
    canvas *c;
    const plot_figure *fig;
    const theme *th;
    double fs;           /* the base type size, pixels */
    uint32_t bg, fg, dim;
} fig_ctx;

/* The plane the surface panel shows: θ's own for 2 parameters (or the
 * paths' first two numbers without an objective), else a slice. */
typedef struct {
    bool sliced;
    slice_view sv;       /* sliced: the slice and its title */
    double view[4];
    char title[256];
} fig_plane;

/* Chooses the plane and its view. 0 or -1 (memory). */
int fig_plane_init(fig_plane *pl, const plot_figure *fig);
void fig_plane_free(fig_plane *pl);
/* Row i of path p on the plane; false when it has no point there. */
bool fig_plane_point(const fig_plane *pl, const plot_path *p, size_t i,
                     double *x, double *y);

/* The surface panel in b. 0 or -1 (memory). */
int fig_surface(fig_ctx *f, const fig_plane *pl, box b);
/* A chart panel (one PLOT_* bit but PLOT_SURFACE) in b. */
void fig_chart(fig_ctx *f, unsigned which, box b);

/* An axis from values to pixels, on a log10 scale when log is set
 * (lo and hi are then exponents). */
typedef struct {
    double lo, hi;
    bool log;
    double p0, p1;       /* the pixels of lo and hi */
} fig_axis;

/* The pixel of v; NaN when a log axis gets v ≤ 0. */
double fig_axis_px(const fig_axis *a, double v);

/* Ticks with labels along the bottom (horizontal axis: at y, labels
 * below) or the left (vertical: at x, labels to the left) of a plot. */
void fig_ticks_x(fig_ctx *f, const fig_axis *a, double y);
void fig_ticks_y(fig_ctx *f, const fig_axis *a, double x);

/* Text at a fraction of the base size. */
void fig_text(fig_ctx *f, double x, double y, const char *s, double scale,
              uint32_t color, text_anchor anchor);

/* The outline of a box in the dim colour. */
void fig_frame(fig_ctx *f, box b);

/* Polylines of n points in pixels, broken where a point is NaN, with
 * points less than 0.02 pixels from the last drawn left out, and
 * segments clipped to the box three times the size of b around it (the
 * canvas clips to b itself; this keeps far points out of the file). */
void fig_polyline(fig_ctx *f, const double *xy, size_t n, box b,
                  const canvas_stroke *s);

#endif
