/* Run traces (DESIGN §6): CSV or JSON Lines, written atomically. Row t is
 * the run's state after t updates, a trace_row (trace_row.h). */
#ifndef DESCENT_TRACE_H
#define DESCENT_TRACE_H

#include <stdbool.h>
#include <stddef.h>

#include "run.h"
#include "trace_row.h"

typedef enum { TRACE_CSV, TRACE_JSONL } trace_format;

/* The format a path's extension names (.csv, .jsonl); "-" is CSV.
 * Returns 0, or -1 when the extension is neither. */
int trace_format_from_path(const char *path, trace_format *fmt);

typedef struct trace_writer trace_writer;

/* The optional columns after the x columns (DESIGN §6), as bits. */
enum {
    TRACE_VAL_LOSS = 1, TRACE_TRAIN_ACC = 2, TRACE_VAL_ACC = 4,
    TRACE_BATCH_LOSS = 8
};

/* The optional columns of a run of obj with settings s: a model's
 * val_loss (with validation rows), accuracies (classifiers), batch_loss
 * (with minibatches); none for other objectives. */
unsigned trace_model_columns(const objective *obj, const run_settings *s);

/* The names and values of the optional columns in cols, in trace order,
 * for row (values NULL: names only); names is NULL-terminated. Room
 * for 5. Returns how many. */
size_t trace_optional(unsigned cols, const trace_row *row,
                      const char **names, double *values);

/* What the trace says of the run beside its rows. */
typedef struct {
    const char *objective;   /* name or expression text */
    const double *start;     /* the run's θ_0 */
    size_t params;           /* how many x columns: ≤ run dim */
    unsigned columns;        /* optional columns (trace_model_columns) */
    const char *model;       /* model name, or NULL */
    int argc;                /* the command line's arguments after the */
    char **argv;             /* command, recorded in the JSONL header */
} trace_meta;

/* Checks that path can be written (or is "-") without replacing an
 * existing file unless force. Nothing is created. Returns 0, or -1 with
 * a message in err. */
int trace_check_path(const char *path, bool force, char *err, size_t errcap);

/* Opens a trace; rows go to a temporary file beside path that
 * trace_close renames over it ("-": standard output, unbuffered rename
 * not needed). Writes the header. Returns NULL with a message in err. */
trace_writer *trace_open(const char *path, trace_format fmt, bool force,
                         const run *r, const trace_meta *meta,
                         char *err, size_t errcap);

/* Writes row, with theta (≥ params values) as the x columns. Returns
 * 0 or -1. */
int trace_write_row(trace_writer *w, const trace_row *row,
                    const double *theta);
/* Whether the trace has a model's metric columns: then the rows given to
 * it need trace_row_metrics. */
bool trace_wants_metrics(const trace_writer *w);

/* Writes the end record (JSONL), flushes, and renames the temporary file
 * into place. Returns 0, or -1 with a message in err (the temporary file
 * is removed and an existing file at path is left as it was). */
int trace_close(trace_writer *w, const run *r, char *err, size_t errcap);

/* Abandons a trace: removes the temporary file. */
void trace_abort(trace_writer *w);

#endif
