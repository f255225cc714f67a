/* momentum (heavy ball): v = μv + (1−D)ĝ; d = v. As torch's
 * SGD(momentum=μ, dampening=D): its first buffer is a copy of ĝ, not
 * dampened, and the sum is one fused multiply-add (μv + ĝ when D = 0). */
#include "optimizer.h"
#include "precision.h"

static inline void kernel(const optim_params *p, double *v, size_t n, long t,
                          const double *g, double *d, bool single)
{
    double mu = PR(p->momentum), keep = PR(1.0 - p->dampening);
    for (size_t i = 0; i < n; i++) {
        v[i] = t == 1 ? g[i] : prec_fma(single, keep, g[i], PR(mu * v[i]));
        d[i] = v[i];
    }
}

static void momentum_direction(const optim_params *p, double *v, size_t n,
                               long t, const double *g, double *d)
{
    PREC_DISPATCH(p->single, kernel, p, v, n, t, g, d);
}

/* v̇ = μv̇ + (1−D)ġ (ġ at the first step); ḋ = v̇. */
static void momentum_tangent(const optim_params *p, const double *v,
                             double *vdot, size_t n, long t, const double *g,
                             const double *gdot, double *ddot)
{
    (void)v, (void)g;
    double keep = 1.0 - p->dampening;
    for (size_t i = 0; i < n; i++) {
        vdot[i] = t == 1 ? gdot[i] : p->momentum * vdot[i] + keep * gdot[i];
        ddot[i] = vdot[i];
    }
}

static int momentum_describe(const optim_params *p, long t, optim_line *out)
{
    if (t == 1)
        optim_describe(&out[0], NULL, 0, 1.0, "ĝ (first step)");
    else if (p->dampening != 0.0)
        optim_describe(&out[0], NULL, 0, 1.0, "%g·v + %g·ĝ", p->momentum,
                       1.0 - p->dampening);
    else
        optim_describe(&out[0], NULL, 0, 1.0, "%g·v + ĝ", p->momentum);
    optim_describe(&out[1], "d", OPTIM_SHOW_NONE, 1.0, "v");
    return 2;
}

/* With αv_t = e_{t-1} − e_t: e_{t+1} = (1 + μ − a) e_t − μ e_{t-1};
 * dampening scales the gradient's part after the first update, so a
 * becomes a(1 − D) for the rate. */
static double momentum_rate(const optim_params *p, double a, bool *complex)
{
    double mu = p->momentum, ad = a * (1.0 - p->dampening);
    return optim_root_modulus(1.0 + mu - ad, mu, complex);
}

const optimizer_type optim_momentum = {
    .name = "momentum",
    .title = "heavy ball: v = μv + g; d = v",
    .caps = OPTIM_FIRST_ORDER,
    .params = OPTIM_P_MOMENTUM | OPTIM_P_DAMPENING | OPTIM_P_WEIGHT_DECAY,
    .state_names = (const char *const[]){"v", NULL},
    .hd_beta = 1e-3,
    .direction = momentum_direction,
    .apply = optim_apply_fused,
    .tangent = momentum_tangent,
    .describe = momentum_describe,
    .linear_rate = momentum_rate,
};
