/* What `descent plot` draws: the run its options describe and the
 * traces it is given, as figure paths. */
#ifndef DESCENT_PLOT_SOURCES_H
#define DESCENT_PLOT_SOURCES_H

#include "plot.h"
#include "run_options.h"
#include "trace_read.h"

/* Runs the options' run on obj to its end into p (all parameters per
 * row). Returns 0, or EXIT_FAIL after printing the error. */
int plot_source_run(const run_options *o, const objective *obj, plot_path *p);

/* The parameters a trace holds (its x columns). */
size_t plot_trace_params(const trace_data *t);

/* A trace's rows into p: its x columns (all of them when keep_theta,
 * else none), loss, lr, grad_norm and val_loss. 0 or EXIT_FAIL. */
int plot_source_trace(const char *path, const trace_data *t, bool keep_theta,
                      plot_path *p);

#endif
