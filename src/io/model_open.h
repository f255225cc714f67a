/* A model objective from what a user asks for: the model, its data (a
 * shipped set, a CSV file or the seed's N(0,1) data) and its settings. */
#ifndef DESCENT_MODEL_OPEN_H
#define DESCENT_MODEL_OPEN_H

#include "data_csv.h"
#include "model.h"

typedef struct {
    const char *data;        /* --data NAME|PATH; NULL: the model's default */
    size_t max_rows;         /* --max-rows; 0: the default limit */
    data_options opt;        /* --target --features --split --no-shuffle
                                --seed --scale (take is set here) */
    model_config config;     /* --hidden, λ, --seed */
    const char *init;        /* --init FILE; NULL: default initialisation */
    const double *start;     /* --start: n_start numbers; NULL: none */
    size_t n_start;
} model_spec;

/* Defaults of DESIGN §1. */
model_spec model_spec_default(void);

/* The seed's data when a model has no default data set: 100 rows of 10
 * N(0,1) inputs and an N(0,1) target. */
enum { MODEL_NORMAL_ROWS = 100, MODEL_NORMAL_INPUTS = 10 };

/* Opens the model as an objective (free with objective_free). With the
 * model's default data and no --features, its default features. Returns
 * 0, or -1 with err filled: file and place for data and --init errors,
 * the data's name and line 0 for what the model refuses. */
int model_open(const model_type *t, const model_spec *s, objective *out,
               data_file_error *err);

#endif
