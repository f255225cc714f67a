/* adam: m = β1 m + (1-β1)ĝ; v = β2 v + (1-β2)ĝ²;
 * d = m̂ / (√v̂ + ε), m̂ = m/(1-β1^t), v̂ = v/(1-β2^t).
 * State: m then v, n doubles each. m and v are fused multiply-adds and
 * the update is θ + ((-lr/bc1)·m) / (√v/√bc2 + ε), as torch's Adam. */
#include <math.h>

#include "optimizer.h"

typedef struct {
    double bc1, bc2_sqrt, eps;
} adam_consts;

static adam_consts consts(const optim_params *p, long t)
{
    return (adam_consts){1.0 - pow(p->beta1, (double)t),
                         sqrt(1.0 - pow(p->beta2, (double)t)),
                         optim_eps(&optim_adam, p)};
}

static void adam_direction(const optim_params *p, double *state, size_t n,
                           long t, const double *g, double *d)
{
    double *m = state, *v = state + n;
    double b1 = p->beta1, b2 = p->beta2;
    adam_consts c = consts(p, t);
    for (size_t i = 0; i < n; i++) {
        m[i] = fma(1.0 - b1, g[i], b1 * m[i]);
        v[i] = fma((1.0 - b2) * g[i], g[i], b2 * v[i]);
        d[i] = (m[i] / c.bc1) / (sqrt(v[i]) / c.bc2_sqrt + c.eps);
    }
}

static void adam_apply(const optim_params *p, const double *state, size_t n,
                       long t, const double *g, const double *d, double lr,
                       double *theta)
{
    (void)g, (void)d;
    const double *m = state, *v = state + n;
    adam_consts c = consts(p, t);
    double step_size = lr / c.bc1;
    for (size_t i = 0; i < n; i++)
        theta[i] = theta[i] + (-step_size * m[i]) / (sqrt(v[i]) / c.bc2_sqrt + c.eps);
}

/* ṁ = β1ṁ + (1-β1)ġ; v̇ = β2v̇ + 2(1-β2)gġ;
 * ḋ = ṁ̂/(√v̂ + ε) - m̂ v̂̇ / (2√v̂ (√v̂ + ε)²). */
static void adam_tangent(const optim_params *p, const double *state,
                         double *sdot, size_t n, long t, const double *g,
                         const double *gdot, double *ddot)
{
    const double *m = state, *v = state + n;
    double *mdot = sdot, *vdot = sdot + n;
    adam_consts c = consts(p, t);
    for (size_t i = 0; i < n; i++) {
        mdot[i] = p->beta1 * mdot[i] + (1.0 - p->beta1) * gdot[i];
        vdot[i] = p->beta2 * vdot[i] + 2.0 * (1.0 - p->beta2) * g[i] * gdot[i];
        ddot[i] = optim_adaptive_dot(m[i] / c.bc1, mdot[i] / c.bc1, v[i],
                                     vdot[i], c.bc2_sqrt, c.eps);
    }
}

static int adam_describe(const optim_params *p, long t, optim_line *out)
{
    double bc1 = 1.0 - pow(p->beta1, (double)t);
    double bc2 = 1.0 - pow(p->beta2, (double)t);
    optim_describe(&out[0], NULL, 0, 1.0, "%g·m + %g·ĝ", p->beta1,
                   1.0 - p->beta1);
    optim_describe(&out[1], NULL, 1, 1.0, "%g·v + %g·ĝ²", p->beta2,
                   1.0 - p->beta2);
    optim_describe(&out[2], "m̂", 0, 1.0 / bc1, "m/%.4g", bc1);
    optim_describe(&out[3], "v̂", 1, 1.0 / bc2, "v/%.4g", bc2);
    optim_describe(&out[4], "d", OPTIM_SHOW_D, 1.0, "m̂/(√v̂ + %g)",
                   optim_eps(&optim_adam, p));
    return 5;
}

const optimizer_type optim_adam = {
    .name = "adam",
    .title = "Adam: d = m̂ / (√v̂ + ε)",
    .caps = OPTIM_FIRST_ORDER,
    .state_names = (const char *const[]){"m", "v", NULL},
    .default_eps = 1e-8,
    .hd_beta = 1e-7,
    .direction = adam_direction,
    .apply = adam_apply,
    .tangent = adam_tangent,
    .describe = adam_describe,
};
