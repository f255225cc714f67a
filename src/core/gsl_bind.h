/* A run's objective as gsl_multimin functions: every call is counted and
 * its point recorded (the line-search probes and simplex trials the
 * screen shows), with the gradient by the run's method. */
#ifndef DESCENT_GSL_BIND_H
#define DESCENT_GSL_BIND_H

#include <gsl/gsl_multimin.h>

#include "run.h"

typedef struct {
    const objective *obj;
    grad_method grad;
    double h;
    size_t n, cap;          /* parameters; points kept per iterate */
    optim_cost calls;       /* since gsl_bind_begin */
    size_t count, total;    /* points kept, points evaluated */
    double *points;         /* cap × n */
    double *values;         /* f at each point; NaN where only ∇f */
    unsigned char *kind;    /* PROBE_* of each */
    double *scratch;        /* 2n: vectors that are not contiguous */
    core_error err;         /* a gradient that failed (memory) */
} gsl_bind;

/* For r's objective and gradient, keeping up to cap points. 0 or
 * CORE_ENOMEM (nothing to free then). */
core_error gsl_bind_init(gsl_bind *b, const run *r, size_t cap);
void gsl_bind_free(gsl_bind *b);
/* Forgets the points and counts: an iterate begins. */
void gsl_bind_begin(gsl_bind *b);
gsl_multimin_function_fdf gsl_bind_fdf(gsl_bind *b);
gsl_multimin_function gsl_bind_f(gsl_bind *b);
/* The probes of the last iterate (no simplex). */
void gsl_bind_shape(const gsl_bind *b, optim_shape *out);
/* An iterate's GSL status as optim_whole's: 0, OPTIM_NOPROGRESS with
 * *why in GSL's words, or a core_error (memory). */
int gsl_bind_status(const gsl_bind *b, int status, const char **why);

#endif
