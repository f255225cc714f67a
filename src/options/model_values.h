/* The model options of DESIGN §1 (--model --data --target --features
 * --split --no-shuffle --batch --hidden --scale --init --max-rows, and
 * --lambda for ridge) as values: checked and opened without printing. */
#ifndef DESCENT_MODEL_VALUES_H
#define DESCENT_MODEL_VALUES_H

#include <stdbool.h>

#include "model_open.h"
#include "option.h"

enum {
    MOPT_MODEL = 100, MOPT_DATA, MOPT_TARGET, MOPT_FEATURES, MOPT_SPLIT,
    MOPT_NO_SHUFFLE, MOPT_BATCH, MOPT_HIDDEN, MOPT_SCALE, MOPT_INIT,
    MOPT_MAX_ROWS, MOPT_LAMBDA
};

/* The options' table entries, for a command's own table. */
#define MODEL_CLI_OPTIONS                                                    \
    {"model", true, MOPT_MODEL}, {"data", true, MOPT_DATA},                  \
    {"target", true, MOPT_TARGET}, {"features", true, MOPT_FEATURES},        \
    {"split", true, MOPT_SPLIT}, {"no-shuffle", false, MOPT_NO_SHUFFLE},     \
    {"batch", true, MOPT_BATCH}, {"hidden", true, MOPT_HIDDEN},              \
    {"scale", true, MOPT_SCALE}, {"init", true, MOPT_INIT},                  \
    {"max-rows", true, MOPT_MAX_ROWS}, {"lambda", true, MOPT_LAMBDA}

typedef struct {
    const model_type *type;   /* --model; NULL: none given */
    model_spec spec;
    long batch;               /* --batch; 0: full batch */
    bool data_given;          /* any option that only a model takes */
} model_options;

void model_options_default(model_options *m);

/* Applies option id (one of MOPT_*) with value v (NULL for a flag).
 * 0, or -1 with e filled. */
int model_options_set(model_options *m, int id, const char *v,
                      option_error *e);

/* Opens the model as an objective with seed for the split, the
 * initialisation and (through the run) the minibatches, start (n
 * numbers, from --start; NULL: none). 0, or -1 with e filled: where
 * "--model", or "" and a message "FILE:LINE:COLUMN: what" for the data. */
int model_options_build(const model_options *m, unsigned long seed,
                        const double *start, size_t n, objective *obj,
                        option_error *e);

#endif
