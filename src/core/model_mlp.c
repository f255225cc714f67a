/* mlp: the seed's network, p inputs → H ReLU → 1 output, MSE
 * L = mean((out - y)²). Parameters as PyTorch's nn.Linear pair: W1 (H×p,
 * row-major), b1 (H), W2 (1×H), b2. Per row:
 *   z = W1 x + b1, a = relu(z), out = W2 a + b2, r = out - y, δ = 2r/n,
 *   ∇W2 += δa, ∇b2 += δ, D = δW2 ∘ [z > 0], ∇W1 += D xᵀ, ∇b1 += D.
 * The Hessian-vector product is Pearlmutter's R-operator (1994) on the
 * same pass: R{·} is the derivative along v, ReLU's mask held fixed:
 *   R{z} = V1 x + v_b1, R{a} = R{z} ∘ mask, R{out} = W2 R{a} + V2 a + v_b2,
 *   R{∇W2} += R{a}δ + aR{δ}, R{D} = (R{δ}W2 + δV2) ∘ mask, R{∇W1} += R{D} xᵀ.
 * One pass over the rows does the forward pass, the gradient and the
 * product together, in blocks of rows: the hidden units 8 at a time
 * (simd.h) with W1 held transposed and padded to a multiple of 16 units
 * (zero units add nothing), and ∇W1 as a product Xᵀ D over the block
 * whose sums stay in registers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_impl.h"
#include "simd.h"

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

/* Rows are taken BLOCK at a time (the scratch holds their z, D and the
 * R-pass's), and within a block 4 at a time. */
enum { ROWS = 4, BLOCK = 64 };

/* A parameter vector in the kernel's layout: W1ᵀ (p × hp), b1, W2 (hp
 * each, zero past H), b2. */
typedef struct {
    double *w1t, *b1, *w2, b2;
} packed;

/* Hidden units rounded up to a multiple of 16 (two vectors). */
static size_t padded(const model *m)
{
    return (m->hidden + 2 * VEC8 - 1) & ~(size_t)(2 * VEC8 - 1);
}

static size_t packed_size(const model *m)
{
    return (m->data.p + 2) * padded(m);
}

/* θ, v, ∇, Hv packed, then z, R{z}, D and R{D} of BLOCK rows. */
static size_t mlp_work(const model *m, size_t n)
{
    (void)n;
    return 4 * packed_size(m) + 4 * BLOCK * padded(m);
}

static packed pack_at(const model *m, double *at)
{
    size_t hp = padded(m);
    return (packed){at, at + m->data.p * hp, at + (m->data.p + 1) * hp, 0.0};
}

/* theta into the layout at slot k of the scratch (NULL: zeros). */
static packed pack(const model *m, const double *theta, int k)
{
    size_t p = m->data.p, h = m->hidden, hp = padded(m);
    packed w = pack_at(m, m->work + k * packed_size(m));
    memset(w.w1t, 0, packed_size(m) * sizeof *w.w1t);
    if (!theta)
        return w;
    for (size_t u = 0; u < h; u++)
        for (size_t j = 0; j < p; j++)
            w.w1t[j * hp + u] = theta[u * p + j];
    memcpy(w.b1, theta + h * p, h * sizeof *w.b1);
    memcpy(w.w2, theta + h * p + h, h * sizeof *w.w2);
    w.b2 = theta[h * p + 2 * h];
    return w;
}

static void unpack(const model *m, const packed *w, double *out)
{
    size_t p = m->data.p, h = m->hidden, hp = padded(m);
    for (size_t u = 0; u < h; u++)
        for (size_t j = 0; j < p; j++)
            out[u * p + j] = w->w1t[j * hp + u];
    memcpy(out + h * p, w->b1, h * sizeof *out);
    memcpy(out + h * p + h, w->w2, h * sizeof *out);
    out[h * p + 2 * h] = w->b2;
}

