/* Numbers as a user types them, on the command line or in a lesson: the
 * whole text, finite, in range, '.' as the decimal point whatever
 * LC_NUMERIC says. Errors are messages written to msg (cap bytes), the
 * same texts wherever the number came from. */
#ifndef DESCENT_PARSE_NUM_H
#define DESCENT_PARSE_NUM_H

#include <stddef.h>

enum { PARSE_NUM_MSG = 256 };

/* Each returns 0, or -1 with the message in msg. A whole number may be
 * written as any decimal that is one: 1000, 1e3, 2.5e2, 1000.0. */
int parse_num_double(const char *text, double *out, char *msg, size_t cap);
int parse_num_long(const char *text, long *out, char *msg, size_t cap);
/* A comma-separated list (spaces around items allowed) of exactly want
 * numbers (want 0: 1..max). *got (when not NULL) is how many were read. */
int parse_num_doubles(const char *text, double *out, size_t want, size_t max,
                      size_t *got, char *msg, size_t cap);

#endif
