/* Least squares for linreg and ridge: L = mean(r²), r = x·w + b - y;
 * ∇_w L = (2/n) Σ r x, ∂L/∂b = (2/n) Σ r; ∇²L v = (2/n) Σ (x·v_w + v_b)(x, 1). */
#include "model_impl.h"

static bool has_bias(const model *m) { return m->blocks[m->n_blocks - 1].bias; }

/* x·w (+ b) for one row. */
static double affine(const model *m, const double *theta, const double *row)
{
    size_t p = m->data.p;
    double s = has_bias(m) ? theta[p] : 0.0;
    for (size_t j = 0; j < p; j++)
        s += row[j] * theta[j];
    return s;
}

/* g += c·(row, 1). */
static void add_row(const model *m, double c, const double *row, double *g)
{
    size_t p = m->data.p;
    for (size_t j = 0; j < p; j++)
        g[j] += c * row[j];
    if (has_bias(m))
        g[p] += c;
}

double linear_mse_loss(const model *m, const double *theta, const double *x,
                       const double *y, size_t n, double *g)
{
    size_t p = m->data.p;
    double ss = 0.0;
    if (g)
        for (size_t j = 0; j < m->dim; j++)
            g[j] = 0.0;
    for (size_t i = 0; i < n; i++) {
        double r = affine(m, theta, x + i * p) - y[i];
        ss += r * r;
        if (g)
            add_row(m, 2.0 * r / (double)n, x + i * p, g);
    }
    return ss / (double)n;
}

void linear_mse_hvp(const model *m, const double *theta, const double *v,
                    const double *x, const double *y, size_t n, double *hv)
{
    (void)theta, (void)y;
    size_t p = m->data.p;
    for (size_t j = 0; j < m->dim; j++)
        hv[j] = 0.0;
    for (size_t i = 0; i < n; i++)
        add_row(m, 2.0 * affine(m, v, x + i * p) / (double)n, x + i * p, hv);
}

size_t no_work(const model *m, size_t n)
{
    (void)m, (void)n;
    return 0;
}
