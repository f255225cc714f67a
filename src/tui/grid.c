#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"

void surface_grid_free(surface_grid *g)
{
    free(g->dots);
    free(g->cells);
    memset(g, 0, sizeof *g);
}

/* Samples f on an nx×ny lattice at the centres of its boxes; tracks
 * the finite range. */
static void sample(lattice_fn f, void *ctx, const double v[4], int nx,
                   int ny, double *out, double *lo, double *hi)
{
    double dx = (v[1] - v[0]) / nx, dy = (v[3] - v[2]) / ny;
    for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) {
            double y = f(ctx, v[0] + (i + 0.5) * dx, v[3] - (j + 0.5) * dy);
            out[(long)j * nx + i] = y;
            if (isfinite(y)) {
                *lo = fmin(*lo, y);
                *hi = fmax(*hi, y);
            }
        }
}

/* Dots and cells of a cw×ch area over view from f. */
static int fill(surface_grid *g, lattice_fn f, void *ctx,
                const double view[4], int cw, int ch)
{
    if (cw < 1 || ch < 1)
        return -1;
    size_t nd = (size_t)(2 * cw) * (size_t)(4 * ch), nc = (size_t)cw * ch;
    if (cw != g->cw || ch != g->ch) {
        double *dots = realloc(g->dots, nd * sizeof *dots);
        if (dots)
            g->dots = dots;
        double *cells = realloc(g->cells, nc * sizeof *cells);
        if (cells)
            g->cells = cells;
        if (!dots || !cells)
            return -1;
        g->cw = cw;
        g->ch = ch;
    }
    memcpy(g->view, view, sizeof g->view);
    double lo = INFINITY, hi = -INFINITY;
    sample(f, ctx, view, 2 * cw, 4 * ch, g->dots, &lo, &hi);
    sample(f, ctx, view, cw, ch, g->cells, &lo, &hi);
    g->scale = heat_scale_make(lo, hi);
    return 0;
}

static double objective_at(void *ctx, double x, double y)
{
    const objective *obj = ctx;
    double p[2] = {x, y};
    return obj->ops->value(obj->ctx, p);
}

int surface_grid_compute(surface_grid *g, const objective *obj,
                         const double view[4], int cw, int ch)
{
    return fill(g, objective_at, (void *)obj, view, cw, ch);
}

static double lattice_value(void *ctx, double x, double y)
{
    return lattice_at(ctx, x, y);
}

int surface_grid_from_lattice(surface_grid *g, const lattice *l, int cw,
                              int ch)
{
    return fill(g, lattice_value, (void *)l, l->view, cw, ch);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int surface_grid_levels(const surface_grid *g, int n, double *levels)
{
    size_t total = (size_t)(2 * g->cw) * (size_t)(4 * g->ch), m = 0;
    double *v = malloc(total * sizeof *v);
    if (!v)
        return 0;
    for (size_t i = 0; i < total; i++)
        if (isfinite(g->dots[i]))
            v[m++] = g->dots[i];
    int k = 0;
    if (m) {
        qsort(v, m, sizeof *v, cmp_double);
        for (; k < n; k++) {
            double q = (k + 0.5) / n;
            levels[k] = v[(size_t)(q * q * (double)(m - 1))];
        }
    }
    free(v);
    return k;
}
