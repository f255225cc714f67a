/* Optimisers as ops tables, in the manner of GSL's
 * gsl_multimin_fdfminimizer_type: a const description per algorithm, the
 * caller owns the state block of state_per_param * n doubles.
 * Conventions and defaults follow torch.optim (DESIGN §3), including the
 * order of floating-point operations, so trajectories match PyTorch's. */
#ifndef DESCENT_OPTIMIZER_H
#define DESCENT_OPTIMIZER_H

#include <stddef.h>

typedef struct {
    double momentum; /* μ: momentum, nesterov */
    double beta1, beta2; /* adam */
    double rho;      /* rmsprop's smoothing constant (torch: alpha) */
    double eps;      /* 0 selects the optimiser's own default */
} optim_params;

/* The defaults of DESIGN §3 (eps 0: each optimiser's default). */
optim_params optim_params_default(void);

typedef struct optimizer_type {
    const char *name;
    const char *title;         /* one line for menus */
    size_t state_per_param;    /* doubles of state per parameter */
    double default_eps;        /* 0 when the optimiser has no ε */
    /* Update t (t ≥ 1) from the clipped gradient g: advances the state and
     * writes the direction d, so that θ_t = θ_{t-1} - lr d. */
    void (*direction)(const optim_params *p, double *state, size_t n, long t,
                      const double *g, double *d);
    /* θ ← θ - lr d rounded operation for operation as torch.optim does it,
     * from the state that direction() left. */
    void (*apply)(const optim_params *p, const double *state, size_t n,
                  long t, const double *g, const double *d, double lr,
                  double *theta);
} optimizer_type;

extern const optimizer_type optim_sgd, optim_momentum, optim_nesterov,
    optim_adagrad, optim_rmsprop, optim_adam;

/* NULL-terminated, in the order of DESIGN §3. */
extern const optimizer_type *const optimizer_types[];

const optimizer_type *optimizer_find(const char *name);

/* The apply of the SGD family: torch's param.add_(d, alpha=-lr), a fused
 * multiply-add. */
void optim_apply_fused(const optim_params *p, const double *state, size_t n,
                       long t, const double *g, const double *d, double lr,
                       double *theta);

/* adagrad and rmsprop keep an accumulator s of squared gradients:
 * s = decay·s + gain·g² (torch's s.mul_(decay).addcmul_(g, g, value=gain),
 * one fused multiply-add), d = g / (√s + ε). */
void optim_rms_direction(double *s, size_t n, const double *g, double decay,
                         double gain, double eps, double *d);

/* Their apply: torch's param.addcdiv_(g, √s + ε, value=-lr). */
void optim_apply_rms(const double *s, size_t n, const double *g, double lr,
                     double eps, double *theta);

/* ε in effect for type under p. */
double optim_eps(const optimizer_type *type, const optim_params *p);

#endif
