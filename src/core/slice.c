#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_eigen.h>

#include "rng.h"
#include "slice.h"

const char *slice_kind_name(slice_kind k)
{
    return k == SLICE_RANDOM ? "random" : "pca";
}

static int slice_alloc(slice *s, slice_kind kind, const double *centre,
                       size_t n)
{
    *s = (slice){.kind = kind, .n = n, .explained = {NAN, NAN}};
    if (!(s->centre = malloc(3 * n * sizeof *s->centre)))
        return -1;
    s->d1 = s->centre + n;
    s->d2 = s->centre + 2 * n;
    memcpy(s->centre, centre, n * sizeof *centre);
    return 0;
}

void slice_free(slice *s)
{
    free(s->centre);
    s->centre = s->d1 = s->d2 = NULL;
}

static double dot(const double *a, const double *b, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

/* d's unit [i, i+len) scaled to the norm of θ's (zero where θ is). */
static void normalise_unit(double *d, const double *theta, size_t len)
{
    double dn = sqrt(dot(d, d, len)), tn = sqrt(dot(theta, theta, len));
    for (size_t i = 0; i < len; i++)
        d[i] = dn > 0.0 ? d[i] * tn / dn : 0.0;
}

static void random_direction(rng *r, double *d, const double *theta,
                             size_t n, const model_block *blocks,
                             size_t n_blocks)
{
    for (size_t i = 0; i < n; i++)
        d[i] = rng_normal(r);
    if (!blocks) {
        normalise_unit(d, theta, n);
        return;
    }
    size_t at = 0;
    for (size_t b = 0; b < n_blocks; b++) {
        const model_block *k = &blocks[b];
        size_t units = k->bias ? 1 : k->rows;
        size_t len = k->rows * k->cols / units;
        for (size_t u = 0; u < units; u++, at += len)
            normalise_unit(d + at, theta + at, len);
    }
}

int slice_random(slice *s, const double *centre, size_t n,
                 const model_block *blocks, size_t n_blocks, uint64_t seed)
{
    if (slice_alloc(s, SLICE_RANDOM, centre, n) < 0)
        return -1;
    rng r;
    rng_seed(&r, seed);
    random_direction(&r, s->d1, centre, n, blocks, n_blocks);
    random_direction(&r, s->d2, centre, n, blocks, n_blocks);
    return 0;
}

enum { PCA_MAX_POINTS = 256 };

/* PCA through the Gram matrix: with R the k×n matrix of path points
 * minus c, centred by their mean, G = R Rᵀ is k×k (k ≤ 256 while n may
 * be large); its eigenpairs (λ, u) give the principal directions
 * v = Rᵀu / √λ. */
int slice_pca(slice *s, const double *centre, const double *path, size_t m,
              size_t n)
{
    size_t k = m < PCA_MAX_POINTS ? m : PCA_MAX_POINTS;
    *s = (slice){0};
    if (k < 3 || slice_alloc(s, SLICE_PCA, centre, n) < 0)
        return -1;
    double *R = malloc(k * n * sizeof *R), *mean = calloc(n, sizeof *mean);
    gsl_matrix *G = gsl_matrix_alloc(k, k), *U = gsl_matrix_alloc(k, k);
    gsl_vector *lam = gsl_vector_alloc(k);
    gsl_eigen_symmv_workspace *w = gsl_eigen_symmv_alloc(k);
    int rc = -1;
    if (!R || !mean || !G || !U || !lam || !w)
        goto out;
    for (size_t i = 0; i < k; i++) {
        size_t row = k == m ? i : i * (m - 1) / (k - 1);
        for (size_t j = 0; j < n; j++) {
            R[i * n + j] = path[row * n + j] - centre[j];
            mean[j] += R[i * n + j] / (double)k;
        }
    }
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < n; j++)
            R[i * n + j] -= mean[j];
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j <= i; j++) {
            double g = dot(R + i * n, R + j * n, n);
            gsl_matrix_set(G, i, j, g);
            gsl_matrix_set(G, j, i, g);
        }
    if (gsl_eigen_symmv(G, lam, U, w) != GSL_SUCCESS ||
        gsl_eigen_symmv_sort(lam, U, GSL_EIGEN_SORT_VAL_DESC) != GSL_SUCCESS)
        goto out;
    double total = 0.0;
    for (size_t i = 0; i < k; i++)
        total += fmax(gsl_vector_get(lam, i), 0.0);
    double *dir[2] = {s->d1, s->d2};
    for (int c = 0; c < 2; c++) {
        double l = gsl_vector_get(lam, (size_t)c);
        /* A direction the path does not span is not a direction. */
        if (!(l > 1e-12 * total))
            goto out;
        for (size_t j = 0; j < n; j++) {
            double v = 0.0;
            for (size_t i = 0; i < k; i++)
                v += R[i * n + j] * gsl_matrix_get(U, i, (size_t)c);
            dir[c][j] = v / sqrt(l);
        }
        s->explained[c] = l / total;
    }
    rc = 0;
