/* The run options of DESIGN §1, shared by `descent run` and `descent tui`:
 * parsed, checked and turned into an objective and run settings before
 * any work starts. */
#ifndef DESCENT_RUN_OPTIONS_H
#define DESCENT_RUN_OPTIONS_H

#include <stdbool.h>

#include "model_options.h"
#include "objective.h"
#include "run.h"

enum { RUN_OPTIONS_MAX_START = 16 };

typedef struct {
    const char *objective;   /* as typed; default rosenbrock */
    bool objective_set;
    model_options model;     /* --model and its options */
    run_settings s;
    bool grad_set, hd_beta_set;
    bool has_start;
    double start[RUN_OPTIONS_MAX_START];
    size_t n_start;
    bool has_view;
    double view[4];
    const char *trace;       /* NULL: none */
    long trace_params;       /* -1: all; -2: not given */
    bool force, quiet;
    unsigned long seed;
} run_options;

void run_options_default(run_options *o);

/* Scans argv from index *i for run options. Returns 0, or EXIT_USAGE
 * after printing the error; *help is set when --help was asked. */
int run_options_parse(run_options *o, int argc, char **argv,
                      const char *command, bool *help);

/* Opens the objective and fills in what depends on it (start, gradient
 * method default, view), checking everything that is left. Returns 0 or
 * EXIT_USAGE after printing the error. */
int run_options_resolve(run_options *o, objective *obj);

/* Opens a built-in or expression; on failure prints "descent: WHERE:
 * column C: what" with the text and a caret (or "WHERE: what") and
 * returns EXIT_USAGE. */
int run_options_open_objective(const char *where, const char *spec,
                               objective *obj);

/* Parses X0:X1,Y0:Y1 into view. 0, or -1 after printing the error. */
int run_options_parse_view(const char *text, double *view);

/* The run's θ0 (obj->dim numbers): the model's, or --start's. */
const double *run_options_start(const run_options *o, const objective *obj);

/* How many parameter columns a trace of a run with n parameters gets:
 * all of them up to 16, else the first 16, unless --trace-params says. */
size_t run_options_trace_params(const run_options *o, size_t n);

/* The option lines of --help. */
extern const char run_options_help[];

#endif
