/* adagrad: G = G + ĝ²; d = ĝ / (√G + ε), ε = 1e-10 (torch's Adagrad with
 * lr_decay 0 and a zero initial accumulator). */
#include "optimizer.h"

/* G·1 + 1·g² rounds as torch's addcmul_(g, g, value=1) on G. */
static void adagrad_direction(const optim_params *p, double *G, size_t n,
                              long t, const double *g, double *d)
{
    (void)t;
    optim_rms_direction(G, n, g, 1.0, 1.0, optim_eps(&optim_adagrad, p), d);
}

static void adagrad_apply(const optim_params *p, const double *G, size_t n,
                          long t, const double *g, const double *d, double lr,
                          double *theta)
{
    (void)t, (void)d;
    optim_apply_rms(G, n, g, lr, optim_eps(&optim_adagrad, p), theta);
}

const optimizer_type optim_adagrad = {
    .name = "adagrad",
    .title = "AdaGrad: G += g²; d = g / (√G + ε)",
    .state_per_param = 1,
    .default_eps = 1e-10,
    .direction = adagrad_direction,
    .apply = adagrad_apply,
};
