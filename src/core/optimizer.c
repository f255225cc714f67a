#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "optim_whole.h"
#include "optimizer.h"
#include "precision.h"

const optimizer_type *const optimizer_types[] = {
    &optim_sgd, &optim_momentum, &optim_nesterov, &optim_adagrad,
    &optim_rmsprop, &optim_adam, &optim_adamw, &optim_nadam, &optim_adamax,
    &optim_adadelta, &optim_newton, &optim_bfgs, &optim_cg_fr, &optim_cg_pr,
    &optim_steepest, &optim_nelder_mead, NULL};

optim_params optim_params_default(void)
{
    return (optim_params){.momentum = 0.9, .beta1 = 0.9, .beta2 = 0.999,
                          .rho = -1.0, .eps = 0.0, .weight_decay = -1.0};
}

const optimizer_type *optimizer_find(const char *name)
{
    for (const optimizer_type *const *t = optimizer_types; *t; t++)
        if (strcmp((*t)->name, name) == 0)
            return *t;
    return NULL;
}

double optim_default_lr(const optimizer_type *type)
{
    return type->default_lr > 0.0 ? type->default_lr : 1e-3;
}

double optim_follow_lr(const optimizer_type *from, const optimizer_type *to,
                       double lr)
{
    bool on_default = lr == from->default_lr;
    if (to->default_lr > 0.0)
        return from->default_lr == 0.0 || on_default ? to->default_lr : lr;
    return on_default ? optim_default_lr(to) : lr;
}

size_t optim_state_vectors(const optimizer_type *type, const optim_params *p)
{
    size_t k = 0;
    while (type->state_names && type->state_names[k])
        k++;
    if ((type->params & OPTIM_P_AMSGRAD) && !p->amsgrad)
        k--;
    return k;
}

size_t optim_state_len(const optimizer_type *type, const optim_params *p,
                       size_t n)
{
    return optim_state_vectors(type, p) * n + type->state_scalars;
}

void optim_init(const optimizer_type *type, const optim_params *p,
                double *state, size_t n)
{
    size_t len = optim_state_len(type, p, n);
    if (len)
        memset(state, 0, len * sizeof *state);
    if (type->init)
        type->init(p, state, n);
}

double optim_eps(const optimizer_type *type, const optim_params *p)
{
    return p->eps > 0.0 ? p->eps : type->default_eps;
}

double optim_rho(const optimizer_type *type, const optim_params *p)
{
    return p->rho >= 0.0 ? p->rho : type->default_rho;
}

double optim_weight_decay(const optimizer_type *type, const optim_params *p)
{
    if (!(type->params & OPTIM_P_WEIGHT_DECAY))
        return 0.0;
    return p->weight_decay >= 0.0 ? p->weight_decay
                                  : type->default_weight_decay;
}

double optim_hd_beta(const optimizer_type *type, hd_mode m)
{
    return m == HD_MULT ? 0.02 : type->hd_beta;
}

double optim_root_modulus(double b, double c, bool *complex)
{
    double disc = b * b - 4.0 * c;
    *complex = disc < 0.0;
    if (*complex)
        return sqrt(c); /* a conjugate pair: |z|² = z·z̄ = c */
    double s = sqrt(disc);
    return fmax(fabs(b + s), fabs(b - s)) / 2.0;
}

/* v += W·u, fused as torch's v.add(u, alpha=W). */
static inline void add_scaled(double *v, const double *u, double w, size_t n,
                              bool single)
{
    double ws = PR(w);
    for (size_t i = 0; i < n; i++)
        v[i] = prec_fma(single, ws, u[i], v[i]);
}

static void decay(double *v, const double *u, double w, size_t n, bool single)
{
    PREC_DISPATCH(single, add_scaled, v, u, w, n);
}

void optim_direction(const optimizer_type *type, const optim_params *p,
                     double *state, size_t n, long t, double *g,
                     const double *theta, double *d)
{
    double w = optim_weight_decay(type, p);
    bool decoupled = type->caps & OPTIM_DECOUPLED_DECAY;
    if (w != 0.0 && !decoupled)
        decay(g, theta, w, n, p->single);
    type->direction(p, state, n, t, g, d);
    if (w != 0.0 && decoupled)
        decay(d, theta, w, n, p->single);
}

