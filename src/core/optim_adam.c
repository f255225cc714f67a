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

const optimizer_type optim_adam = {
    .name = "adam",
    .title = "Adam: d = m̂ / (√v̂ + ε)",
    .state_per_param = 2,
    .default_eps = 1e-8,
    .direction = adam_direction,
    .apply = adam_apply,
};
