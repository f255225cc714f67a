/* Ridge's λ as a hyperparameter (DESIGN §5): w*(λ) solves
 * (A + λI) w = b with A = XᵀX, b = Xᵀy on the training rows; the
 * validation loss E(λ) = mean((X_v w* - y_v)²) (target units: the
 * targets are centred with the training mean), and by implicit
 * differentiation dE/dλ = -w*ᵀq with (A + λI) q = ∇E(w*). Each solve
 * factors A + λI by Cholesky (GSL); a derivative reuses the factor for
 * its second solve, but the count says 2. */
#ifndef DESCENT_HPO_RIDGE_H
#define DESCENT_HPO_RIDGE_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "hpo.h"
#include "model.h"

typedef struct {
    const model *m;
    gsl_matrix *A, *M;      /* XᵀX, and A + λI factored */
    gsl_vector *b, *w, *q, *r;
} ridge_hpo;

/* For a ridge model with validation rows. 0, or -1 with a message. */
int ridge_hpo_init(ridge_hpo *r, const model *m, char *err, size_t cap);
void ridge_hpo_free(ridge_hpo *r);

/* E(λ) into *e, dE/dλ into *de unless de is NULL; w*(λ) stays in r->w.
 * Adds the linear solves to *solves. 0, or -1 when A + λI is not
 * positive definite. */
int ridge_hpo_eval(ridge_hpo *r, double lambda, double *e, double *de,
                   long *solves);

/* The search problem over λ in [lo, hi]. */
hpo_problem ridge_hpo_problem(ridge_hpo *r, double lo, double hi);

#endif
