/* Sums and checks over vectors of n doubles for the run's every step
 * (norms, the hypergradient's dot product, divergence). Short vectors
 * (n < VEC_SHORT: every 2-D objective) take the plain loop, inline, which
 * costs less than a call; longer ones go 8 lanes at a time (simd.h):
 * lane k adds the elements i ≡ k (mod 8) in order, and the lanes are
 * added first to last. */
#ifndef DESCENT_VEC_H
#define DESCENT_VEC_H

#include <stdbool.h>
#include <stddef.h>

enum { VEC_SHORT = 16 };

double vec_dot_long(const double *a, const double *b, size_t n);
double vec_sumsq_scaled_long(double c, const double *v, size_t n);
bool vec_any_beyond_long(const double *v, size_t n, double bound);

/* Σ a_i b_i. */
static inline double vec_dot(const double *a, const double *b, size_t n)
{
    if (n >= VEC_SHORT)
        return vec_dot_long(a, b, n);
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

/* Σ (c v_i)². */
static inline double vec_sumsq_scaled(double c, const double *v, size_t n)
{
    if (n >= VEC_SHORT)
        return vec_sumsq_scaled_long(c, v, n);
    double s = 0.0;
    for (size_t i = 0; i < n; i++) {
        double u = c * v[i];
        s += u * u;
    }
    return s;
}

/* Whether some |v_i| is above bound or NaN. */
static inline bool vec_any_beyond(const double *v, size_t n, double bound)
{
    if (n >= VEC_SHORT)
        return vec_any_beyond_long(v, n, bound);
    for (size_t i = 0; i < n; i++)
        if (!(v[i] <= bound && v[i] >= -bound))
            return true;
    return false;
}

#endif
