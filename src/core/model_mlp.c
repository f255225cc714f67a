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
 * product together, the hidden units 8 at a time (simd.h) with W1 held
 * transposed and padded to a multiple of 8 units (zero units add
 * nothing), and the outer products of 4 rows at a time. */
#include <stdio.h>
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

enum { ROWS = 4 }; /* rows whose outer products are added together */

/* A parameter vector in the kernel's layout: W1ᵀ (p × hp), b1, W2 (hp
 * each, zero past H), b2. */
typedef struct {
    double *w1t, *b1, *w2, b2;
} packed;

static size_t padded(const model *m) { return (m->hidden + VEC8 - 1) & ~(size_t)(VEC8 - 1); }

static size_t packed_size(const model *m)
{
    return (m->data.p + 2) * padded(m);
}

/* θ, v, ∇, Hv packed, then z, R{z}, D and R{D} of ROWS rows. */
static size_t mlp_work(const model *m, size_t n)
{
    (void)n;
    return 4 * packed_size(m) + 4 * ROWS * padded(m);
}

static packed pack_at(const model *m, double *at)
{
    size_t hp = padded(m);
    return (packed){at, at + m->data.p * hp, at + (m->data.p + 1) * hp, 0.0};
}

/* theta into the layout at slot k of the scratch. */
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
    double *z, *rz, *d, *rd;  /* ROWS × hp each */
} pass;

/* z = W1ᵀ-packed times x plus b1, for one row. */
SIMD_INLINE void layer1(const pass *s, const packed *w, const double *x,
                        double *z)
{
    for (size_t c = 0; c < s->hp; c += VEC8) {
        vec8 acc = vec8_load(w->b1 + c);
        for (size_t j = 0; j < s->p; j++)
            acc += x[j] * vec8_load(w->w1t + j * s->hp + c);
        vec8_store(z + c, acc);
    }
}

/* Σ a·w over the hidden units, a = relu(z) (or z ∘ mask with mask_of). */
SIMD_INLINE double dot_hidden(const pass *s, const double *a,
                              const double *mask_of, const double *w)
{
    vec8 acc = vec8_all(0.0);
    for (size_t c = 0; c < s->hp; c += VEC8) {
        vec8 m = vec8_load(mask_of + c);
        acc += vec8_where(m > 0.0, vec8_load(a + c)) * vec8_load(w + c);
    }
    return vec8_sum(acc);
}

/* One row's forward pass (and R-forward pass); returns r, sets *rout. */
SIMD_INLINE double forward(const pass *s, const double *x, double y,
                           double *z, double *rz, double *rout)
{
    layer1(s, &s->w, x, z);
    double r = s->w.b2 + dot_hidden(s, z, z, s->w.w2) - y;
    if (s->hv) {
        layer1(s, &s->v, x, rz);
        *rout = s->v.b2 + dot_hidden(s, rz, z, s->w.w2) +
                dot_hidden(s, z, z, s->v.w2);
    }
    return r;
}

/* One row's backward step for ∇W2, ∇b1, ∇b2, leaving D in d. */
SIMD_INLINE void backward(const pass *s, packed *g, double delta,
                          const double *z, double *d)
{
    g->b2 += delta;
    for (size_t c = 0; c < s->hp; c += VEC8) {
        vec8 zc = vec8_load(z + c);
        vec8_mask on = zc > 0.0;
        vec8_store(g->w2 + c, vec8_load(g->w2 + c) + delta * vec8_where(on, zc));
        vec8 dc = vec8_where(on, delta * vec8_load(s->w.w2 + c));
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
    for (size_t c = 0; c < s->hp; c += VEC8) {
        vec8 zc = vec8_load(z + c);
        vec8_mask on = zc > 0.0;
        vec8 a = vec8_where(on, zc), ra = vec8_where(on, vec8_load(rz + c));
        vec8_store(h->w2 + c, vec8_load(h->w2 + c) + (delta * ra + rdelta * a));
        vec8 rdc = vec8_where(on, rdelta * vec8_load(s->w.w2 + c) +
                                      delta * vec8_load(s->v.w2 + c));
        vec8_store(h->b1 + c, vec8_load(h->b1 + c) + rdc);
        vec8_store(rd + c, rdc);
    }
}

/* W1ᵀ += Σ over k rows of x_r D_rᵀ. */
SIMD_INLINE void outer(const pass *s, double *w1t, const double *const *x,
                       const double *d, size_t k)
{
    size_t hp = s->hp;
    for (size_t j = 0; j < s->p; j++)
        for (size_t c = 0; c < hp; c += VEC8) {
            vec8 acc = vec8_load(w1t + j * hp + c);
            if (k == ROWS)
                acc += (x[0][j] * vec8_load(d + c) +
                        x[1][j] * vec8_load(d + hp + c)) +
                       (x[2][j] * vec8_load(d + 2 * hp + c) +
                        x[3][j] * vec8_load(d + 3 * hp + c));
            else
                for (size_t r = 0; r < k; r++)
                    acc += x[r][j] * vec8_load(d + r * hp + c);
            vec8_store(w1t + j * hp + c, acc);
        }
}

/* Σ r² over the rows; the gradient of Σ r²/n and its product with v into
 * s->g and s->hv when they are not NULL. */
SIMD_CLONES
static double run_pass(pass *s, const double *x, const double *y, size_t n)
{
    double ss = 0.0;
    for (size_t i0 = 0; i0 < n; i0 += ROWS) {
        size_t k = n - i0 < ROWS ? n - i0 : ROWS;
        const double *rows[ROWS];
        for (size_t r = 0; r < k; r++) {
            size_t i = i0 + r, off = r * s->hp;
            rows[r] = x + i * s->p;
            double rout = 0.0;
            double res = forward(s, rows[r], y[i], s->z + off, s->rz + off,
                                 &rout);
            ss += res * res;
            if (s->g)
                backward(s, s->g, s->scale * res, s->z + off, s->d + off);
            if (s->hv)
                r_backward(s, s->scale * res, s->scale * rout, s->z + off,
                           s->rz + off, s->rd + off);
        }
        if (s->g)
            outer(s, s->g->w1t, rows, s->d, k);
        if (s->hv)
            outer(s, s->hv->w1t, rows, s->rd, k);
    }
    return ss;
}

static pass pass_new(const model *m, const double *theta, size_t n)
{
    size_t hp = padded(m);
    double *rows = m->work + 4 * packed_size(m);
    return (pass){.p = m->data.p, .hp = hp, .scale = 2.0 / (double)n,
                  .w = pack(m, theta, 0), .z = rows, .rz = rows + ROWS * hp,
                  .d = rows + 2 * ROWS * hp, .rd = rows + 3 * ROWS * hp};
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

const model_type model_mlp = {
    .name = "mlp",
    .title = "the seed's network: inputs → 64 ReLU → 1, MSE",
    .prepare = mlp_prepare,
    .work = mlp_work,
    .loss = mlp_loss,
    .hvp = mlp_hvp,
};
