/* adamax: m = β1 m + (1-β1)ĝ; u = max(β2 u, |ĝ| + ε); d = m̂ / u with
 * m̂ = m/(1-β1^t) (torch's Adamax: ε 1e-8, lr 2e-3). */
#include <math.h>

#include "optimizer.h"
#include "precision.h"

/* max(a, b), NaN if either is (torch.amax). */
static inline double nan_max(double a, double b)
{
    return isnan(a) || a > b ? a : b;
}

static inline void direction_kernel(const optim_params *p, double *state,
                                    size_t n, long t, const double *g,
                                    double *d, bool single)
{
    double *m = state, *u = state + n;
    double b1 = PR(p->beta1), b2 = PR(p->beta2), k1 = PR(1.0 - p->beta1);
    double eps = PR(optim_eps(&optim_adamax, p));
    double bc = PR(1.0 - pow(p->beta1, (double)t));
    for (size_t i = 0; i < n; i++) {
        m[i] = prec_fma(single, k1, g[i], PR(b1 * m[i]));
        u[i] = nan_max(PR(b2 * u[i]), PR(fabs(g[i]) + eps));
        d[i] = PR(PR(m[i] / bc) / u[i]);
    }
}

static void adamax_direction(const optim_params *p, double *state, size_t n,
                             long t, const double *g, double *d)
{
    PREC_DISPATCH(p->single, direction_kernel, p, state, n, t, g, d);
}

/* torch's param.addcdiv_(m, u, value=-lr/bc). */
static inline void apply_kernel(const optim_params *p, const double *state,
                                size_t n, long t, double lr, double *theta,
                                bool single)
{
    const double *m = state, *u = state + n;
    double step = PR(-(lr / (1.0 - pow(p->beta1, (double)t))));
    for (size_t i = 0; i < n; i++)
        theta[i] = PR(theta[i] + PR(PR(step * m[i]) / u[i]));
}

static void adamax_apply(const optim_params *p, const double *state, size_t n,
                         long t, const double *g, const double *d, double lr,
                         double *theta)
{
    (void)g, (void)d;
    PREC_DISPATCH(p->single, apply_kernel, p, state, n, t, lr, theta);
}

/* ṁ = β1ṁ + (1-β1)ġ; u̇ follows the larger term (sign(g)ġ where |g| + ε
 * won, β2u̇ otherwise); ḋ = (ṁ − m u̇/u)/(bc·u). */
static void adamax_tangent(const optim_params *p, const double *state,
                           double *sdot, size_t n, long t, const double *g,
                           const double *gdot, double *ddot)
{
    const double *m = state, *u = state + n;
    double *mdot = sdot, *udot = sdot + n;
    double eps = optim_eps(&optim_adamax, p);
    double bc = 1.0 - pow(p->beta1, (double)t);
    for (size_t i = 0; i < n; i++) {
        mdot[i] = p->beta1 * mdot[i] + (1.0 - p->beta1) * gdot[i];
        udot[i] = u[i] == fabs(g[i]) + eps
                      ? (g[i] > 0 ? gdot[i] : g[i] < 0 ? -gdot[i] : 0.0)
                      : p->beta2 * udot[i];
        ddot[i] = (mdot[i] - m[i] * udot[i] / u[i]) / (bc * u[i]);
    }
}

static int adamax_describe(const optim_params *p, long t, optim_line *out)
{
    double bc = 1.0 - pow(p->beta1, (double)t);
    optim_describe(&out[0], NULL, 0, 1.0, "%g·m + %g·ĝ", p->beta1,
                   1.0 - p->beta1);
    optim_describe(&out[1], NULL, 1, 1.0, "max(%g·u, |ĝ| + %g)", p->beta2,
                   optim_eps(&optim_adamax, p));
    optim_describe(&out[2], "m̂", 0, 1.0 / bc, "m/%.4g", bc);
    optim_describe(&out[3], "d", OPTIM_SHOW_D, 1.0, "m̂/u");
    return 4;
}

const optimizer_type optim_adamax = {
    .name = "adamax",
    .title = "Adamax: u = max(β2u, |g|); d = m̂ / u",
    .caps = OPTIM_FIRST_ORDER,
    .params = OPTIM_P_BETAS | OPTIM_P_EPS | OPTIM_P_WEIGHT_DECAY,
    .state_names = (const char *const[]){"m", "u", NULL},
    .default_eps = 1e-8,
    .default_lr = 2e-3,
    .hd_beta = 1e-7,
    .direction = adamax_direction,
    .apply = adamax_apply,
    .tangent = adamax_tangent,
    .describe = adamax_describe,
};
