/* softmax: multinomial logistic regression on all features, parameters
 * W (K×p, row-major) then b (K), as nn.Linear(p, K).
 * Z = X Wᵀ + b; L = mean(logsumexp(z) - z_y); with P = softmax(Z) and Y
 * one-hot, ∇_W L = (P - Y)ᵀ X / n, ∇_b L = column sums of (P - Y) / n.
 * ∇²L v: U = X Vᵀ + v_b, Ṗ = P ∘ (U - (P·U)), then Ṗ in place of P - Y. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_cblas.h>

#include "model_impl.h"

enum { SOFTMAX_MAX_CLASSES = 100 };

static int softmax_prepare(model *m, const model_config *c, char *err,
                           size_t cap)
{
    (void)c;
    if (classes_from_target(m, SOFTMAX_MAX_CLASSES, err, cap) < 0)
        return -1;
    size_t p = m->data.p, k = m->classes;
    set_block(m, 0, "W", k, p, p, false);
    set_block(m, 1, "b", 1, k, p, true);
    snprintf(m->formula, sizeof m->formula,
             "cross-entropy of softmax(W x + b): %zu features → %zu classes "
             "of %s", p, k, m->data.target);
    return 0;
}

static size_t softmax_work(const model *m, size_t n)
{
    return 2 * n * m->classes;
}

/* Z = X Wᵀ + b (n×K) for parameters theta = (W, b). */
static void logits(const model *m, const double *theta, const double *x,
                   size_t n, double *z)
{
    size_t p = m->data.p, k = m->classes;
    for (size_t i = 0; i < n; i++)
        memcpy(z + i * k, theta + k * p, k * sizeof *z);
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)n, (int)k,
                (int)p, 1.0, x, (int)p, theta, (int)p, 1.0, z, (int)k);
}

/* Turns the rows of z into probabilities; returns Σ logsumexp(z_i). */
static double softmax_rows(double *z, size_t n, size_t k)
{
    double lse_sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double *r = z + i * k, top = r[0], s = 0.0;
        for (size_t c = 1; c < k; c++)
            top = fmax(top, r[c]);
        for (size_t c = 0; c < k; c++)
            s += (r[c] = exp(r[c] - top));
        for (size_t c = 0; c < k; c++)
            r[c] /= s;
        lse_sum += top + log(s);
    }
    return lse_sum;
}

/* g = (Dᵀ X, column sums of D) / n for D n×K. */
static void backward(const model *m, const double *dz, const double *x,
                     size_t n, double *g)
{
    size_t p = m->data.p, k = m->classes;
    double s = 1.0 / (double)n;
    cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)k, (int)p,
                (int)n, s, dz, (int)k, x, (int)p, 0.0, g, (int)p);
    for (size_t c = 0; c < k; c++) {
        double sum = 0.0;
        for (size_t i = 0; i < n; i++)
            sum += dz[i * k + c];
        g[k * p + c] = s * sum;
    }
}

/* The forward pass leaves P = softmax(Z) in the scratch. */
static double softmax_loss(const model *m, const double *theta,
                           const double *x, const double *y, size_t n,
                           double *g, bool warm)
{
    size_t k = m->classes;
    double *z = m->work, zy = 0.0, loss = 0.0;
    if (!warm) {
        logits(m, theta, x, n, z);
        for (size_t i = 0; i < n; i++)
            zy += z[i * k + (size_t)y[i]];
        loss = (softmax_rows(z, n, k) - zy) / (double)n;
    }
    if (g) {
        for (size_t i = 0; i < n; i++)
            z[i * k + (size_t)y[i]] -= 1.0;
        backward(m, z, x, n, g);
    }
    return loss;
}

static void softmax_hvp(const model *m, const double *theta, const double *v,
                        const double *x, const double *y, size_t n, double *hv)
{
    (void)y;
    size_t k = m->classes;
    double *pr = m->work, *u = m->work + n * k;
    logits(m, theta, x, n, pr);
    softmax_rows(pr, n, k);
    logits(m, v, x, n, u);
    for (size_t i = 0; i < n; i++) {
        double *pi = pr + i * k, *ui = u + i * k, pu = 0.0;
        for (size_t c = 0; c < k; c++)
            pu += pi[c] * ui[c];
        for (size_t c = 0; c < k; c++)
            ui[c] = pi[c] * (ui[c] - pu);
    }
    backward(m, u, x, n, hv);
}

static void softmax_predict(const model *m, const double *theta,
                            const double *x, size_t n, size_t *cls)
{
    size_t k = m->classes;
    double *z = m->work;
    logits(m, theta, x, n, z);
    for (size_t i = 0; i < n; i++) {
        size_t best = 0;
        for (size_t c = 1; c < k; c++)
            if (z[i * k + c] > z[i * k + best])
                best = c;
        cls[i] = best;
    }
}

const model_type model_softmax = {
    .name = "softmax",
    .title = "multinomial logistic regression on all features",
    .classifier = true,
    .default_data = "iris",
    .prepare = softmax_prepare,
    .work = softmax_work,
    .loss = softmax_loss,
    .hvp = softmax_hvp,
    .predict = softmax_predict,
};
