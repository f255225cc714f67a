/* Adam's step, shared by adam and adamw (which differ in their weight
 * decay only: coupled for adam, decoupled for adamw). */
#ifndef DESCENT_OPTIM_ADAM_H
#define DESCENT_OPTIM_ADAM_H

#include "optimizer.h"

void adam_direction(const optim_params *p, double *state, size_t n, long t,
                    const double *g, double *d);
void adam_apply(const optim_params *p, const double *state, size_t n, long t,
                const double *g, const double *d, double lr, double *theta);
void adam_tangent(const optim_params *p, const double *state, double *sdot,
                  size_t n, long t, const double *g, const double *gdot,
                  double *ddot);
/* The step panel's lines of type (adam or adamw) after update t. */
int adam_lines(const optimizer_type *type, const optim_params *p, long t,
               optim_line *out);

#endif
