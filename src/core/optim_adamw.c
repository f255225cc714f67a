/* adamw: Adam with decoupled weight decay (torch's AdamW, W 0.01):
 * θ ← θ(1 − αW), then Adam's step. Its direction is Adam's plus Wθ
 * (optim_direction adds it), so θ − αd is the same update. */
#include "optim_adam.h"
#include "precision.h"

static inline void decay_kernel(const optim_params *p, size_t n, double lr,
                                double *theta, bool single)
{
    double keep = PR(1.0 - lr * optim_weight_decay(&optim_adamw, p));
    for (size_t i = 0; i < n; i++)
        theta[i] = PR(theta[i] * keep);
}

/* torch's param.mul_(1 - lr * weight_decay), then Adam's addcdiv. */
static void adamw_apply(const optim_params *p, const double *state, size_t n,
                        long t, const double *g, const double *d, double lr,
                        double *theta)
{
    PREC_DISPATCH(p->single, decay_kernel, p, n, lr, theta);
    adam_apply(p, state, n, t, g, d, lr, theta);
}

static int adamw_describe(const optim_params *p, long t, optim_line *out)
{
    return adam_lines(&optim_adamw, p, t, out);
}

const optimizer_type optim_adamw = {
    .name = "adamw",
    .title = "AdamW: θ ← θ(1 − αW); d = m̂ / (√v̂ + ε)",
    .caps = OPTIM_FIRST_ORDER | OPTIM_DECOUPLED_DECAY,
    .params = OPTIM_P_BETAS | OPTIM_P_EPS | OPTIM_P_WEIGHT_DECAY |
              OPTIM_P_AMSGRAD,
    .state_names = (const char *const[]){"m", "v", "vmax", NULL},
    .default_eps = 1e-8,
    .default_weight_decay = 0.01,
    .hd_beta = 1e-7,
    .direction = adam_direction,
    .apply = adamw_apply,
    .tangent = adam_tangent,
    .describe = adamw_describe,
};
