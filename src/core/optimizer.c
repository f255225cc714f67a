#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "optimizer.h"

const optimizer_type *const optimizer_types[] = {
    &optim_sgd, &optim_momentum, &optim_nesterov,
    &optim_adagrad, &optim_rmsprop, &optim_adam, NULL};

optim_params optim_params_default(void)
{
    return (optim_params){.momentum = 0.9, .beta1 = 0.9, .beta2 = 0.999,
                          .rho = 0.99, .eps = 0.0};
}

const optimizer_type *optimizer_find(const char *name)
{
    for (const optimizer_type *const *t = optimizer_types; *t; t++)
        if (strcmp((*t)->name, name) == 0)
            return *t;
    return NULL;
}

size_t optim_state_vectors(const optimizer_type *type)
{
    size_t k = 0;
    while (type->state_names && type->state_names[k])
        k++;
    return k;
}

size_t optim_state_len(const optimizer_type *type, size_t n)
{
    return optim_state_vectors(type) * n + type->state_scalars;
}

void optim_init(const optimizer_type *type, const optim_params *p,
                double *state, size_t n)
{
    size_t len = optim_state_len(type, n);
    if (len)
        memset(state, 0, len * sizeof *state);
    if (type->init)
        type->init(p, state, n);
}

double optim_eps(const optimizer_type *type, const optim_params *p)
{
    return p->eps > 0.0 ? p->eps : type->default_eps;
}

double optim_hd_beta(const optimizer_type *type, hd_mode m)
{
    return m == HD_MULT ? 0.02 : type->hd_beta;
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

void optim_apply_fused(const optim_params *p, const double *state, size_t n,
                       long t, const double *g, const double *d, double lr,
                       double *theta)
{
    (void)p, (void)state, (void)t, (void)g;
    for (size_t i = 0; i < n; i++)
        theta[i] = fma(-lr, d[i], theta[i]);
}

void optim_apply_rms(const double *s, size_t n, const double *g, double lr,
                     double eps, double *theta)
{
    for (size_t i = 0; i < n; i++)
        theta[i] = theta[i] + (-lr * g[i]) / (sqrt(s[i]) + eps);
}

void optim_rms_direction(double *s, size_t n, const double *g, double decay,
                         double gain, double eps, double *d)
{
    for (size_t i = 0; i < n; i++) {
        s[i] = fma(gain * g[i], g[i], decay * s[i]);
        d[i] = g[i] / (sqrt(s[i]) + eps);
    }
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