typedef struct {
    size_t p, hp;
    double scale;             /* 2/n: δ = scale·r */
    packed w, v;              /* θ, and the direction of the product */
    packed *g, *hv;           /* accumulators, or NULL */
    double *z, *rz, *d, *rd;  /* BLOCK × hp each */
} pass;

/* z_r = W1 x_r + b1 for ROWS rows, two chunks of 8 units at a time:
 * eight sums that do not wait on each other, and each load of W1ᵀ
 * serving four rows. */
SIMD_INLINE void layer1(const pass *s, const packed *w,
                        const double *const *x, double *z)
{
    size_t hp = s->hp;
    for (size_t c = 0; c < hp; c += 2 * VEC8) {
        vec8 acc[ROWS][2];
#pragma GCC unroll 4
        for (size_t r = 0; r < ROWS; r++) {
            acc[r][0] = vec8_load(w->b1 + c);
            acc[r][1] = vec8_load(w->b1 + c + VEC8);
        }
        for (size_t j = 0; j < s->p; j++) {
            vec8 w0 = vec8_load(w->w1t + j * hp + c);
            vec8 w1 = vec8_load(w->w1t + j * hp + c + VEC8);
#pragma GCC unroll 4
            for (size_t r = 0; r < ROWS; r++) {
                vec8 xr = vec8_all(x[r][j]);
                acc[r][0] = vec8_fma(xr, w0, acc[r][0]);
                acc[r][1] = vec8_fma(xr, w1, acc[r][1]);
            }
        }
#pragma GCC unroll 4
        for (size_t r = 0; r < ROWS; r++) {
            vec8_store(z + r * hp + c, acc[r][0]);
            vec8_store(z + r * hp + c + VEC8, acc[r][1]);
        }
    }
}

/* Σ a·w over the hidden units, a = relu(z) (or z ∘ mask with mask_of). */
SIMD_INLINE double dot_hidden(const pass *s, const double *a,
                              const double *mask_of, const double *w)
{
    vec8 acc[2] = {vec8_all(0.0), vec8_all(0.0)};
    for (size_t c = 0; c < s->hp; c += 2 * VEC8)
#pragma GCC unroll 2
        for (size_t q = 0; q < 2; q++) {
            size_t at = c + q * VEC8;
            vec8 m = vec8_load(mask_of + at);
            acc[q] = vec8_fma(vec8_where(m > 0.0, vec8_load(a + at)),
                              vec8_load(w + at), acc[q]);
        }
    return vec8_sum(acc[0] + acc[1]);
}

/* One row's output from its z (and R{z}): r, and R{out} into *rout. */
SIMD_INLINE double output(const pass *s, double y, const double *z,
                          const double *rz, double *rout)
{
    double r = s->w.b2 + dot_hidden(s, z, z, s->w.w2) - y;
    if (s->hv)
        *rout = s->v.b2 + dot_hidden(s, rz, z, s->w.w2) +
                dot_hidden(s, z, z, s->v.w2);
    return r;
}

/* One row's backward step for ∇W2, ∇b1, ∇b2, leaving D in d. */
SIMD_INLINE void backward(const pass *s, packed *g, double delta,
                          const double *z, double *d)
{
    g->b2 += delta;
    vec8 dl = vec8_all(delta);
    for (size_t c = 0; c < s->hp; c += VEC8) {
        vec8 zc = vec8_load(z + c);
        vec8_mask on = zc > 0.0;
        vec8_store(g->w2 + c, vec8_fma(dl, vec8_where(on, zc),
                                       vec8_load(g->w2 + c)));
        vec8 dc = vec8_where(on, dl * vec8_load(s->w.w2 + c));
        vec8_store(g->b1 + c, vec8_load(g->b1 + c) + dc);
        vec8_store(d + c, dc);
    }
}

