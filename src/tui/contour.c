#include <math.h>
#include <stdbool.h>

#include "contour.h"

enum { TOP, RIGHT, BOTTOM, LEFT };

/* Where level crosses the edge from (xa, ya) valued a to (xb, yb)
 * valued b. */
static void cross(double a, double b, double level, double xa, double ya,
                  double xb, double yb, double *x, double *y)
{
    double t = (level - a) / (b - a);
    *x = xa + t * (xb - xa);
    *y = ya + t * (yb - ya);
}

static int square(const double v[4], int i, int j, double level,
                  contour_emit emit, void *ctx)
{
    /* Corners clockwise from the top left: a b / d c. */
    double a = v[0], b = v[1], c = v[2], d = v[3];
    bool in[4] = {a >= level, b >= level, c >= level, d >= level};
    double ex[4], ey[4];
    bool hit[4] = {in[0] != in[1], in[1] != in[2], in[3] != in[2],
                   in[0] != in[3]};
    if (hit[TOP])
        cross(a, b, level, i, j, i + 1, j, &ex[TOP], &ey[TOP]);
    if (hit[RIGHT])
        cross(b, c, level, i + 1, j, i + 1, j + 1, &ex[RIGHT], &ey[RIGHT]);
    if (hit[BOTTOM])
        cross(d, c, level, i, j + 1, i + 1, j + 1, &ex[BOTTOM], &ey[BOTTOM]);
    if (hit[LEFT])
        cross(a, d, level, i, j, i, j + 1, &ex[LEFT], &ey[LEFT]);
    int pairs[2][2], np = 0;
    if (hit[TOP] && hit[RIGHT] && hit[BOTTOM] && hit[LEFT]) {
        /* Saddle: when the centre is on a's side, a and c join through
         * it and the lines cut off corners b and d. */
        bool centre = (a + b + c + d) / 4.0 >= level;
        if (centre == in[0]) {
            pairs[0][0] = TOP, pairs[0][1] = RIGHT;
            pairs[1][0] = BOTTOM, pairs[1][1] = LEFT;
        } else {
            pairs[0][0] = TOP, pairs[0][1] = LEFT;
            pairs[1][0] = RIGHT, pairs[1][1] = BOTTOM;
        }
        np = 2;
    } else {
        int k = 0;
        for (int e = 0; e < 4; e++)
            if (hit[e])
                pairs[0][k++] = e;
        np = k == 2 ? 1 : 0;
    }
    for (int p = 0; p < np; p++) {
        contour_seg s = {ex[pairs[p][0]], ey[pairs[p][0]],
                         ex[pairs[p][1]], ey[pairs[p][1]]};
        emit(ctx, &s);
    }
    return np;
}

int contour_level(const double *grid, int nx, int ny, double level,
                  contour_emit emit, void *ctx)
{
    int count = 0;
    for (int j = 0; j + 1 < ny; j++)
        for (int i = 0; i + 1 < nx; i++) {
            const double *row = grid + (long)j * nx, *next = row + nx;
            double v[4] = {row[i], row[i + 1], next[i + 1], next[i]};
            if (isnan(v[0]) || isnan(v[1]) || isnan(v[2]) || isnan(v[3]))
                continue;
            count += square(v, i, j, level, emit, ctx);
        }
    return count;
}
