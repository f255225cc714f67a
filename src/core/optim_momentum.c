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

const optimizer_type optim_momentum = {
    .name = "momentum",
    .title = "heavy ball: v = μv + g; d = v",
    .state_per_param = 1,
    .direction = momentum_direction,
    .apply = optim_apply_fused,
};
