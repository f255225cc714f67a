/* One row of a trace (DESIGN §6): the state after `step` updates and
 * what update `step` did. The trace writer (src/io/trace.c) writes these
 * rows, the TUI's history (src/tui/hist.c) keeps them for its charts and
 * exports them, replay reads them back: a column is a field here and a
 * line in the writer's column table. */
#ifndef DESCENT_TRACE_ROW_H
#define DESCENT_TRACE_ROW_H

#include <stdbool.h>

#include "run.h"

typedef struct {
    long step;
    double loss, grad_norm;  /* at θ_step */
    bool clipped;
    double lr, hypergrad;    /* α_step and the h it came from */
    bool lr_clamped;
    double update_norm;      /* ‖α_step d_step‖ */
    /* Models (NaN where they do not apply, or while not computed): L on
     * the validation rows, accuracies, the minibatch's loss. */
    double val_loss, train_acc, val_acc, batch_loss;
    long evals, gevals;      /* evaluations so far (run.h) */
    /* Not in traces: for the TUI's charts. */
    double clip_scale;       /* min(1, C/‖g‖) of update step, else 1 */
    double gclip_norm;       /* ‖ĝ‖ of update step (0 for row 0) */
    double theta[2];         /* the first two parameters (0 past dim) */
} trace_row;

/* The row of r's current state, its metrics NaN. */
void trace_row_of(trace_row *row, const run *r);
/* Fills val_loss, train_acc and val_acc from r's state when r trains a
 * model (each a pass over data: done only for rows that are shown or
 * written). */
void trace_row_metrics(trace_row *row, const run *r);

#endif
