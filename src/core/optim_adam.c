/* adam: m = β1 m + (1-β1)ĝ; v = β2 v + (1-β2)ĝ²;
 * d = m̂ / (√v̂ + ε), m̂ = m/(1-β1^t), v̂ = v/(1-β2^t); with amsgrad v̂
 * comes from the running maximum of v (torch's max_exp_avg_sq).
 * State: m, v (and that maximum), n doubles each. m and v are fused
 * multiply-adds and the update is θ + ((-lr/bc1)·m) / (√v/√bc2 + ε), as
 * torch's Adam. */
#include <math.h>

#include "optim_adam.h"
#include "precision.h"
#include "simd.h"

typedef struct {
    double bc1, bc2_sqrt, eps;
} adam_consts;

/* 1 - β^t as torch computes it (1 - beta ** step, libm's pow), without
 * the pow once β^t < 2^-56, where the difference rounds to 1 whatever
 * pow returns: ln β ≤ β - 1, so t(1-β) ≥ 39 gives β^t ≤ e^-39 < 2^-56.
 * Past that (t ≥ 390 for β 0.9, 39,000 for 0.999) a step costs no pow,
 * and none of pow's slow underflow of β^t either. */
static double bias_correction(double beta, long t)
{
    if ((double)t * (1.0 - beta) >= 39.0)
        return 1.0;
    return 1.0 - pow(beta, (double)t);
}

static adam_consts consts(const optim_params *p, long t)
{
    return (adam_consts){bias_correction(p->beta1, t),
                         sqrt(bias_correction(p->beta2, t)),
                         optim_eps(&optim_adam, p)};
}

/* x / c, which is x itself when c is 1 (as it is after a few hundred
 * steps): the division is skipped, not the rounding changed. */
static inline double over(double x, double c) { return c == 1.0 ? x : x / c; }

/* The constants as they meet the state: rounded in float32. */
static inline adam_consts rounded(adam_consts c, bool single)
{
    return (adam_consts){PR(c.bc1), PR(c.bc2_sqrt), PR(c.eps)};
}

/* The v the denominator uses: v, or its running maximum (NaN kept, as
 * torch.maximum does). */
static inline const double *v_used(const optim_params *p, const double *state,
                                   size_t n)
{
    return state + (p->amsgrad ? 2 : 1) * n;
}

static inline double denom(double v, adam_consts c, bool single)
{
    return PR(PR(over(PR(sqrt(v)), c.bc2_sqrt)) + c.eps);
}

static inline void direction_kernel(const optim_params *p, double *state,
                                    size_t n, long t, const double *g,
                                    double *d, bool single)
{
    double *m = state, *v = state + n;
    double *vmax = p->amsgrad ? state + 2 * n : NULL;
    double b1 = PR(p->beta1), b2 = PR(p->beta2);
    double k1 = PR(1.0 - p->beta1), k2 = PR(1.0 - p->beta2);
    const double *vu = v_used(p, state, n);
    adam_consts c = rounded(consts(p, t), single);
    for (size_t i = 0; i < n; i++) {
        m[i] = prec_fma(single, k1, g[i], PR(b1 * m[i]));
        v[i] = prec_fma(single, PR(k2 * g[i]), g[i], PR(b2 * v[i]));
        if (p->amsgrad && (v[i] > vmax[i] || isnan(v[i])))
            vmax[i] = v[i];
        d[i] = PR(PR(over(m[i], c.bc1)) / denom(vu[i], c, single));
    }
}

/* Cloned (simd.h) so that fma() is an instruction where there is one:
 * the same exact result as libm's call, without the call. */
SIMD_CLONES
void adam_direction(const optim_params *p, double *state, size_t n, long t,
                    const double *g, double *d)
{
    PREC_DISPATCH(p->single, direction_kernel, p, state, n, t, g, d);
}

static inline void apply_kernel(const optim_params *p, const double *state,
                                size_t n, long t, double lr, double *theta,
                                bool single)
{
    const double *m = state, *vu = v_used(p, state, n);
    adam_consts c = consts(p, t);
    double step = PR(-over(lr, c.bc1));
    c = rounded(c, single);
    for (size_t i = 0; i < n; i++)
        theta[i] = PR(theta[i] + PR(PR(step * m[i]) / denom(vu[i], c, single)));
}

