/* The history of one run on screen, within a fixed bound however long the
 * run (docs/tui.md, "Memory"):
 *  - rows (trace rows, trace_row.h) for the path, export and replay:
 *    every update up to HIST_ROWS, then every 2nd, 4th, ... (the stride
 *    doubles when they fill, keeping an even sample), the newest update
 *    always last;
 *  - bands for the charts: per series, HIST_BANDS buckets of equal
 *    steps, each the lowest, highest, first and last value of every
 *    update in it (buckets merge in pairs when they fill), so a chart
 *    reads at most HIST_BANDS buckets a series whatever the run's length
 *    and still shows every spike;
 *  - the whole θ at up to HIST_PATH_POINTS points for slices (runs of
 *    more than 2 parameters);
 *  - snapshots of the whole run for stepping back exactly, for the last
 *    HIST_SNAPSHOTS updates (fewer for big runs, within
 *    HIST_SNAPSHOT_BYTES).
 * Pure. */
#ifndef DESCENT_TUI_HIST_H
#define DESCENT_TUI_HIST_H

#include <stdbool.h>
#include <stddef.h>

#include "run.h"
#include "trace_row.h"

/* The history's rows are trace rows. */
typedef trace_row hist_row;

enum {
    HIST_ROWS = 4096, HIST_BANDS = 1024, HIST_PATH_POINTS = 1024,
    HIST_SNAPSHOTS = 4096, HIST_SNAPSHOT_BYTES = 32 << 20
};

/* What the charts draw. GRAD_RAW at update t is ‖g‖ at θ_{t-1}, the raw
 * gradient update t used; GRAD_CLIPPED the norm of its ĝ_t. */
typedef enum {
    HS_LOSS, HS_VAL_LOSS, HS_BATCH_LOSS, HS_TRAIN_ACC, HS_VAL_ACC, HS_LR,
    HS_GRAD_RAW, HS_GRAD_CLIPPED, HS_COUNT
} hist_series;

/* Values of a series over a stretch of updates; NaN when it has none. */
typedef struct {
    double lo, hi, first, last;
} hist_band;

typedef struct {
    double *theta;      /* count × n */
    long *step;         /* the update of each point */
    size_t n, count, stride;
    unsigned gen;       /* changes when points are dropped or thinned */
} hist_path;

typedef struct {
    hist_row *rows;     /* steps ascending: multiples of stride, then the
                           newest update (replay: every row) */
    size_t nrows, cap;
    long stride;
    bool tail;          /* the last row is off the stride */
    bool tail_pending;  /* ... and its model metrics are not computed */
    hist_band *bands;   /* HS_COUNT × HIST_BANDS */
    long band_steps;    /* updates per bucket: 1, 2, 4, ... */
    long band_end;      /* the steps fed: 0..band_end-1 */
    size_t band_rows;   /* replay: rows fed by hist_follow_rows */
    double prev_grad_norm; /* ‖g‖ of the update before the newest */
    run *snaps;         /* ring of run copies after each update */
    size_t head, count; /* snaps[head] is the newest */
    size_t snap_cap;    /* ring slots in use, ≤ HIST_SNAPSHOTS */
    hist_path path;     /* empty for runs of 1 or 2 parameters */
} hist;

int hist_init(hist *h);
void hist_free(hist *h);
/* Forgets everything, then records r as row and snapshot 0. */
int hist_restart(hist *h, const run *r);
/* Records r after it completed an update. Returns 0 or -1 (memory). A
 * model's metrics are computed for the rows kept on the stride; the
 * newest row's wait for hist_settle. */
int hist_record(hist *h, const run *r);
/* Computes what the newest row still lacks (a model's metrics) from r,
 * the run it is of: once a frame, before drawing, not every update. */
void hist_settle(hist *h, const run *r);
/* Replaces the newest snapshot by r (same step), so that stepping back
 * to it keeps settings changed since. */
int hist_refresh(hist *h, const run *r);
/* Steps r back one update: to the start of the update in progress when
 * one is, else to the state before the last update. Returns 0, or -1
 * when no snapshot is left (r unchanged). */
int hist_back(hist *h, run *r);
/* The run as it was before its last whole update, or NULL when no such
 * snapshot is kept. */
const run *hist_previous(const hist *h);
/* The row of update step, or NULL when it is not kept. */
const hist_row *hist_row_at(const hist *h, long step);
/* Whether rows have been thinned (stride > 1). */
bool hist_thinned(const hist *h);

/* Replay: the rows were set (every row of a trace, rows[i] of step i)
 * and nrows moved; brings the bands up to them. */
void hist_follow_rows(hist *h);

/* The bands of series s over steps 0..xmax on cols columns: column c
 * gathers the buckets whose first step lies at c·xmax/(cols-1) rounded
 * down. Returns the buckets read, the work, at most HIST_BANDS whatever
 * the run's length. */
size_t hist_envelope(const hist *h, hist_series s, double xmax, int cols,
                     hist_band *out);
/* The column of step on that scale. */
int hist_column(long step, double xmax, int cols);
/* Adds value v to band b (a non-finite v is left out). */
void hist_band_add(hist_band *b, double v);
/* The newest value of series s (NaN when none). */
double hist_latest(const hist *h, hist_series s);
/* Steps the bands span (the newest update + 1). */
long hist_steps(const hist *h);

#endif
