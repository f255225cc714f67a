/* sgd: d = ĝ. */
#include <math.h>
#include <string.h>

#include "optimizer.h"

static void sgd_direction(const optim_params *p, double *state, size_t n,
                          long t, const double *g, double *d)
{
    (void)p, (void)state, (void)t;
    memcpy(d, g, n * sizeof *d);
}

static void sgd_tangent(const optim_params *p, const double *state,
                        double *sdot, size_t n, long t, const double *g,
                        const double *gdot, double *ddot)
{
    (void)p, (void)state, (void)sdot, (void)t, (void)g;
    memcpy(ddot, gdot, n * sizeof *ddot);
}

static int sgd_describe(const optim_params *p, long t, optim_line *out)
{
    (void)p, (void)t;
    optim_describe(&out[0], "d", OPTIM_SHOW_D, 1.0, "ĝ");
    return 1;
}

/* e_t = (1 − a) e_{t-1}. */
static double sgd_rate(const optim_params *p, double a, bool *complex)
{
    (void)p;
    *complex = false;
    return fabs(1.0 - a);
}

const optimizer_type optim_sgd = {
    .name = "sgd",
    .title = "plain gradient descent: d = g",
    .caps = OPTIM_FIRST_ORDER,
    .params = OPTIM_P_WEIGHT_DECAY,
    .hd_beta = 1e-3,
    .direction = sgd_direction,
    .apply = optim_apply_fused,
    .tangent = sgd_tangent,
    .describe = sgd_describe,
    .linear_rate = sgd_rate,
};
