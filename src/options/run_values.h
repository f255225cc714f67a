/* The run options of DESIGN §1 as values, shared by `descent run`,
 * `descent tui` and the lessons: the table of names, each value parsed
 * and checked, then the objective opened and what depends on it filled
 * in. Nothing here prints: errors come back as option_error. */
#ifndef DESCENT_RUN_VALUES_H
#define DESCENT_RUN_VALUES_H

#include <stdbool.h>

#include "model_values.h"
#include "objective.h"
#include "option.h"
#include "run.h"

enum { RUN_OPTIONS_MAX_START = 16 };

/* The settings of a run in progress run from OPT_OPTIMIZER to OPT_TOL
 * (run_live_option). */
enum {
    OPT_OBJECTIVE = 1, OPT_START, OPT_OPTIMIZER, OPT_LR, OPT_MOMENTUM,
    OPT_BETA1, OPT_BETA2, OPT_RHO, OPT_EPS, OPT_WEIGHT_DECAY, OPT_DAMPENING,
    OPT_AMSGRAD, OPT_GRAD, OPT_H, OPT_CLIP, OPT_HYPERGRAD, OPT_HD_BETA,
    OPT_LR_MIN, OPT_LR_MAX, OPT_SCHEDULE, OPT_STEPS, OPT_TOL, OPT_SEED,
    OPT_TRACE, OPT_TRACE_PARAMS, OPT_FORCE, OPT_QUIET, OPT_VIEW,
    OPT_EXPORT_PYTHON, OPT_PRECISION
};

/* Every run option, model options included; NULL name at the end. */
extern const option_entry run_option_table[];

/* The options that say where output goes (--trace, --trace-params,
 * --force, --quiet, --export-python) rather than what runs. */
bool run_option_is_output(int id);

typedef struct run_options {
    const char *objective;   /* as typed; default rosenbrock */
    bool objective_set;
    model_options model;     /* --model and its options */
    run_settings s;
    bool grad_set, hd_beta_set, lr_set;
    bool weight_decay_set, dampening_set, amsgrad_set;
    bool single;             /* --precision single */
    bool has_start;
    double start[RUN_OPTIONS_MAX_START];
    size_t n_start;
    bool has_view;
    double view[4];
    /* A lesson's named view (`view: h-sweep`, `view: hpo --over lr`:
     * src/lesson/screen_spec.h); NULL: the surface. The command line
     * never sets it. */
    const char *screen;
    const char *trace;       /* NULL: none */
    const char *export_python; /* a PyTorch script to write; NULL: none */
    long trace_params;       /* -1: all; -2: not given */
    bool force, quiet;
    unsigned long seed;
} run_options;

void run_options_default(run_options *o);

/* Applies option id with value v (NULL for a flag); v must outlive o.
 * 0, or -1 with e filled (where is "--NAME"). */
int run_options_set(run_options *o, int id, const char *v, option_error *e);

/* β of hypergradients when none was given (--hd-beta, add:B): the
 * optimiser's default for the mode (optim_hd_beta). */
void run_options_default_hd(run_options *o);

/* The checks of settings that need no objective: the clamp of α, and
 * what the optimiser takes (clipping, hypergradients, schedules, and
 * the parameters asked for: method_options_check). 0, or -1 with e
 * filled. */
int run_options_check(const run_options *o, option_error *e);

/* Opens the objective (in float32 with --precision single) and fills in
 * what depends on it (start, gradient method default, the optimiser's
 * α when --lr is not given, hypergradient rate default, view), checking
 * everything that is left except the trace path. Returns 0, or -1 with e filled
 * (for an expression, e->column is the column in o->objective). */
int run_options_open(run_options *o, objective *obj, option_error *e);

/* The run's θ0 (obj->dim numbers): the model's, or --start's. */
const double *run_options_start(const run_options *o, const objective *obj);

/* How many parameter columns a trace of a run with n parameters gets:
 * all of them up to 16, else the first 16, unless --trace-params says. */
size_t run_options_trace_params(const run_options *o, size_t n);

#endif
