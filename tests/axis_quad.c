#include <math.h>

#include "axis_quad.h"

static double value(const void *ctx, const double *x)
{
    (void)ctx;
    return 0.5 * (x[0] * x[0] + 100.0 * x[1] * x[1]);
}

static void gradient(const void *ctx, const double *x, double *g)
{
    (void)ctx;
    g[0] = x[0];
    g[1] = 100.0 * x[1];
}

static void hessian(const void *ctx, const double *x, double *h)
{
    (void)ctx, (void)x;
    h[0] = 1.0;
    h[1] = h[2] = 0.0;
    h[3] = 100.0;
}

static const objective_ops ops = {
    .value = value, .gradient = gradient, .hessian = hessian};

const objective axis_quad = {
    .name = "axis_quad", .formula = "½(x² + 100y²)", .dim = 2,
    .view = {-2, 2, -2, 2}, .start = {1, 1}, .n_minima = 1,
    .minima = {{0, 0}}, .min_value = 0.0, .ops = &ops};
