/* softmax: multinomial logistic regression on all features, parameters
 * W (K×p, row-major) then b (K), as nn.Linear(p, K).
 * z = W x + b; L = mean(logsumexp(z) - z_y); with P = softmax(z) and Y
 * one-hot, ∇_W L = Σ (P - Y) xᵀ / n, ∇_b L = Σ (P - Y) / n.
 * ∇²L v: u = V x + v_b, Ṗ = P ∘ (u - P·u), then Ṗ in place of P - Y.
 * One pass over the rows, 8 at a time: their features transposed so
 * that each class's logits for the 8 rows are one vector (simd.h), exp
 * and log over those vectors (vmath.h), then the outer products of the
 * 8 rows added to ∇W class by class. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model_impl.h"
#include "vmath.h"

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

/* The classes rounded up to a multiple of 8. */
static size_t padded(const model *m) { return (m->classes + VEC8 - 1) & ~(size_t)(VEC8 - 1); }

/* θ and v packed (Kp×p, then Kp), the 8 rows' features (p vectors), then
 * z, u, P and the rows' weights (Kp vectors each), then the ∇
 * accumulators of b (K vectors). */
static size_t softmax_work(const model *m, size_t n)
{
    (void)n;
    size_t kp = padded(m), p = m->data.p;
    return 2 * kp * (p + 1) + VEC8 * (p + 4 * kp + m->classes);
}

typedef struct {
    size_t p, k, kp;
    const double *w, *v;   /* θ and the direction of the product, packed */
    double *g;             /* ∇L or ∇²L v (n·L's, until scaled), or NULL */
    size_t *cls;           /* predicted classes, or NULL */
    vec8 *xt, *z, *u, *pr, *d, *gb;
} pass;

/* The rows x[0..rows-1] transposed into s->xt: lane r of vector j is
 * row r's feature j, 0 past the last row. */
SIMD_INLINE void transpose(const pass *s, const double *x, size_t rows)
{
    for (size_t j = 0; j < s->p; j++) {
        vec8 t = vec8_all(0.0);
        for (size_t r = 0; r < rows; r++)
            t[r] = x[r * s->p + j];
        s->xt[j] = t;
    }
}

/* out[c] = w_c·x + b_c over the 8 rows, for w packed (pack()), 8
 * classes at a time so that the additions of one class do not wait on
 * each other's. */
SIMD_INLINE void logits(const pass *s, const double *w, vec8 *out)
{
    size_t p = s->p;
    const double *b = w + s->kp * p;
    for (size_t c = 0; c < s->kp; c += VEC8) {
        vec8 acc[VEC8];
#pragma GCC unroll 8
        for (size_t q = 0; q < VEC8; q++)
            acc[q] = vec8_all(b[c + q]);
        for (size_t j = 0; j < p; j++)
#pragma GCC unroll 8
            for (size_t q = 0; q < VEC8; q++)
                acc[q] += w[(c + q) * p + j] * s->xt[j];
#pragma GCC unroll 8
        for (size_t q = 0; q < VEC8; q++)
            out[c + q] = acc[q];
    }
}

/* P = softmax(z) into s->pr; returns logsumexp(z) per row. A NaN logit
 * makes its row's values NaN. */
SIMD_INLINE vec8 softmax(const pass *s)
{
    vec8 top = s->z[0];
    for (size_t c = 1; c < s->k; c++)
        top = vec8_where(s->z[c] > top, s->z[c]) +
              vec8_where(~(s->z[c] > top), top);
    vec8 sum = vec8_all(0.0);
    for (size_t c = 0; c < s->k; c++)
        sum += (s->pr[c] = vec8_exp(s->z[c] - top));
    vec8 inv = 1.0 / sum;
    for (size_t c = 0; c < s->k; c++)
        s->pr[c] *= inv;
    return top + vec8_log(sum);
}

/* ∇W += Σ over the rows of d_r x_rᵀ, ∇b += Σ d_r. */
SIMD_INLINE void add_outer(const pass *s, const double *x, size_t rows)
{
    size_t p = s->p;
    for (size_t c = 0; c < s->k; c++) {
        s->gb[c] += s->d[c];
        double *gw = s->g + c * p;
        const vec8 d = s->d[c];
        size_t j = 0;
        for (; rows == VEC8 && j + VEC8 <= p; j += VEC8) {
            /* A tree, so the additions do not wait on each other. */
            vec8 t[VEC8];
#pragma GCC unroll 8
            for (size_t r = 0; r < VEC8; r++)
                t[r] = d[r] * vec8_load(x + r * p + j);
            vec8 sum = ((t[0] + t[1]) + (t[2] + t[3])) +
                       ((t[4] + t[5]) + (t[6] + t[7]));
            vec8_store(gw + j, vec8_load(gw + j) + sum);
        }
        for (; j + VEC8 <= p; j += VEC8) {
            vec8 acc = vec8_load(gw + j);
            for (size_t r = 0; r < rows; r++)
                acc += d[r] * vec8_load(x + r * p + j);
            vec8_store(gw + j, acc);
        }
        for (; j < p; j++)
            for (size_t r = 0; r < rows; r++)
                gw[j] += s->d[c][r] * x[r * p + j];
    }
}

