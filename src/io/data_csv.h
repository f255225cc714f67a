/* Data files: a CSV file (one header line of column names, then numeric
 * rows) read into a dataset (src/core/dataset.h), with errors that say
 * where: FILE:LINE:COLUMN: what, COLUMN being the 1-based field number.
 * Also the data sets the program ships in assets/datasets. */
#ifndef DESCENT_DATA_CSV_H
#define DESCENT_DATA_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "dataset.h"

typedef struct {
    char file[256];
    long line;          /* 1-based line of the file; 0: none */
    int column;         /* 1-based field; 0: the line as a whole */
    char message[256];
} data_file_error;

/* "FILE:LINE:COLUMN: what", "FILE:LINE: what" when column is 0, and
 * "FILE: what" when line is 0 (the file as a whole). */
void data_file_error_format(const data_file_error *e, char *buf, size_t cap);

/* Opens path for reading with err reset to name it; NULL with the
 * reason in err when it cannot. */
FILE *data_file_open(const char *path, data_file_error *err);

/* More data rows than this is an error unless a limit is given. */
#define DATA_MAX_ROWS_DEFAULT ((size_t)1000000)

/* Reads path. max_rows 0: at most DATA_MAX_ROWS_DEFAULT rows, more is an
 * error; otherwise the first max_rows rows are read and the rest
 * ignored. Rejects: an empty file, a header without rows, empty or
 * repeated column names, rows with too few or too many fields, empty,
 * non-numeric, NaN or infinite cells, malformed quoting. Returns 0, or
 * -1 with err filled (and out empty). */
int data_csv_load(const char *path, size_t max_rows, dataset *out,
                  data_file_error *err);

/* A shipped data set, for `descent list datasets`. */
typedef struct {
    const char *name;
    size_t rows, cols;      /* data rows; columns including the target */
    const char *target;     /* its last column */
    const char *source;     /* one line, from assets/datasets/SOURCES.md */
} data_info;

/* The shipped data sets, NULL-name terminated. */
extern const data_info data_shipped[];

/* The directory holding datasets/: $DESCENT_ASSETS when set, else
 * BIN/../share/descent/assets beside the installed executable, else the
 * source tree's assets (a build tree). Writes it to buf; 0, or -1 when
 * none of them exists. */
int data_assets_dir(char *buf, size_t cap);

/* Resolves what --data names: a shipped name (iris) to its file, anything
 * else as a path. 0, or -1 when a shipped file cannot be found. */
int data_resolve(const char *spec, char *path, size_t cap);

/* Loads spec (a shipped name or a path) and splits it by o. Selection
 * errors point at the header line (line 1) and the column at fault.
 * Returns 0, or -1 with err filled. */
int data_open(const char *spec, size_t max_rows, const data_options *o,
              data_split *out, data_file_error *err);

#endif
