/* `descent replay TRACE`: a saved trace shown read-only with the live
 * screen's panels. The trace's rows become the history of the session's
 * one run, and a cursor moves through them: the history holds rows
 * 0..cursor, and the run's θ, loss, ‖g‖, α and last update are those of
 * the cursor's row. Nothing is computed but ∇f for the arrow when an
 * objective draws the surface. Pure. */
#ifndef DESCENT_TUI_REPLAY_H
#define DESCENT_TUI_REPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"
#include "trace_read.h"

enum { REPLAY_MAX_PARAMS = 16 };

typedef struct replay {
    char file[256];         /* as given on the command line */
    trace_data t;           /* the trace, read and checked */
    size_t params;          /* x columns (16 unless --trace-params) */
    int x0;                 /* column of x0, then x1, ...; -1: none */
    long dim;               /* the run's parameters (JSONL dim, else params) */
    int col[12];            /* column indices of the REPLAY_COL_* values */
    hist_row *rows;         /* every row, in the history's shape; the
                               session's run's history owns them */
    size_t nrows;
    size_t cursor;          /* the row shown */
    bool running;           /* Space: plays the rows at session_speeds */
    bool surface;           /* an objective draws the surface */
    bool accuracy;          /* the trace has train_acc (classifiers) */
    char surface_note[160]; /* the surface title without one */
    double box[4];          /* x0, x1 range of the path, padded */
} replay;

/* Value columns the step panel shows, in its order. */
typedef enum {
    REPLAY_COL_LOSS, REPLAY_COL_GRAD_NORM, REPLAY_COL_LR,
    REPLAY_COL_HYPERGRAD, REPLAY_COL_CLIPPED, REPLAY_COL_LR_CLAMPED,
    REPLAY_COL_UPDATE_NORM, REPLAY_COL_VAL_LOSS, REPLAY_COL_TRAIN_ACC,
    REPLAY_COL_VAL_ACC, REPLAY_COL_BATCH_LOSS, REPLAY_COLS
} replay_col;

/* Takes over a trace that passed trace_data_check (t is zeroed) and
 * maps its rows. Returns 0 or -1 (memory; t is freed). */
int replay_init(replay *rp, const char *file, trace_data *t);
void replay_free(replay *rp);

/* Row i of rp's trace as the history keeps rows (NaN where the trace has
 * no such column; θ NaN without x columns). */
hist_row replay_hist_row(const replay *rp, size_t i);

/* The value of column c at row i, NaN when the trace lacks it. */
double replay_value(const replay *rp, replay_col c, size_t i);
/* θ_i's j-th component (j < params). */
double replay_theta(const replay *rp, size_t i, size_t j);

/* A stand-in objective for a surface-less replay: 2 parameters, zero
 * everywhere, the path's box as its view. Nothing to free. */
void replay_plain_objective(const replay *rp, objective *obj);

/* Hands the rows to run 0's history (after session_init*) and moves
 * the cursor to row 0. Returns 0. */
int replay_attach(replay *rp, session *s);
/* Moves the cursor to row i (clamped); the session's run shows that
 * row. With a surface, g is ∇f(θ_i) by the run's method. */
void replay_seek(replay *rp, session *s, size_t i);
bool replay_at_end(const replay *rp);

/* The status at the cursor: "row 37 of 120" style states before the
 * end; at the last row the end record's "diverged at step 37: loss is
 * above 1e100", "max_steps at step 1000", or for CSV (no end record)
 * "diverged at step 37" when its last row has a diverged value, else
 * "end of trace at step N". */
void replay_status_text(const replay *rp, char *buf, size_t cap);
/* Whether the run ended diverged (end record, or a CSV's last row). */
bool replay_diverged(const replay *rp);

#endif
