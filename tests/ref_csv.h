/* Reads the numeric CSV files of tests/ref (one header line). */
#ifndef DESCENT_TEST_REF_CSV_H
#define DESCENT_TEST_REF_CSV_H

#include <stddef.h>

typedef struct {
    size_t rows, cols;
    char **names;   /* cols column names */
    double *v;      /* rows*cols, row-major */
} ref_table;

/* Loads tests/ref/file; returns 0 or -1 (and the test should fail). */
int ref_load(const char *file, ref_table *t);
void ref_free(ref_table *t);
/* Index of the named column, or -1. */
int ref_col(const ref_table *t, const char *name);
double ref_at(const ref_table *t, size_t row, int col);

#endif
