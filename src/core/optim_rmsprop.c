/* rmsprop: s = ρs + (1-ρ)ĝ²; d = ĝ / (√s + ε); ρ 0.99, ε 1e-8 (torch's
 * RMSprop, whose ρ is called alpha). 1-ρ is computed, not written as a
 * literal, as torch does: 1 - 0.99 is 0.010000000000000009. */
#include "optimizer.h"

static void rmsprop_direction(const optim_params *p, double *s, size_t n,
                              long t, const double *g, double *d)
{
    (void)t;
    double rho = optim_rho(&optim_rmsprop, p);
    optim_rms_direction(s, n, g, rho, 1.0 - rho, optim_eps(&optim_rmsprop, p),
                        p->single, d);
}

static void rmsprop_apply(const optim_params *p, const double *s, size_t n,
                          long t, const double *g, const double *d, double lr,
                          double *theta)
{
    (void)t, (void)d;
    optim_apply_rms(s, n, g, lr, optim_eps(&optim_rmsprop, p), p->single,
                    theta);
}

static void rmsprop_tangent(const optim_params *p, const double *s,
                            double *sdot, size_t n, long t, const double *g,
                            const double *gdot, double *ddot)
{
    (void)t;
    double rho = optim_rho(&optim_rmsprop, p);
    optim_rms_tangent(s, sdot, n, g, gdot, rho, 1.0 - rho,
                      optim_eps(&optim_rmsprop, p), ddot);
}

static int rmsprop_describe(const optim_params *p, long t, optim_line *out)
{
    (void)t;
    double rho = optim_rho(&optim_rmsprop, p);
    optim_describe(&out[0], NULL, 0, 1.0, "%g·s + %g·ĝ²", rho, 1.0 - rho);
    optim_describe(&out[1], "d", OPTIM_SHOW_D, 1.0, "ĝ/(√s + %g)",
                   optim_eps(&optim_rmsprop, p));
    return 2;
}

/* β as for adagrad: the direction is normalised. */
const optimizer_type optim_rmsprop = {
    .name = "rmsprop",
    .title = "RMSprop: s = ρs + (1-ρ)g²; d = g / (√s + ε)",
    .caps = OPTIM_FIRST_ORDER,
    .params = OPTIM_P_RHO | OPTIM_P_EPS | OPTIM_P_WEIGHT_DECAY,
    .state_names = (const char *const[]){"s", NULL},
    .default_eps = 1e-8,
    .default_rho = 0.99,
    .hd_beta = 1e-7,
    .direction = rmsprop_direction,
    .apply = rmsprop_apply,
    .tangent = rmsprop_tangent,
    .describe = rmsprop_describe,
};
