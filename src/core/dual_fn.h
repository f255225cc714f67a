/* The elementary functions of the expression language with their first
 * and second derivatives, for dual.h's chain rule. */
#ifndef DESCENT_DUAL_FN_H
#define DESCENT_DUAL_FN_H

#include <math.h>

/* ---- the functions: f[0] = f(u), f[1] = f'(u), f[2] = f''(u), computed
 * up to the given order (constant at each call site, so what is not
 * needed is not computed). */

static inline void fd_sin(double u, double *f, int order)
{
    f[0] = sin(u);
    if (order > 0) f[1] = cos(u);
    if (order > 1) f[2] = -f[0];
}

static inline void fd_cos(double u, double *f, int order)
{
    f[0] = cos(u);
    if (order > 0) f[1] = -sin(u);
    if (order > 1) f[2] = -f[0];
}

static inline void fd_tan(double u, double *f, int order)
{
    f[0] = tan(u);
    if (order > 0) f[1] = 1.0 + f[0] * f[0];
    if (order > 1) f[2] = 2.0 * f[0] * f[1];
}

/* 1/sqrt(1-u²) with 1-u² as (1-u)(1+u), accurate near |u| = 1. */
static inline void fd_asin(double u, double *f, int order)
{
    f[0] = asin(u);
    if (order > 0) {
        double s = sqrt((1.0 - u) * (1.0 + u));
        f[1] = 1.0 / s;
        if (order > 1) f[2] = u * f[1] * f[1] * f[1];
    }
}

static inline void fd_acos(double u, double *f, int order)
{
    f[0] = acos(u);
    if (order > 0) {
        double s = sqrt((1.0 - u) * (1.0 + u));
        f[1] = -1.0 / s;
        if (order > 1) f[2] = u * f[1] * f[1] * f[1];
    }
}

static inline void fd_atan(double u, double *f, int order)
{
    f[0] = atan(u);
    if (order > 0) f[1] = 1.0 / (1.0 + u * u);
    if (order > 1) f[2] = -2.0 * u * f[1] * f[1];
}

static inline void fd_sinh(double u, double *f, int order)
{
    f[0] = sinh(u);
    if (order > 0) f[1] = cosh(u);
    if (order > 1) f[2] = f[0];
}

static inline void fd_cosh(double u, double *f, int order)
{
    f[0] = cosh(u);
    if (order > 0) f[1] = sinh(u);
    if (order > 1) f[2] = f[0];
}

static inline void fd_tanh(double u, double *f, int order)
{
    f[0] = tanh(u);
    if (order > 0) f[1] = (1.0 - f[0]) * (1.0 + f[0]);
    if (order > 1) f[2] = -2.0 * f[0] * f[1];
}

static inline void fd_exp(double u, double *f, int order)
{
    f[0] = exp(u);
    if (order > 0) f[1] = f[0];
    if (order > 1) f[2] = f[0];
}

static inline void fd_log(double u, double *f, int order)
{
    f[0] = log(u);
    if (order > 0) f[1] = 1.0 / u;
    if (order > 1) f[2] = -f[1] * f[1];
}

static inline void fd_log10(double u, double *f, int order)
{
    /* ln 10 */
    const double ln10 = 2.302585092994045684017991454684364208;
    f[0] = log10(u);
    if (order > 0) f[1] = 1.0 / (u * ln10);
    if (order > 1) f[2] = -f[1] / u;
}

/* sqrt(-0) is -0: the derivative uses |√u| so it is +inf at both zeros. */
static inline void fd_sqrt(double u, double *f, int order)
{
    f[0] = sqrt(u);
    if (order > 0) f[1] = 0.5 / fabs(f[0]);
    if (order > 1) f[2] = -2.0 * f[1] * f[1] * f[1];
}

/* abs'(0) = 0; NaN stays NaN. */
static inline void fd_abs(double u, double *f, int order)
{
    f[0] = fabs(u);
    if (order > 0) f[1] = u > 0 ? 1.0 : u < 0 ? -1.0 : u == 0 ? 0.0 : u;
    if (order > 1) f[2] = 0.0;
}

/* u^k, k constant: k u^(k-1) and k(k-1) u^(k-2), a coefficient of 0
 * giving 0 (d/dx x^0 at 0 is 0, not 0*inf). */
/* u^n for a small whole n by repeated squaring: a few products where
 * pow costs some twenty nanoseconds, and within an ulp or two of it. */
static inline double ipow(double u, int n)
{
    double r = 1.0;
    for (; n; n >>= 1, u *= u)
        if (n & 1)
            r *= u;
    return r;
}

static inline void fd_powk(double u, double k, double *f, int order)
{
    if (k >= 3.0 && k <= 8.0 && k == (double)(int)k) {
        double p2 = ipow(u, (int)k - 2), p1 = p2 * u;
        f[0] = p1 * u;
        if (order > 0) f[1] = k * p1;
        if (order > 1) f[2] = k * (k - 1.0) * p2;
        return;
    }
    f[0] = pow(u, k);
    if (order > 0) f[1] = k == 0 ? 0.0 : k * pow(u, k - 1.0);
    if (order > 1) {
        double c = k * (k - 1.0);
        f[2] = c == 0 ? 0.0 : c * pow(u, k - 2.0);
    }
}

/* k^u, k constant: ln k k^u; 0^u is 0 with derivative 0 (u > 0). */
static inline void fd_kpow(double k, double u, double *f, int order)
{
    f[0] = pow(k, u);
    if (order > 0) {
        double l = log(k);
        f[1] = f[0] == 0 ? 0.0 : f[0] * l;
        if (order > 1) f[2] = f[0] == 0 ? 0.0 : f[1] * l;
    }
}

#endif
