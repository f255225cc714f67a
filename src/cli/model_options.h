/* The model options of DESIGN §1 on the command line, shared by
 * `descent run`, `tui` and `hpo`: model_values.h with printed errors. */
#ifndef DESCENT_MODEL_OPTIONS_H
#define DESCENT_MODEL_OPTIONS_H

#include <stdbool.h>

#include "cli.h"
#include "model_values.h"
#include "run.h"

/* Applies option id (one of MOPT_*) with value v. 0, or -1 after
 * printing the error. */
int model_options_apply(model_options *m, int id, const char *v);

/* Opens the model as an objective with seed for the split, the
 * initialisation and (through the run) the minibatches, start (n
 * numbers, from --start; NULL: none). 0, or EXIT_USAGE after printing
 * "descent: FILE:LINE:COLUMN: what" or "descent: --option: what". */
int model_options_open(model_options *m, unsigned long seed,
                       const double *start, size_t n, objective *obj);

/* The option lines of --help. */
extern const char model_options_help[];

#endif
