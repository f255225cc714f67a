/* Loops over vectors of doubles for the hot paths (models, the run's
 * norms): 8 doubles as one GCC vector (one AVX-512 register, two AVX2,
 * four SSE2 ones), and SIMD_CLONES to compile a function three times
 * (baseline x86-64, x86-64-v3 with AVX2 and FMA, x86-64-v4 with
 * AVX-512) and pick the one the processor runs at load time. Other
 * compilers and processors get the portable code. For src/core only. */
#ifndef DESCENT_SIMD_H
#define DESCENT_SIMD_H

#include <stddef.h>
#include <string.h>

/* The helpers below pass vectors by value but are always inlined, so
 * the calling convention GCC warns about never applies. */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

typedef double vec8 __attribute__((vector_size(64)));
typedef long vec8_mask __attribute__((vector_size(64)));

enum { VEC8 = 8 };

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define SIMD_CLONES                                                      \
    __attribute__((target_clones("default", "arch=x86-64-v3",            \
                                 "arch=x86-64-v4")))
#else
#define SIMD_CLONES
#endif

#define SIMD_INLINE static inline __attribute__((always_inline))

SIMD_INLINE vec8 vec8_load(const double *p)
{
    vec8 v;
    memcpy(&v, p, sizeof v);
    return v;
}

SIMD_INLINE void vec8_store(double *p, vec8 v) { memcpy(p, &v, sizeof v); }

/* Lanes of a and b (8..15 are b's) picked by constant indices: GCC's
 * and clang's builtins for it differ. */
#if defined(__clang__)
#define VEC8_SHUFFLE(a, b, i0, i1, i2, i3, i4, i5, i6, i7)               \
    __builtin_shufflevector(a, b, i0, i1, i2, i3, i4, i5, i6, i7)
#else
#define VEC8_SHUFFLE(a, b, i0, i1, i2, i3, i4, i5, i6, i7)               \
    __builtin_shuffle(a, b, (vec8_mask){i0, i1, i2, i3, i4, i5, i6, i7})
#endif

/* x in every lane (one broadcast, where a brace list of 8 x's is built
 * lane by lane). */
SIMD_INLINE vec8 vec8_all(double x)
{
    vec8 v = {x};
#if defined(__clang__)
    return __builtin_shufflevector(v, v, 0, 0, 0, 0, 0, 0, 0, 0);
#else
    return __builtin_shuffle(v, (vec8_mask){0});
#endif
}

/* Lanes summed first to last: for vectors of at most 8 values this is the
 * plain loop's order and rounding. */
SIMD_INLINE double vec8_sum(vec8 v)
{
    return ((((((v[0] + v[1]) + v[2]) + v[3]) + v[4]) + v[5]) + v[6]) + v[7];
}

/* a·b + c rounded once in every lane, on every processor: one
 * instruction where there is FMA (x86-64-v3 and v4), libm's fma()
 * otherwise, so that every clone computes the same numbers. */
SIMD_INLINE vec8 vec8_fma(vec8 a, vec8 b, vec8 c)
{
    vec8 r;
    for (int i = 0; i < VEC8; i++)
        r[i] = __builtin_fma(a[i], b[i], c[i]);
    return r;
}

/* v where keep is true (all bits set), else +0. */
SIMD_INLINE vec8 vec8_where(vec8_mask keep, vec8 v)
{
    return (vec8)((vec8_mask)v & keep);
}

/* a where pick is true, else b. */
SIMD_INLINE vec8 vec8_select(vec8_mask pick, vec8 a, vec8 b)
{
    return (vec8)(((vec8_mask)a & pick) | ((vec8_mask)b & ~pick));
}

/* max(v, 0) as z > 0 ? z : 0 (NaN gives 0). */
SIMD_INLINE vec8 vec8_relu(vec8 v) { return vec8_where(v > 0.0, v); }

#endif
