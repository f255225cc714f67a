/* Gradients by the methods of DESIGN §2 and §3e and their comparison. */
#ifndef DESCENT_GRADIENT_H
#define DESCENT_GRADIENT_H

#include <stdbool.h>

#include "core_error.h"
#include "objective.h"

typedef enum { GRAD_ANALYTIC, GRAD_AD, GRAD_CENTRAL, GRAD_FORWARD } grad_method;

enum { GRAD_METHOD_COUNT = 4 };

const char *grad_method_name(grad_method m);
/* Returns 0 and sets *m, or -1 when name is not a method. */
int grad_method_parse(const char *name, grad_method *m);

/* Whether m is a difference quotient, whose step h matters. */
bool grad_method_uses_h(grad_method m);

/* Whether obj can provide a gradient by method m. */
bool gradient_available(const objective *obj, grad_method m);

/* g = ∇f(x) by method m (h is the step of the differences).
 * Returns 0, CORE_ENOGRAD when obj has no gradient of that kind, or
 * CORE_ENOMEM. */
core_error gradient_eval(const objective *obj, grad_method m, double h,
                         const double *x, double *g);

/* *f = f(x) and g = ∇f(x) by method m: one pass through the
 * objective's value_grad when m is analytic and it has one, else value
 * and gradient_eval. The same numbers either way. Returns what
 * gradient_eval does (*f is set in every case). */
core_error gradient_value_eval(const objective *obj, grad_method m,
                               double h, const double *x, double *f,
                               double *g);

/* Central differences: g_i = (f(x + h e_i) - f(x - h e_i)) / 2h.
 * Returns 0, or CORE_ENOMEM (n > 16). */
core_error gradient_central(const objective *obj, double h, const double *x,
                            double *g);
/* Forward differences, g_i = (f(x + h e_i) - f(x)) / h: for teaching why
 * they are worse. Returns 0, or CORE_ENOMEM (n > 16). */
core_error gradient_forward(const objective *obj, double h, const double *x,
                            double *g);

/* What one gradient by method m of n parameters costs, as counted in
 * traces (DESIGN §6): analytic and AD gradients are one gradient
 * evaluation; differences are the function values they take (2n
 * central, n + 1 forward), not a gradient. */
void gradient_cost(grad_method m, size_t n, long *evals, long *gevals);

/* The step a difference quotient divides by at coordinate value x:
 * (x+h)−(x−h) for central, (x+h)−x for forward differences, as the
 * objective's precision rounds them (0 where x + h == x). */
double gradient_step_taken(const objective *obj, double x, double h,
                           bool central);

/* |a-b| / max(1e-12, |a|+|b|), DESIGN §2. */
double gradient_rel_error(double a, double b);

/* Per-component relative error of a against b; returns the largest. */
double gradient_check(const double *a, const double *b, size_t n,
                      double *rel);

#endif
