/* The history of one run on screen: a row per update for the path, the
 * charts and trace export, and snapshots of the whole run for stepping
 * back exactly. Pure. */
#ifndef DESCENT_TUI_HIST_H
#define DESCENT_TUI_HIST_H

#include <stdbool.h>
#include <stddef.h>

#include "run.h"

/* Row t: the state after t updates, as a trace row (DESIGN §6), plus the
 * norm of the clipped gradient ĝ_t used by update t and, for models,
 * the extra columns (NaN where they do not apply). */
typedef struct {
    double loss, grad_norm, lr, hypergrad, update_norm, clip_scale;
    double gclip_norm;
    double val_loss, train_acc, val_acc, batch_loss;
    double theta[2];
    long evals, gevals;
    bool clipped, lr_clamped;
} hist_row;

/* Snapshots are kept for the last HIST_SNAPSHOTS updates: enough to walk
 * back through anything a person steps through, bounded for long runs.
 * Runs of many parameters keep fewer, within HIST_SNAPSHOT_BYTES. */
enum { HIST_SNAPSHOTS = 4096, HIST_SNAPSHOT_BYTES = 32 << 20 };

/* The whole θ along the path of a run of more than 2 parameters, for
 * slices: at most HIST_PATH_POINTS, every stride-th update (the stride
 * doubles when it fills, so a long run keeps an even sample). */
enum { HIST_PATH_POINTS = 1024 };

typedef struct {
    double *theta;      /* count × n */
    long *step;         /* the update of each point */
    size_t n, count, stride;
    unsigned gen;       /* changes when points are dropped or thinned */
} hist_path;

typedef struct {
    hist_row *rows;     /* rows[0..nrows-1]: rows 0..step */
    size_t nrows, cap;
    run *snaps;         /* ring of run copies after each update */
    size_t head, count; /* snaps[head] is the newest */
    size_t snap_cap;    /* ring slots in use, ≤ HIST_SNAPSHOTS */
    hist_path path;     /* empty for runs of 1 or 2 parameters */
} hist;

int hist_init(hist *h);
void hist_free(hist *h);
/* Forgets everything, then records r as row and snapshot 0. */
int hist_restart(hist *h, const run *r);
/* Records r after it completed an update. Returns 0 or -1 (memory). */
int hist_record(hist *h, const run *r);
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

#endif
