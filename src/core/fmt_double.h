/* Shortest round-trip formatting of doubles (DESIGN §6). */
#ifndef DESCENT_FMT_DOUBLE_H
#define DESCENT_FMT_DOUBLE_H

#include <stddef.h>

enum { FMT_DOUBLE_MAX = 32 };

/* Writes to buf (at least FMT_DOUBLE_MAX bytes) the shortest decimal text
 * that strtod reads back to exactly v, NUL-terminated, and returns its
 * length. Among equally short digit strings the one nearest v is chosen.
 * The layout is that of printf's %g with that many significant digits
 * ("0.1", "100", "1e-05", "1.2345678901234567e+300"); NaN, +Inf and -Inf
 * are written "nan", "inf", "-inf"; -0.0 is "-0". */
size_t fmt_double(double v, char *buf);

#endif