void optim_tangent(const optimizer_type *type, const optim_params *p,
                   const double *state, double *sdot, size_t n, long t,
                   const double *g, double *gdot, const double *theta_dot,
                   double *ddot)
{
    double w = optim_weight_decay(type, p);
    bool decoupled = type->caps & OPTIM_DECOUPLED_DECAY;
    if (w != 0.0 && !decoupled)
        for (size_t i = 0; i < n; i++)
            gdot[i] += w * theta_dot[i];
    type->tangent(p, state, sdot, n, t, g, gdot, ddot);
    if (w != 0.0 && decoupled)
        for (size_t i = 0; i < n; i++)
            ddot[i] += w * theta_dot[i];
}

int optim_lines(const optimizer_type *type, const optim_params *p, long t,
                optim_line *out)
{
    double w = optim_weight_decay(type, p);
    int k = 0;
    if (w != 0.0 && !(type->caps & OPTIM_DECOUPLED_DECAY))
        optim_describe(&out[k++], "ĝ", OPTIM_SHOW_NONE, 1.0, "ĝ + %g·θ", w);
    return k + type->describe(p, t, out + k);
}

void optim_describe(optim_line *l, const char *name, int vec, double scale,
                    const char *fmt, ...)
{
    l->name = name;
    l->vec = vec;
    l->scale = scale;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->formula, sizeof l->formula, fmt, ap);
    va_end(ap);
}

void optim_note_set(optim_note *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(n->text, sizeof n->text, fmt, ap);
    va_end(ap);
}

const char *optim_vec_text(char *buf, size_t cap, const double *v, size_t n,
                           double scale)
{
    if (n == 1) {
        snprintf(buf, cap, "(%.6g)", v[0] * scale);
    } else if (n == 2) {
        snprintf(buf, cap, "(%.6g, %.6g)", v[0] * scale, v[1] * scale);
    } else {
        double ss = 0.0;
        for (size_t i = 0; i < n; i++)
            ss += v[i] * v[i];
        snprintf(buf, cap, "‖·‖ %.6g (%.4g, …)", sqrt(ss) * fabs(scale),
                 v[0] * scale);
    }
    return buf;
}

static inline void apply_fused(double *theta, const double *d, double lr,
                               size_t n, bool single)
{
    double step = PR(-lr);
    for (size_t i = 0; i < n; i++)
        theta[i] = prec_fma(single, step, d[i], theta[i]);
}

void optim_apply_fused(const optim_params *p, const double *state, size_t n,
                       long t, const double *g, const double *d, double lr,
                       double *theta)
{
    (void)state, (void)t, (void)g;
    PREC_DISPATCH(p->single, apply_fused, theta, d, lr, n);
}

/* θ + (−lr·g)/(√s + ε), torch's addcdiv order. */
static inline void apply_rms(const double *s, size_t n, const double *g,
                             double lr, double eps, double *theta,
                             bool single)
{
    double step = PR(-lr), e = PR(eps);
    for (size_t i = 0; i < n; i++)
        theta[i] = PR(theta[i] + PR(PR(step * g[i]) / PR(PR(sqrt(s[i])) + e)));
}

void optim_apply_rms(const double *s, size_t n, const double *g, double lr,
                     double eps, bool single, double *theta)
{
    PREC_DISPATCH(single, apply_rms, s, n, g, lr, eps, theta);
}

static inline void rms_direction(double *s, size_t n, const double *g,
                                 double decay, double gain, double eps,
                                 double *d, bool single)
{
    double dc = PR(decay), gn = PR(gain), e = PR(eps);
    for (size_t i = 0; i < n; i++) {
        s[i] = prec_fma(single, PR(gn * g[i]), g[i], PR(dc * s[i]));
        d[i] = PR(g[i] / PR(PR(sqrt(s[i])) + e));
    }
}

void optim_rms_direction(double *s, size_t n, const double *g, double decay,
                         double gain, double eps, bool single, double *d)
{
    PREC_DISPATCH(single, rms_direction, s, n, g, decay, gain, eps, d);
}

double optim_adaptive_dot(double num, double num_dot, double acc,
                          double acc_dot, double c, double eps)
{
    double root = sqrt(acc) / c, den = root + eps;
    double droot = acc > 0.0 ? acc_dot / (2.0 * sqrt(acc) * c) : 0.0;
    return num_dot / den - num * droot / (den * den);
}

void optim_rms_tangent(const double *s, double *sdot, size_t n,
                       const double *g, const double *gdot, double decay,
                       double gain, double eps, double *ddot)
{
    for (size_t i = 0; i < n; i++) {
        sdot[i] = decay * sdot[i] + 2.0 * gain * g[i] * gdot[i];
        ddot[i] = optim_adaptive_dot(g[i], gdot[i], s[i], sdot[i], 1.0, eps);
    }
}
