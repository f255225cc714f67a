/* Gradients by the three methods of DESIGN §2 and their comparison. */
#ifndef DESCENT_GRADIENT_H
#define DESCENT_GRADIENT_H

#include <stdbool.h>

#include "core_error.h"
#include "objective.h"

typedef enum { GRAD_ANALYTIC, GRAD_AD, GRAD_CENTRAL } grad_method;

enum { GRAD_METHOD_COUNT = 3 };

const char *grad_method_name(grad_method m);
/* Returns 0 and sets *m, or -1 when name is not a method. */
int grad_method_parse(const char *name, grad_method *m);

/* Whether obj can provide a gradient by method m. */
bool gradient_available(const objective *obj, grad_method m);

/* g = ∇f(x) by method m (h is the central-difference step).
 * Returns 0, CORE_ENOGRAD when obj has no gradient of that kind, or
 * CORE_ENOMEM. */
core_error gradient_eval(const objective *obj, grad_method m, double h,
                         const double *x, double *g);

/* Central differences: g_i = (f(x + h e_i) - f(x - h e_i)) / 2h.
 * Returns 0, or CORE_ENOMEM (n > 16). */
core_error gradient_central(const objective *obj, double h, const double *x,
                            double *g);
/* Forward differences, g_i = (f(x + h e_i) - f(x)) / h: for teaching why
 * they are worse. */
core_error gradient_forward(const objective *obj, double h, const double *x,
                            double *g);

/* |a-b| / max(1e-12, |a|+|b|), DESIGN §2. */
double gradient_rel_error(double a, double b);

/* Per-component relative error of a against b; returns the largest. */
double gradient_check(const double *a, const double *b, size_t n,
                      double *rel);

#endif
