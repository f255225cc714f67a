/* Whether a run without a step limit still gets anywhere, for the
 * status: converged (the gradient has all but vanished) or stalled (no
 * lower loss for a while). The core's own convergence test needs a tol
 * the live screen does not set. Pure. */
#ifndef DESCENT_TUI_WATCH_H
#define DESCENT_TUI_WATCH_H

#include "run.h"

/* A run is stalled after this many updates without a lower loss, and
 * converged once ‖g‖ ≤ WATCH_GTOL·‖g₀‖. */
enum { WATCH_STALL_UPDATES = 500 };
#define WATCH_GTOL 1e-8

typedef struct {
    double best;       /* the lowest loss seen */
    long best_step;    /* the update that last lowered it */
    double g0;         /* ‖g‖ where the watch began */
} run_watch;

typedef enum { WATCH_MOVING, WATCH_STALLED, WATCH_CONVERGED } watch_state;

/* Starts watching from r as it is now. */
void watch_reset(run_watch *w, const run *r);
/* After an update of r. */
void watch_update(run_watch *w, const run *r);
watch_state watch_state_of(const run_watch *w, const run *r);

#endif
