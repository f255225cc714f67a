#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lattice.h"

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int lattice_start(lattice *l, int nx, int ny, const double view[4])
{
    if (nx < 1 || ny < 1)
        return -1;
    size_t n = (size_t)nx * (size_t)ny;
    if (n > l->cap) {
        double *v = realloc(l->v, n * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = n;
    }
    l->nx = nx;
    l->ny = ny;
    memcpy(l->view, view, sizeof l->view);
    l->rows_done = 0;
    l->cols_done = 0;
    return 0;
}

/* The budget is looked at after every sample, not every row: a row of a
 * costly surface would take a frame's worth of time by itself. */
bool lattice_work(lattice *l, lattice_fn f, void *ctx, double budget)
{
    double t0 = seconds();
    double dx = (l->view[1] - l->view[0]) / l->nx;
    double dy = (l->view[3] - l->view[2]) / l->ny;
    while (l->rows_done < l->ny) {
        int j = l->rows_done, i = l->cols_done++;
        double y = l->view[3] - (j + 0.5) * dy;
        l->v[j * l->nx + i] = f(ctx, l->view[0] + (i + 0.5) * dx, y);
        if (l->cols_done == l->nx) {
            l->rows_done++;
            l->cols_done = 0;
        }
        if (seconds() - t0 > budget)
            break;
    }
    return lattice_done(l);
}

bool lattice_done(const lattice *l)
{
    return l->v && l->rows_done == l->ny;
}

void lattice_free(lattice *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Fractional sample index of a coordinate, clamped to the samples. */
static double index_of(double p, double lo, double hi, int n, int *i0)
{
    double u = (p - lo) / (hi - lo) * n - 0.5;
    if (!(u > 0.0))
        u = 0.0;
    if (u > n - 1)
        u = n - 1;
    *i0 = (int)u < n - 1 ? (int)u : (n > 1 ? n - 2 : 0);
    return n > 1 ? u - *i0 : 0.0;
}

double lattice_at(const lattice *l, double x, double y)
{
    int i, j;
    double fx = index_of(x, l->view[0], l->view[1], l->nx, &i);
    /* Rows run from the top: index by the distance from y1. */
    double fy = index_of(l->view[3] - y + l->view[2], l->view[2], l->view[3],
                         l->ny, &j);
    int i1 = l->nx > 1 ? i + 1 : i, j1 = l->ny > 1 ? j + 1 : j;
    const double *v = l->v;
    double top = v[j * l->nx + i] * (1 - fx) + v[j * l->nx + i1] * fx;
    double bot = v[j1 * l->nx + i] * (1 - fx) + v[j1 * l->nx + i1] * fx;
    return top * (1 - fy) + bot * fy;
}