out:
    gsl_eigen_symmv_free(w);
    gsl_vector_free(lam);
    gsl_matrix_free(U);
    gsl_matrix_free(G);
    free(mean);
    free(R);
    if (rc < 0)
        slice_free(s);
    return rc;
}

void slice_point(const slice *s, double a, double b, double *theta)
{
    for (size_t i = 0; i < s->n; i++)
        theta[i] = s->centre[i] + a * s->d1[i] + b * s->d2[i];
}

void slice_project(const slice *s, const double *theta, double *a, double *b)
{
    double p11 = 0, p12 = 0, p22 = 0, r1 = 0, r2 = 0;
    for (size_t i = 0; i < s->n; i++) {
        double r = theta[i] - s->centre[i];
        p11 += s->d1[i] * s->d1[i];
        p12 += s->d1[i] * s->d2[i];
        p22 += s->d2[i] * s->d2[i];
        r1 += s->d1[i] * r;
        r2 += s->d2[i] * r;
    }
    double det = p11 * p22 - p12 * p12;
    *a = det != 0.0 ? (p22 * r1 - p12 * r2) / det : 0.0;
    *b = det != 0.0 ? (p11 * r2 - p12 * r1) / det : 0.0;
}

int slice_eval_init(slice_eval *e, const slice *s, const objective *f)
{
    const model *m = model_of(f);
    *e = (slice_eval){s, f, m ? model_plane_new(m, s->centre, s->d1, s->d2)
                              : NULL, NULL};
    if (e->plane)
        return 0;
    e->theta = malloc(s->n * sizeof *e->theta);
    return e->theta ? 0 : -1;
}

double slice_eval_at(slice_eval *e, double a, double b)
{
    if (e->plane)
        return model_plane_value(e->plane, a, b);
    slice_point(e->s, a, b, e->theta);
    return e->f->ops->value(e->f->ctx, e->theta);
}

void slice_eval_free(slice_eval *e)
{
    model_plane_free(e->plane);
    free(e->theta);
    *e = (slice_eval){0};
}

double slice_eval_value(void *ctx, double a, double b)
{
    return slice_eval_at(ctx, a, b);
}

int slice_grid(const slice *s, const objective *f, const double range[4],
               size_t nx, size_t ny, double *out)
{
    slice_eval e;
    if (slice_eval_init(&e, s, f) < 0)
        return -1;
    for (size_t j = 0; j < ny; j++)
        for (size_t i = 0; i < nx; i++) {
            double a = range[0] + (range[1] - range[0]) * (double)i /
                                      (double)(nx > 1 ? nx - 1 : 1);
            double b = range[2] + (range[3] - range[2]) * (double)j /
                                      (double)(ny > 1 ? ny - 1 : 1);
            out[j * nx + i] = slice_eval_at(&e, a, b);
        }
    slice_eval_free(&e);
    return 0;
}

void slice_range(const slice *s, const double *path, size_t m,
                 double range[4])
{
    range[0] = range[2] = -1.0;
    range[1] = range[3] = 1.0;
    if (s->kind == SLICE_RANDOM || m == 0)
        return;
    range[0] = range[2] = INFINITY;
    range[1] = range[3] = -INFINITY;
    for (size_t i = 0; i < m; i++) {
        double a, b;
        slice_project(s, path + i * s->n, &a, &b);
        range[0] = fmin(range[0], a);
        range[1] = fmax(range[1], a);
        range[2] = fmin(range[2], b);
        range[3] = fmax(range[3], b);
    }
    for (int k = 0; k < 4; k += 2) {
        double pad = fmax(0.25 * (range[k + 1] - range[k]), 1e-3);
        range[k] -= pad;
        range[k + 1] += pad;
    }
}
