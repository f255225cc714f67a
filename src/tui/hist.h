/* The history of one run on screen: a row per update for the path, the
 * charts and trace export, and snapshots of the whole run for stepping
 * back exactly. Pure. */
#ifndef DESCENT_TUI_HIST_H
#define DESCENT_TUI_HIST_H

#include <stdbool.h>
#include <stddef.h>

#include "run.h"

/* Row t: the state after t updates, as a trace row (DESIGN §6), plus the
 * norm of the clipped gradient ĝ_t used by update t. */
typedef struct {
    double loss, grad_norm, lr, hypergrad, update_norm, clip_scale;
    double gclip_norm;
    double theta[2];
    bool clipped, lr_clamped;
} hist_row;

/* Snapshots are kept for the last HIST_SNAPSHOTS updates: enough to walk
 * back through anything a person steps through, bounded for long runs. */
enum { HIST_SNAPSHOTS = 4096 };

typedef struct {
    hist_row *rows;     /* rows[0..nrows-1]: rows 0..step */
    size_t nrows, cap;
    run *snaps;         /* ring of run copies after each update */
    size_t head, count; /* snaps[head] is the newest */
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

#endif
