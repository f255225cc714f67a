/* adadelta: s = ρs + (1-ρ)ĝ²; δ = √(a + ε)/√(s + ε)·ĝ;
 * a = ρa + (1-ρ)δ²; d = δ (torch's Adadelta: ρ 0.9, ε 1e-6, lr 1). The
 * step is its own unit: α scales it, 1 by default. */
#include <math.h>

#include "optimizer.h"
#include "precision.h"

static inline void direction_kernel(const optim_params *p, double *state,
                                    size_t n, const double *g, double *d,
                                    bool single)
{
    double *s = state, *a = state + n;
    double rho = optim_rho(&optim_adadelta, p);
    double r = PR(rho), k = PR(1.0 - rho);
    double eps = PR(optim_eps(&optim_adadelta, p));
    for (size_t i = 0; i < n; i++) {
        s[i] = prec_fma(single, PR(k * g[i]), g[i], PR(r * s[i]));
        double std = PR(sqrt(PR(s[i] + eps)));
        d[i] = PR(PR(PR(sqrt(PR(a[i] + eps))) / std) * g[i]);
        a[i] = prec_fma(single, PR(k * d[i]), d[i], PR(r * a[i]));
    }
}

static void adadelta_direction(const optim_params *p, double *state, size_t n,
                               long t, const double *g, double *d)
{
    (void)t;
    PREC_DISPATCH(p->single, direction_kernel, p, state, n, g, d);
}

/* ṡ = ρṡ + 2(1-ρ)gġ; δ̇ from √(a+ε), √(s+ε) and their tangents, with a
 * before its update recovered from a = ρa₋ + k(a₋ + ε), k =
 * (1-ρ)g²/(s+ε); ȧ = ρȧ₋ + 2(1-ρ)δδ̇. */
static void adadelta_tangent(const optim_params *p, const double *state,
                             double *sdot, size_t n, long t, const double *g,
                             const double *gdot, double *ddot)
{
    (void)t;
    const double *s = state, *a = state + n;
    double *s_dot = sdot, *a_dot = sdot + n;
    double rho = optim_rho(&optim_adadelta, p);
    double eps = optim_eps(&optim_adadelta, p);
    for (size_t i = 0; i < n; i++) {
        s_dot[i] = rho * s_dot[i] + 2.0 * (1.0 - rho) * g[i] * gdot[i];
        double k = (1.0 - rho) * g[i] * g[i] / (s[i] + eps);
        double a_prev = rho + k > 0.0 ? fmax(0.0, (a[i] - k * eps) / (rho + k))
                                      : 0.0;
        double st = sqrt(s[i] + eps), st_dot = s_dot[i] / (2.0 * st);
        double ra = sqrt(a_prev + eps), ra_dot = a_dot[i] / (2.0 * ra);
        double ratio = ra / st;
        double ratio_dot = ra_dot / st - ra * st_dot / (st * st);
        double delta = ratio * g[i];
        ddot[i] = ratio_dot * g[i] + ratio * gdot[i];
        a_dot[i] = rho * a_dot[i] + 2.0 * (1.0 - rho) * delta * ddot[i];
    }
}

static int adadelta_describe(const optim_params *p, long t, optim_line *out)
{
    (void)t;
    double rho = optim_rho(&optim_adadelta, p);
    double eps = optim_eps(&optim_adadelta, p);
    optim_describe(&out[0], NULL, 0, 1.0, "%g·s + %g·ĝ²", rho, 1.0 - rho);
    optim_describe(&out[1], "d", OPTIM_SHOW_D, 1.0, "√(a + %g)/√(s + %g)·ĝ",
                   eps, eps);
    optim_describe(&out[2], NULL, 1, 1.0, "%g·a + %g·d²", rho, 1.0 - rho);
    return 3;
}

const optimizer_type optim_adadelta = {
    .name = "adadelta",
    .title = "Adadelta: d = √(a + ε)/√(s + ε)·g, a averages d²",
    .caps = OPTIM_FIRST_ORDER,
    .params = OPTIM_P_RHO | OPTIM_P_EPS | OPTIM_P_WEIGHT_DECAY,
    .state_names = (const char *const[]){"s", "a", NULL},
    .default_eps = 1e-6,
    .default_rho = 0.9,
    .default_lr = 1.0,
    .hd_beta = 1e-3,
    .direction = adadelta_direction,
    .apply = optim_apply_fused,
    .tangent = adadelta_tangent,
    .describe = adadelta_describe,
};
