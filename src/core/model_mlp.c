/* mlp: the seed's network, p inputs → H ReLU → 1 output, MSE
 * L = mean((out - y)²). Parameters as PyTorch's nn.Linear pair: W1 (H×p,
 * row-major), b1 (H), W2 (1×H), b2. Backpropagation on contiguous
 * row-major arrays, the products through GSL's CBLAS:
 *   Z = X W1ᵀ + b1, A = relu(Z), out = A W2ᵀ + b2, r = out - y,
 *   δ = 2r/n, ∇W2 = Aᵀδ, ∇b2 = Σδ, D = (δ W2) ∘ [Z > 0],
 *   ∇W1 = Dᵀ X, ∇b1 = column sums of D.
 * The Hessian-vector product is Pearlmutter's R-operator (1994) on the
 * same passes: R{·} is the derivative along v, ReLU's mask held fixed. */
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_cblas.h>

#include "model_impl.h"

static int mlp_prepare(model *m, const model_config *c, char *err, size_t cap)
{
    size_t p = m->data.p, h = c->hidden;
    if (h == 0) {
        snprintf(err, cap, "the mlp needs at least one hidden unit");
        return -1;
    }
    m->hidden = h;
    set_block(m, 0, "W1", h, p, p, false);
    set_block(m, 1, "b1", 1, h, p, true);
    set_block(m, 2, "W2", 1, h, h, false);
    set_block(m, 3, "b2", 1, 1, h, true);
    snprintf(m->formula, sizeof m->formula,
             "mean((W2 relu(W1 x + b1) + b2 - %s)²), %zu → %zu → 1",
             m->data.target, p, h);
    return 0;
}

/* A transposed weight matrix (p×H), then Z, A and R{Z} (n×H each), then
 * r and R{out} (n each). */
static size_t mlp_work(const model *m, size_t n)
{
    return m->data.p * m->hidden + 3 * n * m->hidden + 2 * n;
}

/* Where the n×H arrays begin in the scratch. */
static double *rows_work(const model *m)
{
    return m->work + m->data.p * m->hidden;
}

/* out (cols×rows) = in (rows×cols) transposed. */
static void transpose(const double *in, size_t rows, size_t cols, double *out)
{
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            out[j * rows + i] = in[i * cols + j];
}

typedef struct {
    const double *w1, *b1, *w2, *b2;
} mlp_params;

static mlp_params split(const model *m, const double *theta)
{
    size_t p = m->data.p, h = m->hidden;
    return (mlp_params){theta, theta + h * p, theta + h * p + h,
                        theta + h * p + 2 * h};
}

/* z = X W1ᵀ + b1 (n×H). The product is taken with W1ᵀ stored as such:
 * CBLAS's reference loops then run along rows of H (64) rather than
 * along dot products of p (10), which is several times faster. */
static void layer1(const model *m, mlp_params w, const double *x, size_t n,
                   double *z)
{
    size_t p = m->data.p, h = m->hidden;
    double *w1t = m->work;
    transpose(w.w1, h, p, w1t);
    for (size_t i = 0; i < n; i++)
        memcpy(z + i * h, w.b1, h * sizeof *z);
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)n, (int)h,
                (int)p, 1.0, x, (int)p, w1t, (int)h, 1.0, z, (int)h);
}

/* A = relu(Z); r = A W2ᵀ + b2 - y. */
static void forward(const model *m, mlp_params w, const double *x,
                    const double *y, size_t n, double *z, double *a, double *r)
{
    size_t h = m->hidden;
    layer1(m, w, x, n, z);
    for (size_t i = 0; i < n * h; i++)
        a[i] = z[i] > 0.0 ? z[i] : 0.0;
    for (size_t i = 0; i < n; i++)
        r[i] = w.b2[0] - y[i];
    cblas_dgemv(CblasRowMajor, CblasNoTrans, (int)n, (int)h, 1.0, a, (int)h,
                w.w2, 1, 1.0, r, 1);
}

/* The first layer's gradient from D (n×H): ∇W1 = Dᵀ X, formed as its
 * transpose Xᵀ D for the loop order (as in layer1); ∇b1 = column sums
 * of D. */
