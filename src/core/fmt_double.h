/* Shortest round-trip formatting of doubles (DESIGN §6). */
#ifndef DESCENT_FMT_DOUBLE_H
#define DESCENT_FMT_DOUBLE_H

#include <stdbool.h>
#include <stddef.h>

enum { FMT_DOUBLE_MAX = 32 };

/* Writes to buf (at least FMT_DOUBLE_MAX bytes) the shortest decimal text
 * that strtod reads back to exactly v, NUL-terminated, and returns its
 * length (at most 24). No allocation, no global state, thread-safe.
 *
 * Digits: the fewest significant digits P (1 to 17) of any decimal that
 * reads back to v; among the decimals with P digits that do, the one
 * nearest v, and on an exact tie the one whose last digit is even
 * (2251799813685247.75 gives "2251799813685247.8").
 *
 * Layout: with the digits d1 d2 ... dP (dP not 0) and X the decimal
 * exponent of d1 (v = d1.d2...dP 10^X),
 *   - fixed notation when -4 <= X < 17:
 *       X < 0        "0." then -X-1 zeros then the digits: "0.0001",
 *                    "0.00012345", "0.1";
 *       X >= P-1     an integer, the digits then X-P+1 zeros, no ".0":
 *                    "100", "-3", "10000000000000000" (1e16);
 *       otherwise    the point after X+1 digits: "1234.5";
 *   - exponent notation otherwise, as C's %e with P digits: d1, then
 *     "." and d2...dP when P > 1, then "e", the sign, and at least two
 *     exponent digits: "1e-05", "1.5e+300", "1e+17", "5e-324".
 * Unlike %g the switch does not depend on P: 100 is "100", not "1e+02".
 * A minus sign leads negative values, -0.0 included ("-0"; 0.0 is "0").
 * NaN, +Inf and -Inf are written "nan", "inf", "-inf" (NaN never signed). */
size_t fmt_double(double v, char *buf);

/* The same for a float32 value: the shortest text that strtof reads
 * back to exactly v (at most 9 significant digits), laid out as above
 * ("0.1", "1e-07", "16777216"). */
size_t fmt_float(float v, char *buf);

/* fmt_float of v when single (a run in float32, whose numbers are
 * float32 values held in doubles), else fmt_double. */
size_t fmt_number(double v, bool single, char *buf);

#endif
