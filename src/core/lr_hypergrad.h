/* The learning rate as a hyperparameter: the loss after T updates with a
 * constant α, L(α) = E(θ_T(α)), and its exact derivative dL/dα by
 * forward mode (DESIGN §4). The tangent Z_t = dθ_t/dα is carried
 * through the updates beside θ_t; for sgd
 *     Z_t = Z_{t-1} - α H(θ_{t-1}) Z_{t-1} - d_t,
 * and for the others the tangents of their state too. Every optimiser of
 * DESIGN §3 is covered (sgd, momentum, nesterov, adagrad, rmsprop, adam),
 * without clipping or hypergradient descent (α is the constant being
 * differentiated).
 * H Z comes from the objective's Hessian-vector product (exact for the
 * models), else its Hessian (built-ins, expressions by AD), else a
 * central difference of gradients along Z. */
#ifndef DESCENT_LR_HYPERGRAD_H
#define DESCENT_LR_HYPERGRAD_H

#include "core_error.h"
#include "objective.h"
#include "optimizer.h"

typedef struct {
    const objective *train;   /* the updates follow its gradient */
    const optimizer_type *opt;
    optim_params op;
    long steps;               /* T ≥ 1 */
    /* E, the loss measured at θ_T, with its gradient into g unless g is
     * NULL; NULL: train's own value. */
    double (*outer)(const void *ctx, const double *theta, double *g);
    const void *outer_ctx;
} lr_problem;

typedef struct {
    double loss;    /* L(α) */
    double dloss;   /* dL/dα */
} lr_result;

/* L and dL/dα at α from start. Returns 0, CORE_ENOMEM, or
 * CORE_EUNSUPPORTED for an optimiser without a tangent. A run that
 * leaves the finite numbers gives NaN or infinities. */
core_error lr_hypergrad(const lr_problem *p, const double *start,
                        double alpha, lr_result *out);

/* L(α) by the run API (run.h) with the same settings: what a user's run
 * does. NaN when the run cannot start. */
double lr_loss(const lr_problem *p, const double *start, double alpha);

/* (L(α+h) - L(α-h)) / 2h by lr_loss, for checking lr_hypergrad. */
double lr_central(const lr_problem *p, const double *start, double alpha,
                  double h);

#endif