static void layer1_backward(const model *m, const double *d, const double *x,
                            size_t n, double *g)
{
    size_t p = m->data.p, h = m->hidden;
    double *gt = m->work;
    cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)p, (int)h,
                (int)n, 1.0, x, (int)p, d, (int)h, 0.0, gt, (int)h);
    transpose(gt, p, h, g);
    double *gb1 = g + h * p;
    memset(gb1, 0, h * sizeof *gb1);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < h; k++)
            gb1[k] += d[i * h + k];
}

static double sum(const double *v, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    return s;
}

/* The forward pass leaves Z, A and r in the scratch. */
static double mlp_loss(const model *m, const double *theta, const double *x,
                       const double *y, size_t n, double *g, bool warm)
{
    size_t p = m->data.p, h = m->hidden;
    double *z = rows_work(m), *a = z + n * h, *r = a + 2 * n * h;
    mlp_params w = split(m, theta);
    if (!warm)
        forward(m, w, x, y, n, z, a, r);
    double ss = 0.0;
    for (size_t i = 0; i < n; i++)
        ss += r[i] * r[i];
    if (!g)
        return ss / (double)n;
    for (size_t i = 0; i < n; i++)
        r[i] *= 2.0 / (double)n; /* δ */
    double *gw2 = g + h * p + h;
    cblas_dgemv(CblasRowMajor, CblasTrans, (int)n, (int)h, 1.0, a, (int)h, r,
                1, 0.0, gw2, 1);
    gw2[h] = sum(r, n);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < h; k++)
            z[i * h + k] = z[i * h + k] > 0.0 ? r[i] * w.w2[k] : 0.0;
    layer1_backward(m, z, x, n, g);
    return ss / (double)n;
}

/* R{Z} = X V1ᵀ + v_b1, R{A} = R{Z}∘mask, R{out} = R{A} W2ᵀ + A V2ᵀ + v_b2,
 * R{δ} = 2R{out}/n; then R{∇W2} = R{A}ᵀδ + Aᵀ R{δ}, R{∇b2} = ΣR{δ},
 * R{D} = (R{δ} W2 + δ V2)∘mask and layer 1 as in the gradient. */
static void mlp_hvp(const model *m, const double *theta, const double *v,
                    const double *x, const double *y, size_t n, double *hv)
{
    size_t p = m->data.p, h = m->hidden;
    double *z = rows_work(m), *a = z + n * h, *rz = a + n * h, *r = rz + n * h,
           *rout = r + n;
    mlp_params w = split(m, theta), dv = split(m, v);
    forward(m, w, x, y, n, z, a, r);
    layer1(m, dv, x, n, rz);
    for (size_t i = 0; i < n * h; i++)
        rz[i] = z[i] > 0.0 ? rz[i] : 0.0; /* R{A} */
    for (size_t i = 0; i < n; i++)
        rout[i] = dv.b2[0];
    cblas_dgemv(CblasRowMajor, CblasNoTrans, (int)n, (int)h, 1.0, rz, (int)h,
                w.w2, 1, 1.0, rout, 1);
    cblas_dgemv(CblasRowMajor, CblasNoTrans, (int)n, (int)h, 1.0, a, (int)h,
                dv.w2, 1, 1.0, rout, 1);
    for (size_t i = 0; i < n; i++) {
        r[i] *= 2.0 / (double)n;
        rout[i] *= 2.0 / (double)n;
    }
    double *hw2 = hv + h * p + h;
    cblas_dgemv(CblasRowMajor, CblasTrans, (int)n, (int)h, 1.0, rz, (int)h, r,
                1, 0.0, hw2, 1);
    cblas_dgemv(CblasRowMajor, CblasTrans, (int)n, (int)h, 1.0, a, (int)h,
                rout, 1, 1.0, hw2, 1);
    hw2[h] = sum(rout, n);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < h; k++)
            z[i * h + k] = z[i * h + k] > 0.0
                               ? rout[i] * w.w2[k] + r[i] * dv.w2[k] : 0.0;
    layer1_backward(m, z, x, n, hv);
}

const model_type model_mlp = {
    .name = "mlp",
    .title = "the seed's network: inputs → 64 ReLU → 1, MSE",
    .prepare = mlp_prepare,
    .work = mlp_work,
    .loss = mlp_loss,
    .hvp = mlp_hvp,
};
