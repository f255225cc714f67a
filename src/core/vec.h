/* Sums and checks over vectors of n doubles for the run's every step
 * (norms, the hypergradient's dot product, divergence), 8 lanes at a
 * time (simd.h). Lane k adds the elements i ≡ k (mod 8) in order and the
 * lanes are added first to last, so for n ≤ 8 (every 2-D objective) the
 * result is the plain loop's, bit for bit. */
#ifndef DESCENT_VEC_H
#define DESCENT_VEC_H

#include <stdbool.h>
#include <stddef.h>

/* Σ a_i b_i. */
double vec_dot(const double *a, const double *b, size_t n);
/* Σ (c v_i)². */
double vec_sumsq_scaled(double c, const double *v, size_t n);
/* Whether some |v_i| is above bound or NaN. */
bool vec_any_beyond(const double *v, size_t n, double bound);

#endif
