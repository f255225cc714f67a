/* A run as a short PyTorch script (`descent run --export-python`): the
 * objective as torch code (a model with its data), the start, the
 * optimiser from torch.optim with its settings, clipping, hypergradient
 * descent written out as Baydin et al.'s algorithm, stepped as descent
 * steps a run (DESIGN §2),
 * printing the trajectory as descent's trace CSV (DESIGN §6), so a
 * student can take the run to PyTorch and see the same numbers. */
#ifndef DESCENT_EXPORT_PYTHON_H
#define DESCENT_EXPORT_PYTHON_H

#include <stddef.h>
#include <stdio.h>

#include "run.h"

typedef struct {
    const objective *obj;     /* opened */
    const run_settings *s;
    const double *start;      /* obj->dim numbers */
    size_t params;            /* θ's columns in the trace (≤ obj->dim) */
    int argc;                 /* the `descent run` arguments, for the */
    char **argv;              /* script's first lines */
    const char *command;      /* or the whole command (the TUI's); NULL */
} export_run;

/* Whether the run can be exported: 0, or -1 with the reason in err
 * ("no PyTorch counterpart for ...", minibatches). */
int export_python_check(const export_run *r, char *err, size_t cap);

/* Writes the script. Returns 0, or -1 when the run cannot be exported
 * (export_python_check) or memory runs out; f's own errors are the
 * caller's to check. */
int export_python(FILE *f, const export_run *r);

#endif
