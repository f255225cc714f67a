/* exp and log over 8 lanes (simd.h), for the models' kernels: within an
 * ulp or two of libm's, and vectorised, where a scalar libm call per
 * element would cost more than the products around it. For src/core. */
#ifndef DESCENT_VMATH_H
#define DESCENT_VMATH_H

#include "simd.h"

/* The double whose bits are b, and the reverse. */
SIMD_INLINE vec8 vec8_from_bits(vec8_mask b) { return (vec8)b; }
SIMD_INLINE vec8_mask vec8_bits(vec8 v) { return (vec8_mask)v; }

/* Whole numbers |k| < 2^51 held in a double, as integers (exact). */
static const double VMATH_SHIFT = 0x1.8p52;

/* e^x, flushed to 0 below x = -708 (where it would be subnormal); x
 * must be ≤ 709. NaN gives NaN. x = k ln 2 + r, |r| ≤ ln2/2, and e^r by
 * its Taylor series to r^13 (error below 1e-17 there). */
SIMD_INLINE vec8 vec8_exp(vec8 x)
{
    const double ln2_hi = 0x1.62e42fefa3800p-1, ln2_lo = 0x1.ef35793c76730p-45;
    vec8 t = x * 0x1.71547652b82fep0 + VMATH_SHIFT;
    vec8 k = t - VMATH_SHIFT;
    vec8 r = vec8_fma(-k, vec8_all(ln2_lo), vec8_fma(-k, vec8_all(ln2_hi), x));
    /* 1/k!, k = 13 down to 0, stored as vectors: GCC 12 builds a vector
     * of a scalar read in a loop lane by lane. */
#define VMATH_ALL(x) {x, x, x, x, x, x, x, x}
    static const vec8 c[] = {
        VMATH_ALL(1.0 / 6227020800.0), VMATH_ALL(1.0 / 479001600.0),
        VMATH_ALL(1.0 / 39916800.0), VMATH_ALL(1.0 / 3628800.0),
        VMATH_ALL(1.0 / 362880.0), VMATH_ALL(1.0 / 40320.0),
        VMATH_ALL(1.0 / 5040.0), VMATH_ALL(1.0 / 720.0),
        VMATH_ALL(1.0 / 120.0), VMATH_ALL(1.0 / 24.0),
        VMATH_ALL(1.0 / 6.0), VMATH_ALL(0.5), VMATH_ALL(1.0),
        VMATH_ALL(1.0)};
    vec8 p = c[0];
#pragma GCC unroll 13
    for (int i = 1; i < 14; i++)
        p = vec8_fma(p, r, c[i]);
    /* 2^k from the integer in t's low bits. */
    vec8_mask ki = vec8_bits(t) - vec8_bits(vec8_all(VMATH_SHIFT));
    vec8 scale = vec8_from_bits((ki + 1023) << 52);
    return vec8_select(x < -708.0, vec8_all(0.0), p * scale);
}

/* log x for finite normal x > 0 (NaN gives NaN). x = 2^e m with
 * m in [√½, √2), log m = 2 atanh(f), f = (m-1)/(m+1), |f| < 0.172, by
 * its series to f^21 (error below 1e-17). */
SIMD_INLINE vec8 vec8_log(vec8 x)
{
    const double ln2_hi = 0x1.62e42fefa3800p-1, ln2_lo = 0x1.ef35793c76730p-45;
    vec8_mask b = vec8_bits(x);
    vec8_mask e = (b >> 52) - 1023;
    vec8 m = vec8_from_bits((b & 0x000fffffffffffffL) | 0x3ff0000000000000L);
    vec8_mask big = m > 0x1.6a09e667f3bcdp0;
    m = vec8_select(big, m * 0.5, m);
    e -= big; /* true is -1 */
    vec8 ed = vec8_from_bits(e + vec8_bits(vec8_all(VMATH_SHIFT))) - VMATH_SHIFT;
    vec8 f = (m - 1.0) / (m + 1.0), f2 = f * f;
    static const vec8 inv_odd[] = {
        VMATH_ALL(1.0 / 21), VMATH_ALL(1.0 / 19), VMATH_ALL(1.0 / 17),
        VMATH_ALL(1.0 / 15), VMATH_ALL(1.0 / 13), VMATH_ALL(1.0 / 11),
        VMATH_ALL(1.0 / 9), VMATH_ALL(1.0 / 7), VMATH_ALL(1.0 / 5),
        VMATH_ALL(1.0 / 3), VMATH_ALL(1.0)};
    vec8 s = inv_odd[0];
#pragma GCC unroll 10
    for (int k = 1; k < 11; k++)
        s = vec8_fma(s, f2, inv_odd[k]);
    vec8 y = vec8_fma(ed, vec8_all(ln2_hi),
                      vec8_fma(ed, vec8_all(ln2_lo), 2.0 * f * s));
    return y + (x - x); /* NaN stays NaN (x - x is 0 otherwise) */
}

#endif
