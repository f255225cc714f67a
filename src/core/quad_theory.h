/* Theory on quadratics (DESIGN §5). An objective whose Hessian H is the
 * same at three points is taken for a quadratic: its eigenvalues λ_i
 * and eigen-directions, its stationary point θ* (a minimum when every
 * λ > 0), and for the optimisers with a linear recurrence (their
 * linear_rate) the predicted contraction per update beside the measured
 * ‖θ_t − θ*‖/‖θ_{t−1} − θ*‖, the stability limit on α, and the optimal
 * settings of sgd, heavy ball and Nesterov. */
#ifndef DESCENT_QUAD_THEORY_H
#define DESCENT_QUAD_THEORY_H

#include <stdbool.h>

#include "objective.h"
#include "optimizer.h"

enum { QUAD_MAX_DIM = 16 };

typedef struct {
    size_t n;
    double lambda[QUAD_MAX_DIM];               /* ascending */
    double vecs[QUAD_MAX_DIM * QUAD_MAX_DIM];  /* column i: λ_i's unit
                                                * eigenvector, row-major */
    double theta_star[QUAD_MAX_DIM];           /* where ∇f = 0 */
    bool has_min;                              /* every λ > 0 */
} quad_theory;

/* Whether obj is a quadratic: at most QUAD_MAX_DIM parameters, an exact
 * Hessian (analytic, AD or Hessian-vector products), the same at start
 * and two points around it to 1e-12 of its size, and not singular.
 * Returns 1 and fills q, 0 when not, or CORE_ENOMEM. */
int quad_theory_open(const objective *obj, const double *start,
                     quad_theory *q);

typedef struct {
    bool known;      /* the optimiser has a linear rate */
    double rate;     /* max over i of its root modulus at a = αλ_i */
    bool complex;    /* the slowest direction spirals: one-step ratios
                      * oscillate about rate */
    double limit;    /* α below which it converges (its μ kept); NaN
                      * when no α does (no minimum) */
} quad_prediction;

quad_prediction quad_predict(const quad_theory *q, const optimizer_type *opt,
                             const optim_params *p, double lr);

/* What an optimiser with coupled weight decay W (ĝ + Wθ) minimises: the
 * quadratic f + W‖θ‖²/2, with eigenvalues λ_i + W, the same
 * eigenvectors, and θ*_W = (H + WI)⁻¹Hθ*. *out = *q when W is 0 or the
 * optimiser's decay is decoupled (adamw). */
void quad_theory_decayed(const quad_theory *q, const optimizer_type *opt,
                         const optim_params *p, quad_theory *out);

/* The classic optimal settings for κ = λ_max/λ_min (needs has_min):
 * sgd α = 2/(λ_min+λ_max), rate (κ−1)/(κ+1); heavy ball
 * α = (2/(√λ_max+√λ_min))², μ = ((√κ−1)/(√κ+1))², rate (√κ−1)/(√κ+1);
 * Nesterov (Lessard, Recht and Packard 2016) α = 4/(3λ_max+λ_min),
 * μ = (√(3κ+1)−2)/(√(3κ+1)+2), rate 1 − 2/√(3κ+1). */
typedef struct {
    double kappa;
    double sgd_lr, sgd_rate;
    double hb_lr, hb_mu, hb_rate;
    double nag_lr, nag_mu, nag_rate;
} quad_optimum;

quad_optimum quad_optimal(const quad_theory *q);

/* ‖θ − θ*‖ / ‖θ_prev − θ*‖; NaN when θ_prev is within 1e-8·max(1, ‖θ*‖)
 * of θ*, where rounding (of θ and of θ*) would be most of the ratio. */
double quad_measured(const quad_theory *q, const double *theta,
                     const double *theta_prev);

/* The measured rate over the updates of a run: the last measurable
 * one-step ratio, and the geometric mean of the last QUAD_WINDOW (one-step
 * ratios oscillate about the rate when the slowest direction spirals). */
enum { QUAD_WINDOW = 20 };

typedef struct {
    double logs[QUAD_WINDOW];
    size_t count, head;
    double last;     /* NaN before the first */
    long at;         /* the update of last; 0: none */
} quad_meter;

void quad_meter_reset(quad_meter *m);
/* A ratio of 0 (θ* reached in one update) makes the mean 0. */
/* Update t moved θ_prev to θ. */
void quad_meter_add(quad_meter *m, const quad_theory *q, const double *theta,
                    const double *theta_prev, long t);
double quad_meter_mean(const quad_meter *m);

#endif
