#include <math.h>

#include "watch.h"

void watch_reset(run_watch *w, const run *r)
{
    w->best = r->loss;
    w->best_step = r->step;
    w->g0 = r->grad_norm;
}

void watch_update(run_watch *w, const run *r)
{
    /* Lower by more than rounding: a loss that creeps down in its last
     * digits has stalled. */
    if (r->loss < w->best - 1e-9 * fabs(w->best) || !isfinite(w->best)) {
        w->best = r->loss;
        w->best_step = r->step;
    }
}

watch_state watch_state_of(const run_watch *w, const run *r)
{
    if (r->status != RUN_RUNNING || r->step == 0)
        return WATCH_MOVING;
    if (r->grad_norm == 0.0 || r->grad_norm <= WATCH_GTOL * w->g0)
        return WATCH_CONVERGED;
    return r->step - w->best_step >= WATCH_STALL_UPDATES ? WATCH_STALLED
                                                         : WATCH_MOVING;
}
