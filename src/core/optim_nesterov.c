/* nesterov: v = μv + ĝ; d = ĝ + μv (torch's SGD(nesterov=True)). */
#include <math.h>

#include "optimizer.h"

static void nesterov_direction(const optim_params *p, double *v, size_t n,
                               long t, const double *g, double *d)
{
    (void)t;
    for (size_t i = 0; i < n; i++) {
        v[i] = p->momentum * v[i] + g[i];
        d[i] = fma(p->momentum, v[i], g[i]); /* grad.add(buf, alpha=μ) */
    }
}

const optimizer_type optim_nesterov = {
    .name = "nesterov",
    .title = "Nesterov momentum: v = μv + g; d = g + μv",
    .state_per_param = 1,
    .direction = nesterov_direction,
    .apply = optim_apply_fused,
};
