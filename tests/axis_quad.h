/* f = ½(x² + 100y²), the hypergradient paper's ill-conditioned quadratic
 * (../shared/ref/README.md), as a test objective with exact derivatives. */
#ifndef DESCENT_TEST_AXIS_QUAD_H
#define DESCENT_TEST_AXIS_QUAD_H

#include "objective.h"

extern const objective axis_quad;

#endif
