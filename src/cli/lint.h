/* Checking lesson and demo files and printing their problems, for
 * `descent lint` and for `descent lesson FILE` and `descent demo FILE`,
 * which check their file the same way before anything else. */
#ifndef DESCENT_LINT_H
#define DESCENT_LINT_H

#include <stdio.h>

#include "diag.h"

typedef struct {
    size_t lessons, demos, problems;
} lint_counts;

/* Prints each problem of d as "path:LINE[:COLUMN]: message" to out. */
void lint_print(const char *path, diag_list *d, FILE *out);

/* Checks path as a lesson or demo by its extension, prints its problems
 * to out and counts them in n. Returns the number of problems. */
size_t lint_file(const char *path, FILE *out, lint_counts *n);

#endif
