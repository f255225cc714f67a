/* softmax: multinomial logistic regression on all features, parameters
 * W (K×p, row-major) then b (K), as nn.Linear(p, K).
 * z = W x + b; L = mean(logsumexp(z) - z_y); with P = softmax(z) and Y
 * one-hot, ∇_W L = Σ (P - Y) xᵀ / n, ∇_b L = Σ (P - Y) / n.
 * ∇²L v: u = V x + v_b, Ṗ = P ∘ (u - P·u), then Ṗ in place of P - Y.
 * One pass over the rows in blocks of 64, 8 at a time: their features
 * transposed so that each class's logits for the 8 rows are one vector
 * (simd.h), exp and log over those vectors (vmath.h); then the block's
 * outer products added to ∇W with the sums held in registers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Rows are taken BLOCK at a time: 8 at a time through the logits and
 * the softmax, then the block's outer products together. */
enum { BLOCK = 64, SUBS = BLOCK / VEC8 };

/* The 8 rows' features (p vectors), then z, u and P (K vectors each),
 * the rows' weights (K vectors for each 8 rows of a block), then the ∇
 * accumulators of b (K vectors). */
static size_t softmax_work(const model *m, size_t n)
{
    (void)n;
    return VEC8 * (m->data.p + (4 + SUBS) * m->classes);
}

typedef struct {
    size_t p, k;
    const double *w, *v;   /* θ, and the direction of the product */
    double *g;             /* ∇L or ∇²L v (n·L's, until scaled), or NULL */
    size_t *cls;           /* predicted classes, or NULL */
    vec8 *xt, *z, *u, *pr, *gb;
    vec8 *d;               /* SUBS × K: weights of the block's rows */
} pass;

/* Rows and columns of an 8×8 block exchanged, in three rounds of
 * interleaving (pairs of lanes, then of 2, then of 4). */
SIMD_INLINE void transpose8(vec8 *v)
{
    vec8 t[8], u[8];
#pragma GCC unroll 4
    for (int i = 0; i < 8; i += 2) {
        t[i] = VEC8_SHUFFLE(v[i], v[i + 1], 0, 8, 2, 10, 4, 12, 6, 14);
        t[i + 1] = VEC8_SHUFFLE(v[i], v[i + 1], 1, 9, 3, 11, 5, 13, 7, 15);
    }
#pragma GCC unroll 4
    for (int k = 0; k < 4; k++) {
        int i = k < 2 ? k : k + 2;
        u[i] = VEC8_SHUFFLE(t[i], t[i + 2], 0, 1, 8, 9, 4, 5, 12, 13);
        u[i + 2] = VEC8_SHUFFLE(t[i], t[i + 2], 2, 3, 10, 11, 6, 7, 14, 15);
    }
#pragma GCC unroll 4
    for (int i = 0; i < 4; i++) {
        v[i] = VEC8_SHUFFLE(u[i], u[i + 4], 0, 1, 2, 3, 8, 9, 10, 11);
        v[i + 4] = VEC8_SHUFFLE(u[i], u[i + 4], 4, 5, 6, 7, 12, 13, 14, 15);
    }
}

/* The rows x[0..rows-1] transposed into s->xt: lane r of vector j is
 * row r's feature j, 0 past the last row. */
SIMD_INLINE void transpose(const pass *s, const double *x, size_t rows)
{
    size_t p = s->p, j = 0;
    for (; j + VEC8 <= p; j += VEC8) {
        vec8 *v = s->xt + j;
#pragma GCC unroll 8
        for (size_t r = 0; r < VEC8; r++)
            v[r] = r < rows ? vec8_load(x + r * p + j) : vec8_all(0.0);
        transpose8(v);
    }
    for (; j < p; j++) {
        vec8 t = vec8_all(0.0);
        for (size_t r = 0; r < rows; r++)
            t[r] = x[r * p + j];
        s->xt[j] = t;
    }
}

