/* nadam: torch 1.13's NAdam (momentum_decay ψ = 4e-3, lr 2e-3). With
 * μ_t = β1(1 − ½·0.96^(tψ)) and the product Π_t = μ_1⋯μ_t (a scalar of
 * state, starting at 1),
 *   m = β1 m + (1-β1)ĝ;  v = β2 v + (1-β2)ĝ²;  D = √(v/(1-β2^t)) + ε;
 *   d = (1-μ_t)/(1-Π_t)·ĝ/D + μ_{t+1}/(1-Π')·m/D,
 * where torch 1.13 takes Π' = Π_t·μ_t·μ_{t+1} (μ_t twice: later
 * versions use Π_t·μ_{t+1}); this follows 1.13, whose trajectories are
 * the references. θ moves by its two addcdiv steps, ĝ's then m's. */
#include <math.h>

#include "optimizer.h"
#include "precision.h"

static const double momentum_decay = 4e-3;

typedef struct {
    double mu, mu_next, prod, prod_next, bc2;
} nadam_consts;

static double mu_at(double beta1, double t)
{
    return beta1 * (1.0 - 0.5 * pow(0.96, t * momentum_decay));
}

/* The constants of update t with Π_t (after its update) in prod. */
static nadam_consts consts(const optim_params *p, long t, double prod)
{
    double mu = mu_at(p->beta1, (double)t);
    double mu_next = mu_at(p->beta1, (double)t + 1.0);
    return (nadam_consts){mu, mu_next, prod, prod * mu * mu_next,
                          1.0 - pow(p->beta2, (double)t)};
}

static void nadam_init(const optim_params *p, double *state, size_t n)
{
    (void)p;
    state[2 * n] = 1.0;
}

static inline double denom(double v, double bc2, double eps, bool single)
{
    return PR(PR(sqrt(PR(v / bc2))) + eps);
}

static inline void direction_kernel(const optim_params *p, double *state,
                                    size_t n, long t, const double *g,
                                    double *d, bool single)
{
    double *m = state, *v = state + n, *prod = state + 2 * n;
    *prod *= mu_at(p->beta1, (double)t);
    nadam_consts c = consts(p, t, *prod);
    double b1 = PR(p->beta1), b2 = PR(p->beta2);
    double k1 = PR(1.0 - p->beta1), k2 = PR(1.0 - p->beta2);
    double bc2 = PR(c.bc2), eps = PR(optim_eps(&optim_nadam, p));
    double cg = PR((1.0 - c.mu) / (1.0 - c.prod));
    double cm = PR(c.mu_next / (1.0 - c.prod_next));
    for (size_t i = 0; i < n; i++) {
        m[i] = prec_fma(single, k1, g[i], PR(b1 * m[i]));
        v[i] = prec_fma(single, PR(k2 * g[i]), g[i], PR(b2 * v[i]));
        double den = denom(v[i], bc2, eps, single);
        d[i] = PR(PR(PR(cg * g[i]) / den) + PR(PR(cm * m[i]) / den));
    }
}

static void nadam_direction(const optim_params *p, double *state, size_t n,
                            long t, const double *g, double *d)
{
    PREC_DISPATCH(p->single, direction_kernel, p, state, n, t, g, d);
}

static inline void apply_kernel(const optim_params *p, const double *state,
                                size_t n, long t, const double *g, double lr,
                                double *theta, bool single)
{
    const double *m = state, *v = state + n;
    nadam_consts c = consts(p, t, state[2 * n]);
    double bc2 = PR(c.bc2), eps = PR(optim_eps(&optim_nadam, p));
    double sg = PR(-lr * (1.0 - c.mu) / (1.0 - c.prod));
    double sm = PR(-lr * c.mu_next / (1.0 - c.prod_next));
    for (size_t i = 0; i < n; i++) {
        double den = denom(v[i], bc2, eps, single);
        theta[i] = PR(theta[i] + PR(PR(sg * g[i]) / den));
        theta[i] = PR(theta[i] + PR(PR(sm * m[i]) / den));
    }
}

static void nadam_apply(const optim_params *p, const double *state, size_t n,
                        long t, const double *g, const double *d, double lr,
                        double *theta)
{
    (void)d;
    PREC_DISPATCH(p->single, apply_kernel, p, state, n, t, g, lr, theta);
}

/* ṁ, v̇ as Adam's; ḋ of (cg·g + cm·m)/D. */
static void nadam_tangent(const optim_params *p, const double *state,
                          double *sdot, size_t n, long t, const double *g,
                          const double *gdot, double *ddot)
{
    const double *m = state, *v = state + n;
    double *mdot = sdot, *vdot = sdot + n;
    nadam_consts c = consts(p, t, state[2 * n]);
    double cg = (1.0 - c.mu) / (1.0 - c.prod);
    double cm = c.mu_next / (1.0 - c.prod_next);
    double eps = optim_eps(&optim_nadam, p);
    for (size_t i = 0; i < n; i++) {
        mdot[i] = p->beta1 * mdot[i] + (1.0 - p->beta1) * gdot[i];
        vdot[i] = p->beta2 * vdot[i] + 2.0 * (1.0 - p->beta2) * g[i] * gdot[i];
        ddot[i] = optim_adaptive_dot(cg * g[i] + cm * m[i],
                                     cg * gdot[i] + cm * mdot[i], v[i],
                                     vdot[i], sqrt(c.bc2), eps);
    }
}

static int nadam_describe(const optim_params *p, long t, optim_line *out)
{
    /* Π_t is in the state, not here: recomputed from the μ. */
    double prod = 1.0;
    for (long k = 1; k <= t; k++)
        prod *= mu_at(p->beta1, (double)k);
    nadam_consts c = consts(p, t, prod);
    optim_describe(&out[0], NULL, 0, 1.0, "%g·m + %g·ĝ", p->beta1,
                   1.0 - p->beta1);
    optim_describe(&out[1], NULL, 1, 1.0, "%g·v + %g·ĝ²", p->beta2,
                   1.0 - p->beta2);
    optim_describe(&out[2], "μ", OPTIM_SHOW_NONE, 1.0, "%.4g, next %.4g",
                   c.mu, c.mu_next);
    optim_describe(&out[3], "D", OPTIM_SHOW_NONE, 1.0, "√(v/%.4g) + %g",
                   c.bc2, optim_eps(&optim_nadam, p));
    optim_describe(&out[4], "d", OPTIM_SHOW_D, 1.0, "%.4g·ĝ/D + %.4g·m/D",
                   (1.0 - c.mu) / (1.0 - c.prod),
                   c.mu_next / (1.0 - c.prod_next));
    return 5;
}

const optimizer_type optim_nadam = {
    .name = "nadam",
    .title = "NAdam: Adam with Nesterov momentum (μ_t schedule)",
    .caps = OPTIM_FIRST_ORDER,
    .params = OPTIM_P_BETAS | OPTIM_P_EPS | OPTIM_P_WEIGHT_DECAY,
    .state_names = (const char *const[]){"m", "v", NULL},
    .state_scalars = 1,
    .default_eps = 1e-8,
    .default_lr = 2e-3,
    .hd_beta = 1e-7,
    .init = nadam_init,
    .direction = nadam_direction,
    .apply = nadam_apply,
    .tangent = nadam_tangent,
    .describe = nadam_describe,
};