/* The R-backward step: R{∇W2}, R{∇b1}, R{∇b2}, leaving R{D} in rd. */
SIMD_INLINE void r_backward(const pass *s, double delta, double rdelta,
                            const double *z, const double *rz, double *rd)
{
    packed *h = s->hv;
    h->b2 += rdelta;
    vec8 dl = vec8_all(delta), rdl = vec8_all(rdelta);
    for (size_t c = 0; c < s->hp; c += VEC8) {
        vec8 zc = vec8_load(z + c);
        vec8_mask on = zc > 0.0;
        vec8 a = vec8_where(on, zc), ra = vec8_where(on, vec8_load(rz + c));
        vec8_store(h->w2 + c, vec8_load(h->w2 + c) +
                                  vec8_fma(dl, ra, rdl * a));
        vec8 rdc = vec8_where(on, vec8_fma(rdl, vec8_load(s->w.w2 + c),
                                           dl * vec8_load(s->v.w2 + c)));
        vec8_store(h->b1 + c, vec8_load(h->b1 + c) + rdc);
        vec8_store(rd + c, rdc);
    }
}

/* Columns j0..j0+JB-1 of W1ᵀ += Σ over the block's rows of x_r D_rᵀ,
 * 16 units at a time: the 2·JB sums stay in registers over the rows. */
SIMD_INLINE void outer_cols(const pass *s, double *w1t, const double *x,
                            const double *d, size_t rows, size_t j0,
                            size_t JB)
{
    size_t hp = s->hp, p = s->p;
    for (size_t c = 0; c < hp; c += 2 * VEC8) {
        vec8 acc[4][2];
#pragma GCC unroll 4
        for (size_t q = 0; q < JB; q++) {
            acc[q][0] = vec8_load(w1t + (j0 + q) * hp + c);
            acc[q][1] = vec8_load(w1t + (j0 + q) * hp + c + VEC8);
        }
        for (size_t r = 0; r < rows; r++) {
            vec8 d0 = vec8_load(d + r * hp + c);
            vec8 d1 = vec8_load(d + r * hp + c + VEC8);
#pragma GCC unroll 4
            for (size_t q = 0; q < JB; q++) {
                vec8 xq = vec8_all(x[r * p + j0 + q]);
                acc[q][0] = vec8_fma(xq, d0, acc[q][0]);
                acc[q][1] = vec8_fma(xq, d1, acc[q][1]);
            }
        }
#pragma GCC unroll 4
        for (size_t q = 0; q < JB; q++) {
            vec8_store(w1t + (j0 + q) * hp + c, acc[q][0]);
            vec8_store(w1t + (j0 + q) * hp + c + VEC8, acc[q][1]);
        }
    }
}

/* W1ᵀ += Xᵀ D over the block's rows, 4 columns of X at a time. */
SIMD_INLINE void outer(const pass *s, double *w1t, const double *x,
                       const double *d, size_t rows)
{
    size_t j = 0;
    for (; j + 4 <= s->p; j += 4)
        outer_cols(s, w1t, x, d, rows, j, 4);
    for (; j + 2 <= s->p; j += 2)
        outer_cols(s, w1t, x, d, rows, j, 2);
    for (; j < s->p; j++)
        outer_cols(s, w1t, x, d, rows, j, 1);
}

/* The forward (and R-forward) pass, r², and the backward steps of the
 * rows i0..i0+rows-1, which are the block at x. */
SIMD_INLINE double block(pass *s, const double *x, const double *y,
                         size_t rows)
{
    size_t p = s->p, hp = s->hp;
    double ss = 0.0;
    for (size_t r0 = 0; r0 < rows; r0 += ROWS) {
        /* A last group of fewer rows repeats the first; the repeats'
         * values are never read. */
        const double *xr[ROWS];
        for (size_t r = 0; r < ROWS; r++)
            xr[r] = x + (r0 + (r0 + r < rows ? r : 0)) * p;
        layer1(s, &s->w, xr, s->z + r0 * hp);
        if (s->hv)
            layer1(s, &s->v, xr, s->rz + r0 * hp);
    }
    for (size_t r = 0; r < rows; r++) {
        size_t off = r * hp;
        double rout = 0.0;
        double res = output(s, y[r], s->z + off, s->rz + off, &rout);
        ss += res * res;
        if (s->g)
            backward(s, s->g, s->scale * res, s->z + off, s->d + off);
        if (s->hv)
            r_backward(s, s->scale * res, s->scale * rout, s->z + off,
                       s->rz + off, s->rd + off);
    }
    if (s->g)
        outer(s, s->g->w1t, x, s->d, rows);
    if (s->hv)
        outer(s, s->hv->w1t, x, s->rd, rows);
    return ss;
}

