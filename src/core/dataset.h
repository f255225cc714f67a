/* Data for models: a table of numbers with named columns, and the
 * training/validation split a model trains on. Files are read in src/io;
 * everything here works on values in memory. */
#ifndef DESCENT_DATASET_H
#define DESCENT_DATASET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    size_t rows, cols;
    char **names;   /* cols column names */
    double *v;      /* rows*cols values, row-major */
} dataset;

/* Room for rows×cols values (zero) and cols names (NULL). 0 or -1. */
int dataset_alloc(dataset *d, size_t rows, size_t cols);
void dataset_free(dataset *d);
/* Index of the named column, or -1. */
int dataset_column(const dataset *d, const char *name);

/* The seed's data for the MLP: columns x0..x{inputs-1} ~ N(0,1), then
 * y ~ N(0,1), drawn row by row from the seeded generator. 0 or -1. */
int dataset_normal(dataset *d, size_t rows, size_t inputs, uint64_t seed);

typedef struct {
    const char *target;    /* column name; NULL: the last column */
    const char *features;  /* "A,B,..."; NULL: the columns other than the
                              target, the first `take` of them when take
                              is not 0 */
    size_t take;
    double split;          /* training fraction, in (0, 1] */
    bool shuffle;          /* split a seeded permutation, else file order */
    uint64_t seed;
    bool standardize;      /* features to mean 0, sd 1 on training rows */
} data_options;

/* DESIGN §1 defaults: last column, every other column, split 0.8,
 * shuffled with seed 0, standardised. */
data_options data_options_default(void);

typedef struct {
    size_t p;                  /* features */
    size_t n_train, n_val;
    double *x_train, *x_val;   /* n×p row-major, scaled as said below */
    double *y_train, *y_val;   /* the target as in the data; the
                                  validation rows follow the training
                                  rows in one block (x_val = x_train +
                                  n_train·p, y_val = y_train + n_train) */
    char **features;           /* p names */
    char *target;
    bool standardized;
    double *mean, *sd;         /* per feature, of the training rows (the
                                  population sd); 0 and 1 when not
                                  standardised */
} data_split;

typedef struct {
    int column;          /* the dataset column at fault, or -1 */
    char message[200];
} data_error;

/* Selects, splits and scales d. Errors: unknown or repeated feature,
 * missing target, target among the features, a split that leaves no
 * training row, a feature constant over the training rows (when
 * standardising). Returns 0, or -1 with err filled. */
int data_split_make(const dataset *d, const data_options *o, data_split *out,
                    data_error *err);
void data_split_free(data_split *s);

#endif