/* out[c] = w_c·x + b_c over the 8 rows, 8 classes at a time so that
 * the sums do not wait on each other; the classes left over each as 4
 * partial sums, for the same reason. */
SIMD_INLINE void logits(const pass *s, const double *w, vec8 *out)
{
    size_t p = s->p, k = s->k;
    const double *b = w + k * p;
    size_t c = 0;
    for (; c + VEC8 <= k; c += VEC8) {
        vec8 acc[VEC8];
#pragma GCC unroll 8
        for (size_t q = 0; q < VEC8; q++)
            acc[q] = vec8_all(b[c + q]);
        for (size_t j = 0; j < p; j++)
#pragma GCC unroll 8
            for (size_t q = 0; q < VEC8; q++)
                acc[q] = vec8_fma(vec8_all(w[(c + q) * p + j]), s->xt[j],
                                  acc[q]);
#pragma GCC unroll 8
        for (size_t q = 0; q < VEC8; q++)
            out[c + q] = acc[q];
    }
    for (; c < k; c++) {
        vec8 acc[4] = {vec8_all(b[c]), vec8_all(0.0), vec8_all(0.0),
                       vec8_all(0.0)};
        size_t j = 0;
        for (; j + 4 <= p; j += 4)
#pragma GCC unroll 4
            for (size_t q = 0; q < 4; q++)
                acc[q] = vec8_fma(vec8_all(w[c * p + j + q]), s->xt[j + q],
                                  acc[q]);
        for (; j < p; j++)
            acc[0] = vec8_fma(vec8_all(w[c * p + j]), s->xt[j], acc[0]);
        out[c] = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    }
}

/* The largest logit of each row (a NaN may be passed over: it makes the
 * sum of exponentials NaN anyway). */
SIMD_INLINE vec8 row_top(const pass *s, const vec8 *z)
{
    vec8 top = z[0];
    for (size_t c = 1; c < s->k; c++)
        top = vec8_select(z[c] > top, z[c], top);
    return top;
}

/* P = softmax(z) into s->pr; returns logsumexp(z) per row. A NaN logit
 * makes its row's values NaN. */
SIMD_INLINE vec8 softmax(const pass *s)
{
    vec8 top = row_top(s, s->z);
    vec8 sum = vec8_all(0.0);
    for (size_t c = 0; c < s->k; c++)
        sum += (s->pr[c] = vec8_exp(s->z[c] - top));
    vec8 inv = 1.0 / sum;
    for (size_t c = 0; c < s->k; c++)
        s->pr[c] *= inv;
    return top + vec8_log(sum);
}

/* The weight of row r of the block for class c. */
SIMD_INLINE double weight(const pass *s, size_t r, size_t c)
{
    return s->d[r / VEC8 * s->k + c][r % VEC8];
}

/* ∇W's classes c..c+CN-1, features j..j+8·JN-1, += Σ over the block's
 * rows of d_r x_rᵀ: the CN·JN sums stay in registers over the rows. */
SIMD_INLINE void outer_tile(const pass *s, const double *x, size_t rows,
                            size_t c, size_t CN, size_t j, size_t JN)
{
    size_t p = s->p;
    vec8 acc[2][4];
#pragma GCC unroll 2
    for (size_t a = 0; a < CN; a++)
#pragma GCC unroll 4
        for (size_t q = 0; q < JN; q++)
            acc[a][q] = vec8_load(s->g + (c + a) * p + j + q * VEC8);
    for (size_t r0 = 0; r0 < rows; r0 += VEC8) {
        const vec8 *d = s->d + r0 / VEC8 * s->k + c;
        size_t n = rows - r0 < VEC8 ? rows - r0 : VEC8;
#pragma GCC unroll 8
        for (size_t l = 0; l < VEC8; l++) {
            if (l >= n)
                break;
            const double *xr = x + (r0 + l) * p + j;
            vec8 xq[4];
#pragma GCC unroll 4
            for (size_t q = 0; q < JN; q++)
                xq[q] = vec8_load(xr + q * VEC8);
#pragma GCC unroll 2
            for (size_t a = 0; a < CN; a++) {
                vec8 da = vec8_all(d[a][l]);
#pragma GCC unroll 4
                for (size_t q = 0; q < JN; q++)
                    acc[a][q] = vec8_fma(da, xq[q], acc[a][q]);
            }
        }
    }
#pragma GCC unroll 2
    for (size_t a = 0; a < CN; a++)
#pragma GCC unroll 4
        for (size_t q = 0; q < JN; q++)
            vec8_store(s->g + (c + a) * p + j + q * VEC8, acc[a][q]);
}

