/* A seeded pseudo-random generator as a value (no global state):
 * xoshiro256** (Blackman & Vigna 2018), seeded through splitmix64 so that
 * any 64-bit seed, 0 included, gives a well-mixed state. The same seed
 * gives the same numbers on every platform. */
#ifndef DESCENT_RNG_H
#define DESCENT_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t s[4];
} rng;

void rng_seed(rng *r, uint64_t seed);
uint64_t rng_next(rng *r);
/* Uniform on [0, 1), 53 random bits. */
double rng_uniform(rng *r);
/* Uniform on {0, ..., n-1}, n ≥ 1, without modulo bias. */
size_t rng_below(rng *r, size_t n);
/* Standard normal N(0, 1) (Marsaglia's polar method, one value per call). */
double rng_normal(rng *r);
/* Fisher-Yates shuffle of idx[0..n-1]. */
void rng_shuffle(rng *r, size_t *idx, size_t n);

#endif
