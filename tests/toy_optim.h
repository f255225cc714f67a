/* Optimisers that exist only in the tests, each one file as a new one
 * would be: toy3 keeps three state vectors and two run scalars (more than
 * any shipped optimiser, as amsgrad and NAdam will), starts them from
 * non-zero values and has no forward-mode tangent; toy_bare takes no
 * clipping and no hypergradient, as the whole-step methods will. */
#ifndef DESCENT_TEST_TOY_OPTIM_H
#define DESCENT_TEST_TOY_OPTIM_H

#include "optimizer.h"

extern const optimizer_type toy3, toy_bare;

#endif
