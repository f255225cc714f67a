/* Reading traces back (CSV or JSON Lines) for replay and for checks. */
#ifndef DESCENT_TRACE_READ_H
#define DESCENT_TRACE_READ_H

#include <stddef.h>

#include "trace.h"

typedef struct {
    trace_format fmt;
    size_t cols, rows;
    char **names;          /* cols column names */
    double *v;             /* rows*cols, row-major; JSON null reads as NaN */
    char *objective;       /* JSONL header's objective, or NULL */
    char *optimizer;       /* JSONL header's optimizer, or NULL */
    char *model;           /* JSONL header's model, or NULL */
    long dim;              /* JSONL header's dim (parameters); 0: unknown */
    char *status;          /* JSONL end record's status, or NULL */
    long end_steps;        /* the end record's steps; -1: none */
    char *reason;          /* the end record's reason (diverged), or NULL */
} trace_data;

typedef struct {
    long line;             /* 1-based; 0 when none applies */
    long column;           /* 1-based; 0 when none applies */
    char message[200];
} trace_read_error;

/* Reads a whole trace. Returns 0, or -1 with err filled. */
int trace_read(const char *path, trace_data *t, trace_read_error *err);
void trace_data_free(trace_data *t);
/* Checks that t is a descent trace (DESIGN §6): the columns step, loss,
 * grad_norm, clipped, lr, hypergrad, lr_clamped, update_norm, then
 * x0, x1, .. in order, then only val_loss, train_acc, val_acc,
 * batch_loss, evals, gevals (in that order; traces before evaluation
 * counts have none); at least one row; row i has step i. Returns 0, or -1 with
 * err filled (the header's line and the name's column in a CSV file). */
int trace_data_check(const trace_data *t, trace_read_error *err);
/* Index of the named column, or -1. */
int trace_data_col(const trace_data *t, const char *name);

#endif
