/* The run's side of the reference methods (optim_whole.h), shared by
 * run.c and run_whole.c only. */
#ifndef DESCENT_RUN_WHOLE_H
#define DESCENT_RUN_WHOLE_H

#include "run.h"

/* Whether r's method keeps live state (GSL's minimisers): it counts its
 * evaluations itself, so that the run's own f and ∇f at θ are not
 * counted, and starts again on a new α or gradient. */
bool run_whole_counts_own(const run *r);
/* After the optimiser's state was reset: a method with live state
 * starts again at θ (its first state vector) and counts the evaluations
 * of its start. Nothing for the others. */
void run_whole_restart(run *r);
/* Frees the live state, by the type that opened it (r->s.opt). */
void run_whole_close(run *r);
/* Update r->step + 1 by the method. Returns 0 when θ moved (θ_prev, d,
 * d_prev, update_norm and opt_step updated; the caller evaluates at the
 * new θ), else nonzero with the status settled and θ as it was. */
int run_whole_update(run *r);
/* The stage after s: the stages r's optimiser has no use for are
 * skipped (no gradient for Nelder-Mead, no clipping or hypergradient
 * for the reference methods). */
run_stage run_whole_next_stage(const run *r, run_stage s);

#endif
