/* nesterov: v = μv + ĝ; d = ĝ + μv (torch's SGD(nesterov=True), which
 * takes no dampening). */
#include "optimizer.h"
#include "precision.h"

static inline void kernel(const optim_params *p, double *v, size_t n,
                          const double *g, double *d, bool single)
{
    double mu = PR(p->momentum);
    for (size_t i = 0; i < n; i++) {
        v[i] = PR(PR(mu * v[i]) + g[i]);
        d[i] = prec_fma(single, mu, v[i], g[i]); /* grad.add(buf, alpha=μ) */
    }
}

static void nesterov_direction(const optim_params *p, double *v, size_t n,
                               long t, const double *g, double *d)
{
    (void)t;
    PREC_DISPATCH(p->single, kernel, p, v, n, g, d);
}

/* v̇ = μv̇ + ġ; ḋ = ġ + μv̇. */
static void nesterov_tangent(const optim_params *p, const double *v,
                             double *vdot, size_t n, long t, const double *g,
                             const double *gdot, double *ddot)
{
    (void)v, (void)t, (void)g;
    for (size_t i = 0; i < n; i++) {
        vdot[i] = p->momentum * vdot[i] + gdot[i];
        ddot[i] = gdot[i] + p->momentum * vdot[i];
    }
}

static int nesterov_describe(const optim_params *p, long t, optim_line *out)
{
    (void)t;
    optim_describe(&out[0], NULL, 0, 1.0, "%g·v + ĝ", p->momentum);
    optim_describe(&out[1], "d", OPTIM_SHOW_D, 1.0, "ĝ + %g·v", p->momentum);
    return 2;
}

/* e_{t+1} = (1 + μ)(1 − a) e_t − μ(1 − a) e_{t-1}. */
static double nesterov_rate(const optim_params *p, double a, bool *complex)
{
    double mu = p->momentum;
    return optim_root_modulus((1.0 + mu) * (1.0 - a), mu * (1.0 - a), complex);
}

const optimizer_type optim_nesterov = {
    .name = "nesterov",
    .title = "Nesterov momentum: v = μv + g; d = g + μv",
    .caps = OPTIM_FIRST_ORDER,
    .params = OPTIM_P_MOMENTUM | OPTIM_P_WEIGHT_DECAY,
    .state_names = (const char *const[]){"v", NULL},
    .hd_beta = 1e-3,
    .direction = nesterov_direction,
    .apply = optim_apply_fused,
    .tangent = nesterov_tangent,
    .describe = nesterov_describe,
    .linear_rate = nesterov_rate,
};