/* Σ r² over the rows; the gradient of Σ r²/n and its product with v into
 * s->g and s->hv when they are not NULL. */
SIMD_CLONES
static double run_pass(pass *s, const double *x, const double *y, size_t n)
{
    double ss = 0.0;
    for (size_t i = 0; i < n; i += BLOCK)
        ss += block(s, x + i * s->p, y + i, n - i < BLOCK ? n - i : BLOCK);
    return ss;
}

static pass pass_new(const model *m, const double *theta, size_t n)
{
    size_t hp = padded(m);
    double *rows = m->work + 4 * packed_size(m);
    return (pass){.p = m->data.p, .hp = hp, .scale = 2.0 / (double)n,
                  .w = pack(m, theta, 0), .z = rows, .rz = rows + BLOCK * hp,
                  .d = rows + 2 * BLOCK * hp, .rd = rows + 3 * BLOCK * hp};
}

static double mlp_loss(const model *m, const double *theta, const double *x,
                       const double *y, size_t n, double *g)
{
    pass s = pass_new(m, theta, n);
    packed acc;
    if (g) {
        acc = pack(m, NULL, 2);
        s.g = &acc;
    }
    double ss = run_pass(&s, x, y, n);
    if (g)
        unpack(m, &acc, g);
    return ss / (double)n;
}

static void mlp_hvp(const model *m, const double *theta, const double *v,
                    const double *x, const double *y, size_t n, double *hv)
{
    pass s = pass_new(m, theta, n);
    s.v = pack(m, v, 1);
    packed acc = pack(m, NULL, 3);
    s.hv = &acc;
    run_pass(&s, x, y, n);
    unpack(m, &acc, hv);
}

/* Slices: z = W1 x + b1 for every row (rows rounded up to ROWS, hp
 * each) is the part linear in θ. */
static size_t mlp_plane_size(const model *m, size_t n)
{
    return (n + ROWS - 1) / ROWS * ROWS * padded(m);
}

SIMD_CLONES
static void plane_pre_rows(pass *s, const double *x, size_t n, double *pre)
{
    for (size_t r0 = 0; r0 < n; r0 += ROWS) {
        const double *xr[ROWS];
        for (size_t r = 0; r < ROWS; r++)
            xr[r] = x + (r0 + (r0 + r < n ? r : 0)) * s->p;
        layer1(s, &s->w, xr, pre + r0 * s->hp);
    }
}

static void mlp_plane_pre(const model *m, const double *theta,
                          const double *x, size_t n, double *pre)
{
    pass s = pass_new(m, theta, n);
    plane_pre_rows(&s, x, n, pre);
}

/* Σ relu(z) W2 over one row's units. */
SIMD_CLONES
static double plane_loss_rows_dot(const pass *s, const double *z)
{
    return dot_hidden(s, z, z, s->w.w2);
}

SIMD_CLONES
static double plane_loss_rows(const pass *s, const double *const pre[3],
                              double a, double b, const double *y, size_t n)
{
    vec8 va = vec8_all(a), vb = vec8_all(b);
    double ss = 0.0;
    for (size_t i = 0; i < n; i++) {
        size_t at = i * s->hp;
        vec8 acc = vec8_all(0.0);
        for (size_t c = 0; c < s->hp; c += VEC8) {
            vec8 z = vec8_fma(vb, vec8_load(pre[2] + at + c),
                              vec8_fma(va, vec8_load(pre[1] + at + c),
                                       vec8_load(pre[0] + at + c)));
            acc = vec8_fma(vec8_relu(z), vec8_load(s->w.w2 + c), acc);
        }
        double r = s->w.b2 + vec8_sum(acc) - y[i];
        ss += r * r;
    }
    return ss;
}

