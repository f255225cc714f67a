/* Files of numbers (--init): decimal numbers separated by commas,
 * spaces or newlines; '#' starts a comment running to the end of the
 * line. */
#ifndef DESCENT_NUMBERS_H
#define DESCENT_NUMBERS_H

#include <stddef.h>

#include "data_csv.h"

/* Reads every number of path into a new array *out (free it) of *n.
 * Returns 0, or -1 with err filled (a bad token: its line, and its
 * 1-based position among the line's numbers as the column). */
int numbers_read(const char *path, double **out, size_t *n,
                 data_file_error *err);

#endif