/* Classes c..c+CN-1 of ∇W += Σ over the block's rows of d_r x_rᵀ. */
SIMD_INLINE void outer_classes(const pass *s, const double *x, size_t rows,
                               size_t c, size_t CN)
{
    size_t p = s->p, j = 0;
    for (; j + 4 * VEC8 <= p; j += 4 * VEC8)
        outer_tile(s, x, rows, c, CN, j, 4);
    for (; j + VEC8 <= p; j += VEC8)
        outer_tile(s, x, rows, c, CN, j, 1);
    for (; j < p; j++)
        for (size_t a = 0; a < CN; a++)
            for (size_t r = 0; r < rows; r++)
                s->g[(c + a) * p + j] = __builtin_fma(
                    weight(s, r, c + a), x[r * p + j], s->g[(c + a) * p + j]);
}

/* ∇W += Σ over the block's rows of d_r x_rᵀ, ∇b += Σ d_r. */
SIMD_INLINE void add_outer(const pass *s, const double *x, size_t rows)
{
    size_t c = 0;
    for (; c + 2 <= s->k; c += 2)
        outer_classes(s, x, rows, c, 2);
    if (c < s->k)
        outer_classes(s, x, rows, c, 1);
    for (size_t b = 0; b * VEC8 < rows; b++)
        for (c = 0; c < s->k; c++)
            s->gb[c] += s->d[b * s->k + c];
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

/* The logits of 8 rows (the last ones may be fewer) at x, and their
 * classes into cls, or their loss; the weights of their outer products
 * into d when there is a gradient to take. */
SIMD_INLINE double sub_block(pass *s, const double *x, const double *y,
                             size_t rows, size_t *cls, vec8 *d)
{
    transpose(s, x, rows);
    logits(s, s->w, s->z);
    if (cls) {
        argmax(s, cls, rows);
        return 0.0;
    }
    vec8 lse = softmax(s);
    double sum = 0.0;
    for (size_t r = 0; r < rows; r++)
        sum += lse[r] - s->z[(size_t)y[r]][r];
    if (!s->g)
        return sum;
    vec8_mask live = vec8_all(0.0) > 1.0;
    for (size_t r = 0; r < rows; r++)
        live[r] = -1;
    if (s->v) {
        logits(s, s->v, s->u);
        vec8 pu = vec8_all(0.0);
        for (size_t c = 0; c < s->k; c++)
            pu = vec8_fma(s->pr[c], s->u[c], pu);
        for (size_t c = 0; c < s->k; c++)
            d[c] = vec8_where(live, s->pr[c] * (s->u[c] - pu));
    } else {
        for (size_t c = 0; c < s->k; c++)
            d[c] = vec8_where(live, s->pr[c]);
        for (size_t r = 0; r < rows; r++)
            d[(size_t)y[r]][r] -= 1.0;
    }
    return sum;
}

/* Σ (logsumexp(z) - z_y) over the rows; n·∇L or n·∇²L v into s->g, or
 * the classes into s->cls. */
SIMD_CLONES
static double run_pass(pass *s, const double *x, const double *y, size_t n)
{
    double sum = 0.0;
    for (size_t i0 = 0; i0 < n; i0 += BLOCK) {
        size_t rows = n - i0 < BLOCK ? n - i0 : BLOCK;
        for (size_t r = 0; r < rows; r += VEC8)
            sum += sub_block(s, x + (i0 + r) * s->p, y ? y + i0 + r : NULL,
                             rows - r < VEC8 ? rows - r : VEC8,
                             s->cls ? s->cls + i0 + r : NULL,
                             s->d + r / VEC8 * s->k);
        if (s->g)
            add_outer(s, x + i0 * s->p, rows);
    }
    return sum;
}

static pass pass_new(const model *m, const double *theta, double *g)
{
    size_t p = m->data.p, k = m->classes;
    vec8 *w = (vec8 *)m->work;
    pass s = {.p = p, .k = k, .w = theta, .g = g, .xt = w, .z = w + p,
              .u = w + p + k, .pr = w + p + 2 * k, .gb = w + p + 3 * k,
              .d = w + p + 4 * k};
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
    s.v = v;
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

/* Slices: the logits of every row, 8 rows to a vector (pass's layout),
 * are the part linear in θ. */
static size_t softmax_plane_size(const model *m, size_t n)
{
    return (n + VEC8 - 1) / VEC8 * m->classes * VEC8;
}

SIMD_CLONES
static void plane_logits(pass *s, const double *x, size_t n, vec8 *pre)
{
    for (size_t i0 = 0; i0 < n; i0 += VEC8) {
        transpose(s, x + i0 * s->p, n - i0 < VEC8 ? n - i0 : VEC8);
        logits(s, s->w, pre + i0 / VEC8 * s->k);
    }
}

static void softmax_plane_pre(const model *m, const double *theta,
                              const double *x, size_t n, double *pre)
{
    pass s = pass_new(m, theta, NULL);
    plane_logits(&s, x, n, (vec8 *)pre);
}

SIMD_CLONES
static double plane_loss_blocks(const pass *s, const double *const pre[3],
                                double a, double b, const double *y,
                                size_t n)
{
    vec8 va = vec8_all(a), vb = vec8_all(b);
    const vec8 *p0 = (const vec8 *)pre[0], *p1 = (const vec8 *)pre[1],
               *p2 = (const vec8 *)pre[2];
    double sum = 0.0;
    for (size_t i0 = 0; i0 < n; i0 += VEC8) {
        size_t at = i0 / VEC8 * s->k;
        vec8 *z = s->z;
        for (size_t c = 0; c < s->k; c++)
            z[c] = vec8_fma(vb, p2[at + c], vec8_fma(va, p1[at + c],
                                                     p0[at + c]));
        vec8 top = row_top(s, z), e = vec8_all(0.0);
        for (size_t c = 0; c < s->k; c++)
            e += vec8_exp(z[c] - top);
        vec8 lse = top + vec8_log(e);
        for (size_t r = 0; r < VEC8 && i0 + r < n; r++)
            sum += lse[r] - z[(size_t)y[i0 + r]][r];
    }
    return sum;
}

static double softmax_plane_loss(const model *m, const double *theta,
                                 const double *const pre[3], double a,
                                 double b, const double *y, size_t n)
{
    pass s = pass_new(m, theta, NULL);
    return plane_loss_blocks(&s, pre, a, b, y, n) / (double)n;
}

/* Central differences from one forward pass: per 8 rows, the largest
 * logit, e_c = exp(z_c - top) and their sum S; a step d in W[c][j]
 * (b[c]: x_j = 1) moves only z_c, by d x_j, so a row's loss becomes
 * top + log(S - e_c + e_c exp(d x_j)) - z_y - [y = c] d x_j. The sums
 * keep top apart, as value() adds it to each row's log. */
typedef struct {
    const pass *s;
    const vec8 *e, *sum, *xt;     /* blocks × K, × 1, × p */
    const vec8 *zy, *y, *live;    /* blocks × 1 each */
    size_t blocks;
} moved;

/* Σ over the rows of the loss after a step d in W[c][j] (j < 0: b[c]),
 * less Σ top: top + log(S') - z'_y = log(S') - (z_y - top) - [y = c] dz,
 * with zy holding z_y - top. */
SIMD_CLONES
static double moved_loss(const moved *mv, size_t c, long j, double d)
{
    size_t k = mv->s->k, p = mv->s->p;
    vec8 acc = vec8_all(0.0), vd = vec8_all(d), vc = vec8_all((double)c);
    for (size_t b = 0; b < mv->blocks; b++) {
        vec8 dz = j < 0 ? vd : vd * mv->xt[b * p + (size_t)j];
        vec8 ec = mv->e[b * k + c];
        vec8 l = vec8_log(vec8_fma(ec, vec8_exp(dz), mv->sum[b] - ec)) -
                 mv->zy[b] - vec8_where(mv->y[b] == vc, dz);
        acc += vec8_where((vec8_mask)mv->live[b], l);
    }
    return vec8_sum(acc);
}

/* The forward pass's pieces for moved_loss, block by block; returns
 * Σ top over the rows. */
SIMD_CLONES
static double moved_prepare(pass *s, const double *x, const double *yv,
                            size_t n, vec8 *buf)
{
    size_t k = s->k, p = s->p, blocks = (n + VEC8 - 1) / VEC8;
    vec8 *z = s->u; /* one block's logits */
    vec8 *e = buf, *sum = e + blocks * k, *xt = sum + blocks,
         *zy = xt + blocks * p, *y = zy + blocks, *live = y + blocks;
    double tops = 0.0;
    for (size_t b = 0; b < blocks; b++) {
        size_t rows = n - b * VEC8 < VEC8 ? n - b * VEC8 : VEC8;
        transpose(s, x + b * VEC8 * p, rows);
        memcpy(xt + b * p, s->xt, p * sizeof *xt);
        logits(s, s->w, z);
        vec8 top = row_top(s, z);
        sum[b] = vec8_all(0.0);
        for (size_t c = 0; c < k; c++)
            sum[b] += (e[b * k + c] = vec8_exp(z[c] - top));
        vec8_mask on = vec8_all(0.0) > 1.0;
        y[b] = vec8_all(-1.0);
        zy[b] = vec8_all(0.0);
        for (size_t r = 0; r < rows; r++) {
            size_t yr = (size_t)yv[b * VEC8 + r];
            on[r] = -1;
            y[b][r] = (double)yr;
            zy[b][r] = z[yr][r] - top[r];
            tops += top[r];
        }
        live[b] = (vec8)on;
    }
    return tops;
}

static void softmax_central(const model *m, const double *theta, double h,
                            const double *x, const double *y, size_t n,
                            double *g)
{
    size_t k = m->classes, p = m->data.p, blocks = (n + VEC8 - 1) / VEC8;
    vec8 *buf = aligned_alloc(64, blocks * (k + p + 4) * sizeof *buf);
    if (!buf) {
        for (size_t i = 0; i < m->dim; i++)
            g[i] = NAN;
        return;
    }
    pass s = pass_new(m, theta, NULL);
    double tops = moved_prepare(&s, x, y, n, buf);
    moved mv = {&s, buf, buf + blocks * k, buf + blocks * (k + 1),
                buf + blocks * (k + 1 + p), buf + blocks * (k + 2 + p),
                buf + blocks * (k + 3 + p), blocks};
    for (size_t i = 0; i < m->dim; i++) {
        size_t c = i < k * p ? i / p : i - k * p;
        long j = i < k * p ? (long)(i % p) : -1;
        double up = theta[i] + h, down = theta[i] - h;
        double lu = (tops + moved_loss(&mv, c, j, up - theta[i])) / (double)n;
        double ld = (tops + moved_loss(&mv, c, j, down - theta[i])) /
                    (double)n;
        g[i] = (lu - ld) / (up - down);
    }
    free(buf);
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
    .central = softmax_central,
    .plane_size = softmax_plane_size,
    .plane_pre = softmax_plane_pre,
    .plane_loss = softmax_plane_loss,
};