/* Only W2 and b2 are read: packed without W1. */
static double mlp_plane_loss(const model *m, const double *theta,
                             const double *const pre[3], double a, double b,
                             const double *y, size_t n)
{
    size_t p = m->data.p, h = m->hidden, hp = padded(m);
    pass s = {.p = p, .hp = hp, .w = pack_at(m, m->work)};
    memcpy(s.w.w2, theta + h * p + h, h * sizeof *s.w.w2);
    memset(s.w.w2 + h, 0, (hp - h) * sizeof *s.w.w2);
    s.w.b2 = theta[h * p + 2 * h];
    return plane_loss_rows(&s, pre, a, b, y, n) / (double)n;
}

/* Central differences: r_i of every row from one forward pass; a step
 * d in W1[u][j] (b1[u]: x_ij = 1) moves row i's output by
 * W2[u](relu(z_iu + d x_ij) - relu(z_iu)), in W2[u] by d relu(z_iu), in
 * b2 by d, and L(d) = Σ (r_i + Δ_i)² / n. */
typedef struct {
    const double *z, *x, *r;
    size_t n, p, hp;
} moved;

/* L with row i's output moved by the step d in parameter kind k of unit
 * u (input j). */
static double moved_loss(const moved *mv, int k, size_t u, size_t j,
                         double w2u, double d)
{
    double ss = 0.0;
    for (size_t i = 0; i < mv->n; i++) {
        double z = mv->z[i * mv->hp + u], a = z > 0.0 ? z : 0.0, delta;
        if (k == 3) {
            delta = d;
        } else if (k == 2) {
            delta = d * a;
        } else {
            double z2 = z + d * (k == 0 ? mv->x[i * mv->p + j] : 1.0);
            delta = w2u * ((z2 > 0.0 ? z2 : 0.0) - a);
        }
        double r = mv->r[i] + delta;
        ss += r * r;
    }
    return ss / (double)mv->n;
}

static void mlp_central(const model *m, const double *theta, double h,
                        const double *x, const double *y, size_t n,
                        double *g)
{
    size_t p = m->data.p, hh = m->hidden, hp = padded(m);
    double *z = aligned_alloc(64, mlp_plane_size(m, n) * sizeof *z);
    double *r = malloc(n * sizeof *r);
    if (!z || !r) {
        free(z);
        free(r);
        for (size_t i = 0; i < m->dim; i++)
            g[i] = NAN;
        return;
    }
    mlp_plane_pre(m, theta, x, n, z);
    pass s = pass_new(m, theta, n);
    for (size_t i = 0; i < n; i++)
        r[i] = s.w.b2 + plane_loss_rows_dot(&s, z + i * hp) - y[i];
    moved mv = {z, x, r, n, p, hp};
    const double *w2 = theta + hh * p + hh;
    for (size_t k = 0; k < m->dim; k++) {
        int kind = k < hh * p ? 0 : k < hh * p + hh ? 1 : k < hh * p + 2 * hh ? 2 : 3;
        size_t u = kind == 0 ? k / p : kind == 1 ? k - hh * p
                   : kind == 2 ? k - hh * p - hh : 0;
        size_t j = kind == 0 ? k % p : 0;
        double up = theta[k] + h, down = theta[k] - h;
        g[k] = (moved_loss(&mv, kind, u, j, w2[u], up - theta[k]) -
                moved_loss(&mv, kind, u, j, w2[u], down - theta[k])) /
               (up - down);
    }
    free(z);
    free(r);
}

const model_type model_mlp = {
    .name = "mlp",
    .title = "the seed's network: inputs → 64 ReLU → 1, MSE",
    .prepare = mlp_prepare,
    .work = mlp_work,
    .loss = mlp_loss,
    .hvp = mlp_hvp,
    .central = mlp_central,
    .plane_size = mlp_plane_size,
    .plane_pre = mlp_plane_pre,
    .plane_loss = mlp_plane_loss,
};
