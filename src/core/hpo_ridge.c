#include <stdio.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>

#include "hpo_ridge.h"

int ridge_hpo_init(ridge_hpo *r, const model *m, char *err, size_t cap)
{
    const data_split *d = &m->data;
    *r = (ridge_hpo){.m = m};
    if (m->type != &model_ridge || d->n_val == 0) {
        snprintf(err, cap, "λ search needs the ridge model and validation "
                 "rows (--split below 1)");
        return -1;
    }
    size_t p = d->p;
    r->A = gsl_matrix_alloc(p, p);
    r->M = gsl_matrix_alloc(p, p);
    r->b = gsl_vector_alloc(p);
    r->w = gsl_vector_alloc(p);
    r->q = gsl_vector_alloc(p);
    r->r = gsl_vector_alloc(d->n_val);
    if (!r->A || !r->M || !r->b || !r->w || !r->q || !r->r) {
        ridge_hpo_free(r);
        snprintf(err, cap, "out of memory");
        return -1;
    }
    gsl_matrix_const_view X = gsl_matrix_const_view_array(d->x_train,
                                                          d->n_train, p);
    gsl_vector_const_view y = gsl_vector_const_view_array(d->y_train,
                                                          d->n_train);
    gsl_blas_dsyrk(CblasLower, CblasTrans, 1.0, &X.matrix, 0.0, r->A);
    gsl_blas_dgemv(CblasTrans, 1.0, &X.matrix, &y.vector, 0.0, r->b);
    return 0;
}

void ridge_hpo_free(ridge_hpo *r)
{
    gsl_matrix_free(r->A);
    gsl_matrix_free(r->M);
    gsl_vector_free(r->b);
    gsl_vector_free(r->w);
    gsl_vector_free(r->q);
    gsl_vector_free(r->r);
    *r = (ridge_hpo){0};
}

int ridge_hpo_eval(ridge_hpo *r, double lambda, double *e, double *de,
                   long *solves)
{
    const data_split *d = &r->m->data;
    /* dsyrk filled the lower triangle; Cholesky reads only that. */
    gsl_matrix_memcpy(r->M, r->A);
    gsl_vector_view diag = gsl_matrix_diagonal(r->M);
    gsl_vector_add_constant(&diag.vector, lambda);
    if (gsl_linalg_cholesky_decomp1(r->M) != GSL_SUCCESS ||
        gsl_linalg_cholesky_solve(r->M, r->b, r->w) != GSL_SUCCESS)
        return -1;
    ++*solves;
    gsl_matrix_const_view Xv = gsl_matrix_const_view_array(d->x_val,
                                                           d->n_val, d->p);
    gsl_vector_const_view yv = gsl_vector_const_view_array(d->y_val, d->n_val);
    gsl_vector_memcpy(r->r, &yv.vector);
    gsl_blas_dgemv(CblasNoTrans, 1.0, &Xv.matrix, r->w, -1.0, r->r);
    double ss;
    gsl_blas_ddot(r->r, r->r, &ss);
    *e = ss / (double)d->n_val;
    if (!de)
        return 0;
    /* ∇E(w) = (2/n_v) X_vᵀ r, then q = (A + λI)⁻¹ ∇E. */
    gsl_blas_dgemv(CblasTrans, 2.0 / (double)d->n_val, &Xv.matrix, r->r, 0.0,
                   r->q);
    if (gsl_linalg_cholesky_svx(r->M, r->q) != GSL_SUCCESS)
        return -1;
    ++*solves;
    gsl_blas_ddot(r->w, r->q, de);
    *de = -*de;
    return 0;
}

static int eval(void *ctx, double h, double *value, double *deriv, long *cost)
{
    return ridge_hpo_eval(ctx, h, value, deriv, cost);
}

hpo_problem ridge_hpo_problem(ridge_hpo *r, double lo, double hi)
{
    return (hpo_problem){eval, r, lo, hi};
}
