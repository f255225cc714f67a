/* The learning rate as a hyperparameter: E(α), the validation loss of a
 * model after T updates with a constant α from its θ0, its derivative by
 * forward mode (lr_hypergrad.h); the cost of an evaluation is one
 * training run, with or without the derivative. */
#ifndef DESCENT_HPO_LR_H
#define DESCENT_HPO_LR_H

#include "hpo.h"
#include "lr_hypergrad.h"
#include "model.h"

typedef struct {
    lr_problem p;
    const double *start;
} lr_hpo;

/* For the model objective obj (it must have validation rows). */
void lr_hpo_init(lr_hpo *l, const objective *obj, const optimizer_type *opt,
                 long steps);
hpo_problem lr_hpo_problem(lr_hpo *l, double lo, double hi);

#endif