void adam_apply(const optim_params *p, const double *state, size_t n, long t,
                const double *g, const double *d, double lr, double *theta)
{
    (void)g, (void)d;
    PREC_DISPATCH(p->single, apply_kernel, p, state, n, t, lr, theta);
}

/* ṁ = β1ṁ + (1-β1)ġ; v̇ = β2v̇ + 2(1-β2)gġ (the maximum's tangent is
 * v̇ where v is the maximum, else its own);
 * ḋ = ṁ̂/(√v̂ + ε) - m̂ v̂̇ / (2√v̂ (√v̂ + ε)²). */
void adam_tangent(const optim_params *p, const double *state, double *sdot,
                  size_t n, long t, const double *g, const double *gdot,
                  double *ddot)
{
    const double *m = state, *v = state + n;
    const double *vmax = p->amsgrad ? state + 2 * n : NULL;
    double *mdot = sdot, *vdot = sdot + n;
    double *vmaxdot = p->amsgrad ? sdot + 2 * n : NULL;
    const double *vu = v_used(p, state, n), *vudot = v_used(p, sdot, n);
    adam_consts c = consts(p, t);
    for (size_t i = 0; i < n; i++) {
        mdot[i] = p->beta1 * mdot[i] + (1.0 - p->beta1) * gdot[i];
        vdot[i] = p->beta2 * vdot[i] + 2.0 * (1.0 - p->beta2) * g[i] * gdot[i];
        if (p->amsgrad && vmax[i] == v[i])
            vmaxdot[i] = vdot[i];
        ddot[i] = optim_adaptive_dot(m[i] / c.bc1, mdot[i] / c.bc1, vu[i],
                                     vudot[i], c.bc2_sqrt, c.eps);
    }
}

int adam_lines(const optimizer_type *type, const optim_params *p, long t,
               optim_line *out)
{
    double bc1 = 1.0 - pow(p->beta1, (double)t);
    double bc2 = 1.0 - pow(p->beta2, (double)t);
    double w = optim_weight_decay(type, p);
    int k = 0, vv = p->amsgrad ? 2 : 1;
    optim_describe(&out[k++], NULL, 0, 1.0, "%g·m + %g·ĝ", p->beta1,
                   1.0 - p->beta1);
    optim_describe(&out[k++], NULL, 1, 1.0, "%g·v + %g·ĝ²", p->beta2,
                   1.0 - p->beta2);
    if (p->amsgrad)
        optim_describe(&out[k++], NULL, 2, 1.0, "max(vmax, v)");
    optim_describe(&out[k++], "m̂", 0, 1.0 / bc1, "m/%.4g", bc1);
    optim_describe(&out[k++], "v̂", vv, 1.0 / bc2, "%s/%.4g",
                   p->amsgrad ? "vmax" : "v", bc2);
    if ((type->caps & OPTIM_DECOUPLED_DECAY) && w != 0.0)
        optim_describe(&out[k++], "d", OPTIM_SHOW_D, 1.0,
                       "m̂/(√v̂ + %g) + %g·θ", optim_eps(type, p), w);
    else
        optim_describe(&out[k++], "d", OPTIM_SHOW_D, 1.0, "m̂/(√v̂ + %g)",
                       optim_eps(type, p));
    return k;
}

static int adam_describe(const optim_params *p, long t, optim_line *out)
{
    return adam_lines(&optim_adam, p, t, out);
}

const optimizer_type optim_adam = {
    .name = "adam",
    .title = "Adam: d = m̂ / (√v̂ + ε)",
    .caps = OPTIM_FIRST_ORDER,
    .params = OPTIM_P_BETAS | OPTIM_P_EPS | OPTIM_P_WEIGHT_DECAY |
              OPTIM_P_AMSGRAD,
    .state_names = (const char *const[]){"m", "v", "vmax", NULL},
    .default_eps = 1e-8,
    .hd_beta = 1e-7,
    .direction = adam_direction,
    .apply = adam_apply,
    .tangent = adam_tangent,
    .describe = adam_describe,
};