/* The class of largest logit, the first on a tie, per row. */
SIMD_INLINE void argmax(const pass *s, size_t *cls, size_t rows)
{
    for (size_t r = 0; r < rows; r++) {
        size_t best = 0;
        for (size_t c = 1; c < s->k; c++)
            if (s->z[c][r] > s->z[best][r])
                best = c;
        cls[r] = best;
    }
}

/* Σ (logsumexp(z) - z_y) over the rows; n·∇L or n·∇²L v into s->g, or
 * the classes into s->cls. */
SIMD_CLONES
static double run_pass(pass *s, const double *x, const double *y, size_t n)
{
    double sum = 0.0;
    for (size_t i0 = 0; i0 < n; i0 += VEC8) {
        size_t rows = n - i0 < VEC8 ? n - i0 : VEC8;
        const double *xb = x + i0 * s->p;
        transpose(s, xb, rows);
        logits(s, s->w, s->z);
        if (s->cls) {
            argmax(s, s->cls + i0, rows);
            continue;
        }
        vec8 lse = softmax(s);
        for (size_t r = 0; r < rows; r++)
            sum += lse[r] - s->z[(size_t)y[i0 + r]][r];
        if (!s->g)
            continue;
        vec8_mask live = vec8_all(0.0) > 1.0;
        for (size_t r = 0; r < rows; r++)
            live[r] = -1;
        if (s->v) {
            logits(s, s->v, s->u);
            vec8 pu = vec8_all(0.0);
            for (size_t c = 0; c < s->k; c++)
                pu += s->pr[c] * s->u[c];
            for (size_t c = 0; c < s->k; c++)
                s->d[c] = vec8_where(live, s->pr[c] * (s->u[c] - pu));
        } else {
            for (size_t c = 0; c < s->k; c++)
                s->d[c] = vec8_where(live, s->pr[c]);
            for (size_t r = 0; r < rows; r++)
                s->d[(size_t)y[i0 + r]][r] -= 1.0;
        }
        add_outer(s, xb, rows);
    }
    return sum;
}

/* theta as W and b with zero classes up to Kp, at slot k of the
 * scratch. */
static const double *pack(const model *m, const double *theta, int k)
{
    size_t kp = padded(m), p = m->data.p, K = m->classes;
    double *w = m->work + k * kp * (p + 1);
    memcpy(w, theta, K * p * sizeof *w);
    memset(w + K * p, 0, (kp - K) * p * sizeof *w);
    memcpy(w + kp * p, theta + K * p, K * sizeof *w);
    memset(w + kp * p + K, 0, (kp - K) * sizeof *w);
    return w;
}

static pass pass_new(const model *m, const double *theta, double *g)
{
    size_t p = m->data.p, k = m->classes, kp = padded(m);
    vec8 *w = (vec8 *)(m->work + 2 * kp * (p + 1));
    pass s = {.p = p, .k = k, .kp = kp, .w = pack(m, theta, 0), .g = g,
              .xt = w, .z = w + p, .u = w + p + kp, .pr = w + p + 2 * kp,
              .d = w + p + 3 * kp, .gb = w + p + 4 * kp};
    if (g) {
        memset(g, 0, k * (p + 1) * sizeof *g);
        memset(s.gb, 0, k * sizeof *s.gb);
    }
    return s;
}

/* g = n·∇ with the bias part in s->gb: divided by n, the sums folded. */
static void finish_gradient(const pass *s, size_t n)
{
    double inv = 1.0 / (double)n;
    for (size_t i = 0; i < s->k * s->p; i++)
        s->g[i] *= inv;
    for (size_t c = 0; c < s->k; c++)
        s->g[s->k * s->p + c] = vec8_sum(s->gb[c]) * inv;
}

static double softmax_loss(const model *m, const double *theta,
                           const double *x, const double *y, size_t n,
                           double *g)
{
    pass s = pass_new(m, theta, g);
    double sum = run_pass(&s, x, y, n);
    if (g)
        finish_gradient(&s, n);
    return sum / (double)n;
}

static void softmax_hvp(const model *m, const double *theta, const double *v,
                        const double *x, const double *y, size_t n, double *hv)
{
    pass s = pass_new(m, theta, hv);
    s.v = pack(m, v, 1);
    run_pass(&s, x, y, n);
    finish_gradient(&s, n);
}

static void softmax_predict(const model *m, const double *theta,
                            const double *x, size_t n, size_t *cls)
{
    pass s = pass_new(m, theta, NULL);
    s.cls = cls;
    run_pass(&s, x, NULL, n);
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
