/* adagrad: G = G + ĝ²; d = ĝ / (√G + ε), ε = 1e-10 (torch's Adagrad with
 * lr_decay 0 and a zero initial accumulator). */
#include "optimizer.h"

/* G·1 + 1·g² rounds as torch's addcmul_(g, g, value=1) on G. */
static void adagrad_direction(const optim_params *p, double *G, size_t n,
                              long t, const double *g, double *d)
{
    (void)t;
    optim_rms_direction(G, n, g, 1.0, 1.0, optim_eps(&optim_adagrad, p),
                        p->single, d);
}

static void adagrad_apply(const optim_params *p, const double *G, size_t n,
                          long t, const double *g, const double *d, double lr,
                          double *theta)
{
    (void)t, (void)d;
    optim_apply_rms(G, n, g, lr, optim_eps(&optim_adagrad, p), p->single,
                    theta);
}

static void adagrad_tangent(const optim_params *p, const double *G,
                            double *Gdot, size_t n, long t, const double *g,
                            const double *gdot, double *ddot)
{
    (void)t;
    optim_rms_tangent(G, Gdot, n, g, gdot, 1.0, 1.0,
                      optim_eps(&optim_adagrad, p), ddot);
}

static int adagrad_describe(const optim_params *p, long t, optim_line *out)
{
    (void)t;
    optim_describe(&out[0], NULL, 0, 1.0, "G + ĝ²");
    optim_describe(&out[1], "d", OPTIM_SHOW_D, 1.0, "ĝ/(√G + %g)",
                   optim_eps(&optim_adagrad, p));
    return 2;
}

/* β as for Adam-HD: the direction is normalised. */
const optimizer_type optim_adagrad = {
    .name = "adagrad",
    .title = "AdaGrad: G += g²; d = g / (√G + ε)",
    .caps = OPTIM_FIRST_ORDER,
    .params = OPTIM_P_EPS | OPTIM_P_WEIGHT_DECAY,
    .state_names = (const char *const[]){"G", NULL},
    .default_eps = 1e-10,
    .hd_beta = 1e-7,
    .direction = adagrad_direction,
    .apply = adagrad_apply,
    .tangent = adagrad_tangent,
    .describe = adagrad_describe,
};
