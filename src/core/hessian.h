/* Hessians for Newton's method and the theory on quadratics: by the
 * objective's own means where it has them, else by differences of
 * gradients, and what a symmetric matrix's eigenvalues say about it. */
#ifndef DESCENT_HESSIAN_H
#define DESCENT_HESSIAN_H

#include <stdbool.h>

#include "core_error.h"
#include "gradient.h"
#include "objective.h"
#include "optim_whole.h"

typedef enum {
    HESS_ANALYTIC,    /* the objective's formulas */
    HESS_AD,          /* second-order automatic differentiation */
    HESS_PRODUCTS,    /* n Hessian-vector products (models) */
    HESS_DIFFERENCES  /* central differences of gradients */
} hess_source;

/* The means that go with gradient method m: with analytic gradients the
 * objective's Hessian, else its Hessian-vector products, else
 * differences of analytic gradients; with AD the AD Hessian, else
 * differences of AD gradients; with differences, differences of those
 * gradients. */
hess_source hessian_source(const objective *obj, grad_method m);
const char *hessian_source_name(hess_source s);

/* H(x), n×n row-major and symmetric, by hessian_source(obj, m); h is
 * the gradient's difference step. cost counts a Hessian for the first
 * three means and 2n gradients for differences. Returns 0, CORE_ENOGRAD
 * (no gradient of method m) or CORE_ENOMEM. */
core_error hessian_eval(const objective *obj, grad_method m, double h,
                        const double *x, double *H, optim_cost *cost);

/* The eigenvalues of a symmetric n×n H in ascending order, and, when
 * vecs is not NULL, unit eigenvectors as its columns (n×n row-major).
 * Returns 0, CORE_ENOMEM, or CORE_ERANGE when H is not finite. */
core_error hessian_eigen(const double *H, size_t n, double *lambda,
                         double *vecs);

typedef enum {
    HESS_POSITIVE,    /* positive definite: a minimum ahead */
    HESS_INDEFINITE,  /* eigenvalues of both signs: a saddle */
    HESS_NEGATIVE,    /* negative definite: a maximum */
    HESS_SINGULAR     /* an eigenvalue is zero at the accuracy of H */
} hess_kind;

/* What ascending eigenvalues say: singular when the smallest in size
 * is within rel·(the largest in size) of zero (rel: the relative
 * accuracy of H, hessian_accuracy). */
hess_kind hessian_kind(const double *lambda, size_t n, double rel);
double hessian_accuracy(hess_source s, size_t n);
const char *hessian_kind_name(hess_kind k);

#endif
