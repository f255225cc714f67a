#include "simd.h"
#include "vec.h"

SIMD_CLONES
double vec_dot_long(const double *a, const double *b, size_t n)
{
    vec8 acc = vec8_all(0.0);
    size_t i = 0;
    for (; i + VEC8 <= n; i += VEC8)
        acc += vec8_load(a + i) * vec8_load(b + i);
    for (size_t k = 0; i < n; i++, k++)
        acc[k] += a[i] * b[i];
    return vec8_sum(acc);
}

SIMD_CLONES
double vec_sumsq_scaled_long(double c, const double *v, size_t n)
{
    vec8 acc = vec8_all(0.0), cv = vec8_all(c);
    size_t i = 0;
    for (; i + VEC8 <= n; i += VEC8) {
        vec8 u = cv * vec8_load(v + i);
        acc += u * u;
    }
    for (size_t k = 0; i < n; i++, k++) {
        double u = c * v[i];
        acc[k] += u * u;
    }
    return vec8_sum(acc);
}

SIMD_CLONES
bool vec_any_beyond_long(const double *v, size_t n, double bound)
{
    vec8_mask ok = vec8_all(0.0) == 0.0;
    vec8 b = vec8_all(bound);
    size_t i = 0;
    for (; i + VEC8 <= n; i += VEC8) {
        vec8 x = vec8_load(v + i);
        vec8 ax = (vec8)((vec8_mask)x & 0x7fffffffffffffffL);
        ok &= ax <= b; /* false for NaN */
    }
    for (; i < n; i++)
        if (!(v[i] <= bound && v[i] >= -bound))
            return true;
    for (int k = 0; k < VEC8; k++)
        if (!ok[k])
            return true;
    return false;
}
