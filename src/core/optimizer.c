#include <math.h>
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

double optim_eps(const optimizer_type *type, const optim_params *p)
{
    return p->eps > 0.0 ? p->eps : type->default_eps;
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
