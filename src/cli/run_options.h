/* The run options of DESIGN §1 on the command line, shared by `descent
 * run` and `descent tui`: scanned from argv, checked and turned into an
 * objective and run settings before any work starts; errors printed. */
#ifndef DESCENT_RUN_OPTIONS_H
#define DESCENT_RUN_OPTIONS_H

#include <stdbool.h>

#include "model_options.h"
#include "run_values.h"
#include "tui.h"

/* Scans argv from index *i for run options. Returns 0, or EXIT_USAGE
 * after printing the error; *help is set when --help was asked. */
int run_options_parse(run_options *o, int argc, char **argv,
                      const char *command, bool *help);

/* Checks the trace path, then opens the objective (run_options_open).
 * Returns 0 or EXIT_USAGE after printing the error. */
int run_options_resolve(run_options *o, objective *obj);

/* The option lines of --help. */
extern const char run_options_help[];

#endif
