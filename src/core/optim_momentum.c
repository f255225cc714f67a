/* momentum (heavy ball): v = μv + ĝ; d = v. As torch's SGD(momentum=μ):
 * its first buffer is a copy of ĝ, which μ·0 + ĝ reproduces exactly. */
#include "optimizer.h"

static void momentum_direction(const optim_params *p, double *v, size_t n,
                               long t, const double *g, double *d)
{
    (void)t;
    for (size_t i = 0; i < n; i++) {
        v[i] = p->momentum * v[i] + g[i];
        d[i] = v[i];
    }
}

/* v̇ = μv̇ + ġ; ḋ = v̇. */
static void momentum_tangent(const optim_params *p, const double *v,
                             double *vdot, size_t n, long t, const double *g,
                             const double *gdot, double *ddot)
{
    (void)v, (void)t, (void)g;
    for (size_t i = 0; i < n; i++) {
        vdot[i] = p->momentum * vdot[i] + gdot[i];
        ddot[i] = vdot[i];
    }
}

static int momentum_describe(const optim_params *p, long t, optim_line *out)
{
    (void)t;
    optim_describe(&out[0], NULL, 0, 1.0, "%g·v + ĝ", p->momentum);
    optim_describe(&out[1], "d", OPTIM_SHOW_NONE, 1.0, "v");
    return 2;
}

const optimizer_type optim_momentum = {
    .name = "momentum",
    .title = "heavy ball: v = μv + g; d = v",
    .caps = OPTIM_FIRST_ORDER,
    .state_names = (const char *const[]){"v", NULL},
    .hd_beta = 1e-3,
    .direction = momentum_direction,
    .apply = optim_apply_fused,
    .tangent = momentum_tangent,
    .describe = momentum_describe,
};
