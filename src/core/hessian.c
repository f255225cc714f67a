#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_sort_vector.h>

#include "hessian.h"

hess_source hessian_source(const objective *obj, grad_method m)
{
    const objective_ops *o = obj->ops;
    if (m == GRAD_ANALYTIC && o->hessian)
        return HESS_ANALYTIC;
    if (m == GRAD_ANALYTIC && o->hvp)
        return HESS_PRODUCTS;
    if (m == GRAD_AD && o->hessian_ad)
        return HESS_AD;
    return HESS_DIFFERENCES;
}

const char *hessian_source_name(hess_source s)
{
    static const char *const names[] = {
        "analytic", "AD", "n Hessian·vector", "differences of ∇f"};
    return names[s];
}

static void symmetrise(double *H, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            double m = 0.5 * (H[i * n + j] + H[j * n + i]);
            H[i * n + j] = H[j * n + i] = m;
        }
}

/* Column j of H is (∇f(x + ηe_j) − ∇f(x − ηe_j)) / 2η. The step that
 * balances truncation (η²) against the gradient's own error δ (δ/η) is
 * δ^(1/3): δ is the rounding of an exact gradient, or eps/h for one by
 * differences with step h. */
static core_error differences(const objective *obj, grad_method m, double h,
                              const double *x, double *H, optim_cost *cost)
{
    size_t n = obj->dim;
    double *b = malloc(3 * n * sizeof *b);
    if (!b)
        return CORE_ENOMEM;
    double *xs = b, *gp = b + n, *gm = b + 2 * n;
    double delta = grad_method_uses_h(m) ? DBL_EPSILON / h : DBL_EPSILON;
    double eta = cbrt(delta);
    memcpy(xs, x, n * sizeof *xs);
    core_error rc = CORE_OK;
    for (size_t j = 0; j < n && rc == CORE_OK; j++) {
        double step = eta * fmax(1.0, fabs(x[j]));
        double up = x[j] + step, down = x[j] - step;
        xs[j] = up;
        rc = gradient_eval(obj, m, h, xs, gp);
        xs[j] = down;
        if (rc == CORE_OK)
            rc = gradient_eval(obj, m, h, xs, gm);
        xs[j] = x[j];
        for (size_t i = 0; i < n; i++)
            H[i * n + j] = (gp[i] - gm[i]) / (up - down);
    }
    free(b);
    if (rc == CORE_OK) {
        symmetrise(H, n);
        cost->g += 2 * (long)n;
    }
    return rc;
}

/* Column j of H is H e_j. */
static core_error products(const objective *obj, const double *x, double *H)
{
    size_t n = obj->dim;
    double *b = calloc(2 * n, sizeof *b);
    if (!b)
        return CORE_ENOMEM;
    double *e = b, *col = b + n;
    for (size_t j = 0; j < n; j++) {
        e[j] = 1.0;
        obj->ops->hvp(obj->ctx, x, e, col);
        e[j] = 0.0;
        for (size_t i = 0; i < n; i++)
            H[i * n + j] = col[i];
    }
    free(b);
    symmetrise(H, n);
    return CORE_OK;
}

core_error hessian_eval(const objective *obj, grad_method m, double h,
                        const double *x, double *H, optim_cost *cost)
{
    if (!gradient_available(obj, m))
        return CORE_ENOGRAD;
    core_error rc = CORE_OK;
    switch (hessian_source(obj, m)) {
    case HESS_ANALYTIC: obj->ops->hessian(obj->ctx, x, H); break;
    case HESS_AD: obj->ops->hessian_ad(obj->ctx, x, H); break;
    case HESS_PRODUCTS: rc = products(obj, x, H); break;
    case HESS_DIFFERENCES: return differences(obj, m, h, x, H, cost);
    }
    if (rc == CORE_OK)
        cost->h++;
    return rc;
}

core_error hessian_eigen(const double *H, size_t n, double *lambda,
                         double *vecs)
{
    for (size_t i = 0; i < n * n; i++)
        if (!isfinite(H[i]))
            return CORE_ERANGE;
    gsl_matrix *a = gsl_matrix_alloc(n, n);
    gsl_eigen_symmv_workspace *wv = vecs ? gsl_eigen_symmv_alloc(n) : NULL;
    gsl_eigen_symm_workspace *w = vecs ? NULL : gsl_eigen_symm_alloc(n);
    gsl_matrix_view v;
    if (vecs)
        v = gsl_matrix_view_array(vecs, n, n);
    gsl_vector_view l = gsl_vector_view_array(lambda, n);
    core_error rc = CORE_ENOMEM;
    if (a && (wv || w)) {
        memcpy(a->data, H, n * n * sizeof *H);
        int st = vecs ? gsl_eigen_symmv(a, &l.vector, &v.matrix, wv)
                      : gsl_eigen_symm(a, &l.vector, w);
        if (st == 0 && vecs)
            st = gsl_eigen_symmv_sort(&l.vector, &v.matrix,
                                      GSL_EIGEN_SORT_VAL_ASC);
        else if (st == 0)
            gsl_sort_vector(&l.vector);
        rc = st == 0 ? CORE_OK : CORE_ERANGE;
    }
    gsl_matrix_free(a);
    if (wv)
        gsl_eigen_symmv_free(wv);
    if (w)
        gsl_eigen_symm_free(w);
    return rc;
}

double hessian_accuracy(hess_source s, size_t n)
{
    /* Exact means round at n ε; differences leave about √ε. */
    return s == HESS_DIFFERENCES ? sqrt(DBL_EPSILON)
                                 : 8.0 * (double)n * DBL_EPSILON;
}

hess_kind hessian_kind(const double *lambda, size_t n, double rel)
{
    double big = fmax(fabs(lambda[0]), fabs(lambda[n - 1]));
    size_t neg = 0, pos = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(fabs(lambda[i]) > rel * big))
            return HESS_SINGULAR;
        neg += lambda[i] < 0.0;
        pos += lambda[i] > 0.0;
    }
    return neg == 0 ? HESS_POSITIVE : pos == 0 ? HESS_NEGATIVE
                                               : HESS_INDEFINITE;
}

const char *hessian_kind_name(hess_kind k)
{
    static const char *const names[] = {
        "positive definite", "indefinite", "negative definite", "singular"};
    return names[k];
}
