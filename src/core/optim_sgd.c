/* sgd: d = ĝ. */
#include <string.h>

#include "optimizer.h"

static void sgd_direction(const optim_params *p, double *state, size_t n,
                          long t, const double *g, double *d)
{
    (void)p, (void)state, (void)t;
    memcpy(d, g, n * sizeof *d);
}

const optimizer_type optim_sgd = {
    .name = "sgd",
    .title = "plain gradient descent: d = g",
    .state_per_param = 0,
    .direction = sgd_direction,
    .apply = optim_apply_fused,
};
