/* Bayesian optimisation over u = log h (Jones, Schonlau & Welch 1998):
 * a Gaussian process prior with the squared-exponential kernel
 * k(u, u') = exp(-(u - u')²/2ℓ²) on the standardised values, a small
 * nugget for conditioning, ℓ chosen on a grid by the log marginal
 * likelihood -½ yᵀK⁻¹y - Σ log L_ii; the next point maximises the
 * expected improvement EI = (y* - μ)Φ(z) + σφ(z), z = (y* - μ)/σ, over a
 * fine grid of the range. Three evaluations at 1/6, 1/2, 5/6 of the
 * range start it. Linear algebra by GSL (Cholesky). */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>

#include "hpo.h"

enum { CANDIDATES = 512, LENGTHSCALES = 5 };

static const double nugget = 1e-6;

typedef struct {
    size_t n;
    const double *u;
    gsl_vector *y;      /* standardised values */
    gsl_matrix *L;      /* Cholesky factor of K + nugget·I */
    gsl_vector *alpha;  /* (K + nugget·I)⁻¹ y */
    gsl_vector *k;      /* scratch: k(u*, u_i) */
    double ell;
} gp;

static double kernel(double a, double b, double ell)
{
    double d = (a - b) / ell;
    return exp(-0.5 * d * d);
}

/* Factors K for lengthscale ell; returns the log marginal likelihood,
 * or -INFINITY when K is not positive definite. */
static double gp_fit(gp *g, double ell)
{
    g->ell = ell;
    for (size_t i = 0; i < g->n; i++)
        for (size_t j = 0; j < g->n; j++)
            gsl_matrix_set(g->L, i, j, kernel(g->u[i], g->u[j], ell) +
                                           (i == j ? nugget : 0.0));
    if (gsl_linalg_cholesky_decomp1(g->L) != GSL_SUCCESS ||
        gsl_linalg_cholesky_solve(g->L, g->y, g->alpha) != GSL_SUCCESS)
        return -INFINITY;
    double yk, logdet = 0.0;
    gsl_blas_ddot(g->y, g->alpha, &yk);
    for (size_t i = 0; i < g->n; i++)
        logdet += log(gsl_matrix_get(g->L, i, i));
    return -0.5 * yk - logdet;
}

/* Posterior mean and sd at u. */
static void gp_predict(gp *g, double u, double *mu, double *sd)
{
    for (size_t i = 0; i < g->n; i++)
        gsl_vector_set(g->k, i, kernel(u, g->u[i], g->ell));
    gsl_blas_ddot(g->k, g->alpha, mu);
    gsl_blas_dtrsv(CblasLower, CblasNoTrans, CblasNonUnit, g->L, g->k);
    double vv;
    gsl_blas_ddot(g->k, g->k, &vv);
    *sd = sqrt(fmax(1.0 - vv, 1e-12));
}

/* Standardises the values (a NaN, a diverged evaluation, counts as the
 * worst one seen) and fits the lengthscale. 0, or -1 when no
 * lengthscale gives a positive definite K. */
static int refit(gp *g, const double *val, double span, double *best)
{
    double mean = 0, ss = 0, worst = -INFINITY;
    size_t finite = 0;
    for (size_t i = 0; i < g->n; i++)
        if (isfinite(val[i])) {
            worst = fmax(worst, val[i]);
            finite++;
        }
    for (size_t i = 0; i < g->n; i++)
        mean += isfinite(val[i]) ? val[i] : worst;
    mean /= (double)g->n;
    for (size_t i = 0; i < g->n; i++) {
        double v = (isfinite(val[i]) ? val[i] : worst) - mean;
        ss += v * v;
    }
    double sd = ss > 0.0 ? sqrt(ss / (double)g->n) : 1.0;
    *best = INFINITY;
    for (size_t i = 0; i < g->n; i++) {
        double v = ((isfinite(val[i]) ? val[i] : worst) - mean) / sd;
        gsl_vector_set(g->y, i, finite ? v : 0.0);
        *best = fmin(*best, v);
    }
    static const double scale[LENGTHSCALES] = {0.03, 0.06, 0.12, 0.25, 0.5};
    double top = -INFINITY, ell = 0.0;
    for (int k = 0; k < LENGTHSCALES; k++) {
        double ll = gp_fit(g, scale[k] * span);
        if (ll > top)
            top = ll, ell = scale[k] * span;
    }
    return top > -INFINITY && isfinite(gp_fit(g, ell)) ? 0 : -1;
}

static double expected_improvement(double mu, double sd, double best)
{
    double z = (best - mu) / sd;
    return (best - mu) * gsl_cdf_ugaussian_P(z) + sd * gsl_ran_ugaussian_pdf(z);
}

int hpo_bayes(const hpo_problem *p, const hpo_settings *s, hpo_trace *t)
{
    size_t cap = s->budget;
    double a = log(p->lo), b = log(p->hi);
    double *u = malloc(2 * cap * sizeof *u), *val = u + cap;
    gp g = {0, u, gsl_vector_alloc(cap), gsl_matrix_alloc(cap, cap),
            gsl_vector_alloc(cap), gsl_vector_alloc(cap), 0.0};
    int rc = !u || !g.y || !g.L || !g.alpha || !g.k ? -1 : 0;
    static const double start[3] = {1.0 / 6, 0.5, 5.0 / 6};
    while (rc == 0 && t->n < cap) {
        double next;
        if (t->n < 3) {
            next = a + (b - a) * start[t->n];
        } else {
            /* Views of the first n rows of the workspaces. */
            gsl_matrix_view L = gsl_matrix_submatrix(g.L, 0, 0, t->n, t->n);
            gsl_vector_view y = gsl_vector_subvector(g.y, 0, t->n);
            gsl_vector_view al = gsl_vector_subvector(g.alpha, 0, t->n);
            gsl_vector_view k = gsl_vector_subvector(g.k, 0, t->n);
            gp sub = {t->n, u, &y.vector, &L.matrix, &al.vector, &k.vector, 0};
            double best, top = 0.0;
            if (refit(&sub, val, b - a, &best) < 0)
                break;
            next = NAN;
            for (int c = 0; c <= CANDIDATES; c++) {
                double uc = a + (b - a) * c / CANDIDATES, mu, sd;
                gp_predict(&sub, uc, &mu, &sd);
                double ei = expected_improvement(mu, sd, best);
                if (ei > top)
                    top = ei, next = uc;
            }
            if (!(top > 1e-9)) /* nothing left to gain */
                break;
        }
        u[t->n] = next;
        rc = hpo_record(p, t, exp(next), &val[t->n], NULL) < 0 ? -1 : 0;
    }
    gsl_vector_free(g.k);
    gsl_vector_free(g.alpha);
    gsl_matrix_free(g.L);
    gsl_vector_free(g.y);
    free(u);
    return rc;
}
