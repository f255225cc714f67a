/* Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten) and
 * numbers formatted to a fixed width. Pure. */
#ifndef DESCENT_TUI_TICKS_H
#define DESCENT_TUI_TICKS_H

#include <stddef.h>

/* The nice step for about max_ticks ticks over [lo, hi]. */
double ticks_step(double lo, double hi, int max_ticks);
/* Writes the multiples of ticks_step inside [lo, hi] to out (at most cap)
 * and returns how many. Returns 0 for an empty or non-finite range. */
int ticks_nice(double lo, double hi, int max_ticks, double *out, int cap);
/* A tick's label with as many decimals as the step needs ("0.5", "-2",
 * "1e+04" for very large or small values), at most cap-1 bytes. */
void ticks_label(double v, double step, char *buf, size_t cap);

/* The power of ten 10^k as short as it prints: "0.001", "1", "1e5",
 * "1e-16". */
void ticks_decade(int k, char *buf, size_t cap);

/* Exactly width characters (right-aligned) holding v with as many
 * significant digits as fit, trailing zeros kept so that a changing
 * number does not change its shape: "  1.2000", "-0.03400", "1.23e+05",
 * "nan". width ≥ 1; buf holds width + 1 bytes. */
void numfmt(double v, int width, char *buf);

#endif
