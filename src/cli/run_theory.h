/* The theory on quadratics in `descent run`'s summary (DESIGN §5): the
 * predicted rate of the run's optimiser beside the rate measured over
 * its updates, the stability limit and the optimal settings. */
#ifndef DESCENT_CLI_RUN_THEORY_H
#define DESCENT_CLI_RUN_THEORY_H

#include "quad_theory.h"
#include "run.h"

typedef struct {
    bool on;            /* the objective is a quadratic */
    quad_theory q;      /* the objective's */
    quad_theory eff;    /* what the optimiser minimises (weight decay) */
    quad_meter meter;
} run_theory;

/* Looks at obj from start, for a run with settings s. 0, or -1 when out
 * of memory. */
int run_theory_open(run_theory *t, const objective *obj, const double *start,
                    const run_settings *s);
/* After each update of r. */
void run_theory_watch(run_theory *t, const run *r);
/* The summary's lines (nothing when not a quadratic). */
void run_theory_print(const run_theory *t, const run *r);

#endif
