/* Dual numbers for forward-mode automatic differentiation in two
 * variables: dual1 carries a value and its gradient, dual2 also the three
 * distinct second partials. Every operation exists in three versions with
 * one calling convention, r_ (plain double), d1_ and d2_, so that one
 * interpreter (expr_eval_loop.h) serves value, gradient and Hessian.
 *
 * The value part of every operation is computed by the same expression in
 * all three versions, so a gradient or Hessian evaluation returns exactly
 * the double a value evaluation does.
 *
 * A derivative term whose inner factor is zero is zero, even when the
 * outer derivative is infinite or NaN (see zmul): d/dy sqrt(x) at x = 0
 * is 0, not 0*inf. That matters where a finite value has an infinite
 * derivative (functions, powers) and at poles (division); sums and
 * products skip the test for speed: they give 0*inf = NaN only next to
 * an infinite value, which ends a run anyway. */
#ifndef DESCENT_DUAL_H
#define DESCENT_DUAL_H

#include <math.h>

#include "dual_fn.h"

typedef struct {
    double v;       /* value */
    double d[2];    /* ∂/∂x, ∂/∂y */
} dual1;

typedef struct {
    double v;
    double d[2];
    double h[3];    /* ∂²/∂x², ∂²/∂x∂y, ∂²/∂y² */
} dual2;

/* The statements for each gradient index i = 0, 1, and for each Hessian
 * entry k = (i, j): 0 = (0, 0), 1 = (0, 1), 2 = (1, 1). Unrolled, so that
 * every index is a constant and the compiler can keep duals in registers
 * (a loop or a variable index would place them in memory). */
#define DUAL_EACH_D(...)                                                  \
    do {                                                                  \
        { enum { i = 0 }; __VA_ARGS__ }                                   \
        { enum { i = 1 }; __VA_ARGS__ }                                   \
    } while (0)
#define DUAL_EACH_H(...)                                                  \
    do {                                                                  \
        { enum { k = 0, i = 0, j = 0 }; __VA_ARGS__ }                     \
        { enum { k = 1, i = 0, j = 1 }; __VA_ARGS__ }                     \
        { enum { k = 2, i = 1, j = 1 }; __VA_ARGS__ }                     \
    } while (0)
/* d[i] += v for a variable index i, without indexing */
#define DUAL_BUMP(d, i, v)                                                \
    do {                                                                  \
        if ((i) == 0)                                                     \
            (d)[0] += (v);                                                \
        else                                                              \
            (d)[1] += (v);                                                \
    } while (0)

/* c*p, but 0 when p is 0 (a structural zero stays zero). */
static inline double zmul(double c, double p)
{
    return p == 0 ? 0.0 : c * p;
}

/* ---- chain rule for a unary function with f = (f, f', f'') */

/* Where f is NaN and its argument is not (outside the domain: log(-1)),
 * so are the derivatives (1/u would say -1 for log at -1). */
static inline void nan_outside(double u, double *f, int order)
{
    if (isnan(f[0]) && !isnan(u)) {
        f[1] = NAN;
        if (order > 1)
            f[2] = NAN;
    }
}

static inline dual1 d1_chain(dual1 a, double *f)
{
    dual1 r;
    nan_outside(a.v, f, 1);
    r.v = f[0];
    r.d[0] = zmul(f[1], a.d[0]);
    r.d[1] = zmul(f[1], a.d[1]);
    return r;
}

static inline dual2 d2_chain(dual2 a, double *f)
{
    dual2 r;
    nan_outside(a.v, f, 2);
    r.v = f[0];
    r.d[0] = zmul(f[1], a.d[0]);
    r.d[1] = zmul(f[1], a.d[1]);
    DUAL_EACH_H(r.h[k] = zmul(f[1], a.h[k]) + zmul(f[2], a.d[i] * a.d[j]););
    return r;
}

#define DUAL_UNARY(name)                                                  \
    static inline double r_##name(double a)                               \
    {                                                                     \
        double f[3];                                                      \
        fd_##name(a, f, 0);                                               \
        return f[0];                                                      \
    }                                                                     \
    static inline dual1 d1_##name(dual1 a)                                \
    {                                                                     \
        double f[3];                                                      \
        fd_##name(a.v, f, 1);                                             \
        return d1_chain(a, f);                                            \
    }                                                                     \
    static inline dual2 d2_##name(dual2 a)                                \
    {                                                                     \
        double f[3];                                                      \
        fd_##name(a.v, f, 2);                                             \
        return d2_chain(a, f);                                            \
    }

DUAL_UNARY(sin)
DUAL_UNARY(cos)
DUAL_UNARY(tan)
DUAL_UNARY(asin)
DUAL_UNARY(acos)
DUAL_UNARY(atan)
DUAL_UNARY(sinh)
DUAL_UNARY(cosh)
DUAL_UNARY(tanh)
DUAL_UNARY(exp)
DUAL_UNARY(log)
DUAL_UNARY(log10)
DUAL_UNARY(sqrt)
DUAL_UNARY(abs)
#undef DUAL_UNARY

/* ---- leaves */

static inline double r_konst(double k) { return k; }
static inline dual1 d1_konst(double k)
{
    dual1 r = {k, {0.0, 0.0}};
    return r;
}
static inline dual2 d2_konst(double k)
{
    dual2 r = {k, {0.0, 0.0}, {0.0, 0.0, 0.0}};
    return r;
}

static inline double r_var(const double *x, int i) { return x[i]; }
static inline dual1 d1_var(const double *x, int i)
{
    dual1 r = {x[i], {i == 0, i == 1}};
    return r;
}
static inline dual2 d2_var(const double *x, int i)
{
    dual2 r = {x[i], {i == 0, i == 1}, {0.0, 0.0, 0.0}};
    return r;
}

/* ---- linear operations */

static inline double r_neg(double a) { return -a; }
static inline dual1 d1_neg(dual1 a)
{
    dual1 r = {-a.v, {-a.d[0], -a.d[1]}};
    return r;
}
static inline dual2 d2_neg(dual2 a)
{
    dual2 r = {-a.v, {-a.d[0], -a.d[1]}, {-a.h[0], -a.h[1], -a.h[2]}};
    return r;
}

static inline double r_add(double a, double b) { return a + b; }
static inline dual1 d1_add(dual1 a, dual1 b)
{
    dual1 r = {a.v + b.v, {a.d[0] + b.d[0], a.d[1] + b.d[1]}};
    return r;
}
static inline dual2 d2_add(dual2 a, dual2 b)
{
    dual2 r = {a.v + b.v, {a.d[0] + b.d[0], a.d[1] + b.d[1]},
               {a.h[0] + b.h[0], a.h[1] + b.h[1], a.h[2] + b.h[2]}};
    return r;
}

static inline double r_sub(double a, double b) { return a - b; }
static inline dual1 d1_sub(dual1 a, dual1 b)
{
    dual1 r = {a.v - b.v, {a.d[0] - b.d[0], a.d[1] - b.d[1]}};
    return r;
}
static inline dual2 d2_sub(dual2 a, dual2 b)
{
    dual2 r = {a.v - b.v, {a.d[0] - b.d[0], a.d[1] - b.d[1]},
               {a.h[0] - b.h[0], a.h[1] - b.h[1], a.h[2] - b.h[2]}};
    return r;
}

/* a + k (a - k is a + (-k): the same double in IEEE arithmetic). */
static inline double r_addk(double a, double k) { return a + k; }
static inline dual1 d1_addk(dual1 a, double k)
{
    a.v = a.v + k;
    return a;
}
static inline dual2 d2_addk(dual2 a, double k)
{
    a.v = a.v + k;
    return a;
}

/* k - a */
static inline double r_ksub(double k, double a) { return k - a; }
static inline dual1 d1_ksub(double k, dual1 a)
{
    dual1 r = d1_neg(a);
    r.v = k - a.v;
    return r;
}
static inline dual2 d2_ksub(double k, dual2 a)
{
    dual2 r = d2_neg(a);
    r.v = k - a.v;
    return r;
}

/* a*k */
static inline double r_mulk(double a, double k) { return a * k; }
static inline dual1 d1_mulk(dual1 a, double k)
{
    dual1 r = {a.v * k, {a.d[0] * k, a.d[1] * k}};
    return r;
}
static inline dual2 d2_mulk(dual2 a, double k)
{
    dual2 r = {a.v * k, {a.d[0] * k, a.d[1] * k},
               {a.h[0] * k, a.h[1] * k, a.h[2] * k}};
    return r;
}

/* p/c, but 0 when p is 0 */
static inline double zdiv(double p, double c)
{
    return p == 0 ? 0.0 : p / c;
}

/* a/k */
static inline double r_divk(double a, double k) { return a / k; }
static inline dual1 d1_divk(dual1 a, double k)
{
    dual1 r = {a.v / k, {zdiv(a.d[0], k), zdiv(a.d[1], k)}};
    return r;
}
static inline dual2 d2_divk(dual2 a, double k)
{
    dual2 r = {a.v / k, {zdiv(a.d[0], k), zdiv(a.d[1], k)},
               {zdiv(a.h[0], k), zdiv(a.h[1], k), zdiv(a.h[2], k)}};
    return r;
}

/* a + x_i, a - x_i, x_i - a */
static inline double r_addv(double a, const double *x, int i)
{
    return a + x[i];
}
static inline dual1 d1_addv(dual1 a, const double *x, int i)
{
    a.v = a.v + x[i];
    DUAL_BUMP(a.d, i, 1.0);
    return a;
}
static inline dual2 d2_addv(dual2 a, const double *x, int i)
{
    a.v = a.v + x[i];
    DUAL_BUMP(a.d, i, 1.0);
    return a;
}

static inline double r_subv(double a, const double *x, int i)
{
    return a - x[i];
}
static inline dual1 d1_subv(dual1 a, const double *x, int i)
{
    a.v = a.v - x[i];
    DUAL_BUMP(a.d, i, -1.0);
    return a;
}
static inline dual2 d2_subv(dual2 a, const double *x, int i)
{
    a.v = a.v - x[i];
    DUAL_BUMP(a.d, i, -1.0);
    return a;
}

static inline double r_vsub(const double *x, int i, double a)
{
    return x[i] - a;
}
static inline dual1 d1_vsub(const double *x, int i, dual1 a)
{
    dual1 r = d1_neg(a);
    r.v = x[i] - a.v;
    DUAL_BUMP(r.d, i, 1.0);
    return r;
}
static inline dual2 d2_vsub(const double *x, int i, dual2 a)
{
    dual2 r = d2_neg(a);
    r.v = x[i] - a.v;
    DUAL_BUMP(r.d, i, 1.0);
    return r;
}

/* ---- products and quotients */

static inline double r_mul(double a, double b) { return a * b; }
static inline dual1 d1_mul(dual1 a, dual1 b)
{
    dual1 r = {a.v * b.v,
               {a.d[0] * b.v + a.v * b.d[0], a.d[1] * b.v + a.v * b.d[1]}};
    return r;
}
static inline dual2 d2_mul(dual2 a, dual2 b)
{
    dual2 r;
    r.v = a.v * b.v;
    DUAL_EACH_D(r.d[i] = a.d[i] * b.v + a.v * b.d[i];);
    DUAL_EACH_H(r.h[k] = a.h[k] * b.v + a.d[i] * b.d[j] +
                         a.d[j] * b.d[i] + a.v * b.h[k];);
    return r;
}

/* a*x_i */
static inline double r_mulv(double a, const double *x, int i)
{
    return a * x[i];
}
static inline dual1 d1_mulv(dual1 a, const double *x, int i)
{
    dual1 r = d1_mulk(a, x[i]);
    DUAL_BUMP(r.d, i, a.v);
    return r;
}
/* (a x_i)_jk = a_jk x_i + a_j [k = i] + a_k [j = i] */
static inline dual2 d2_mulv(dual2 a, const double *x, int i)
{
    dual2 r = d2_mulk(a, x[i]);
    DUAL_BUMP(r.d, i, a.v);
    if (i == 0) {
        r.h[0] += 2.0 * a.d[0];
        r.h[1] += a.d[1];
    } else {
        r.h[1] += a.d[0];
        r.h[2] += 2.0 * a.d[1];
    }
    return r;
}

static inline double r_sqr(double a) { return a * a; }
static inline dual1 d1_sqr(dual1 a)
{
    double t = 2.0 * a.v;
    dual1 r = {a.v * a.v, {t * a.d[0], t * a.d[1]}};
    return r;
}
static inline dual2 d2_sqr(dual2 a)
{
    dual2 r;
    double t = 2.0 * a.v;
    r.v = a.v * a.v;
    r.d[0] = t * a.d[0];
    r.d[1] = t * a.d[1];
    DUAL_EACH_H(r.h[k] = 2.0 * a.d[i] * a.d[j] + t * a.h[k];);
    return r;
}

/* q = a/b: q' = a'/b - q b'/b, q'' = (a'' - q_i b_j - q_j b_i - q b'')/b,
 * each term 0 when its derivative factor is (x/y at y = 0: ∂/∂x is
 * 1/0 = inf, not (1 - inf*0)/0). */
static inline double r_div(double a, double b) { return a / b; }
static inline double div_d(double ad, double q, double bd, double b)
{
    return zdiv(ad, b) - zdiv(zmul(q, bd), b);
}
static inline dual1 d1_div(dual1 a, dual1 b)
{
    double q = a.v / b.v;
    dual1 r = {q, {div_d(a.d[0], q, b.d[0], b.v),
                   div_d(a.d[1], q, b.d[1], b.v)}};
    return r;
}
static inline dual2 d2_div(dual2 a, dual2 b)
{
    dual2 r;
    r.v = a.v / b.v;
    DUAL_EACH_D(r.d[i] = div_d(a.d[i], r.v, b.d[i], b.v););
    DUAL_EACH_H(r.h[k] = zdiv(a.h[k] - r.d[i] * b.d[j] - r.d[j] * b.d[i] -
                                  zmul(r.v, b.h[k]), b.v););
    return r;
}

/* k/a */
static inline double r_kdiv(double k, double a) { return k / a; }
static inline dual1 d1_kdiv(double k, dual1 a)
{
    return d1_div(d1_konst(k), a);
}
static inline dual2 d2_kdiv(double k, dual2 a)
{
    return d2_div(d2_konst(k), a);
}

/* a/x_i, x_i/a */
static inline double r_divv(double a, const double *x, int i)
{
    return a / x[i];
}
static inline dual1 d1_divv(dual1 a, const double *x, int i)
{
    return d1_div(a, d1_var(x, i));
}
static inline dual2 d2_divv(dual2 a, const double *x, int i)
{
    return d2_div(a, d2_var(x, i));
}

static inline double r_vdiv(const double *x, int i, double a)
{
    return x[i] / a;
}
static inline dual1 d1_vdiv(const double *x, int i, dual1 a)
{
    return d1_div(d1_var(x, i), a);
}
static inline dual2 d2_vdiv(const double *x, int i, dual2 a)
{
    return d2_div(d2_var(x, i), a);
}

/* ---- powers */

/* a^k, k constant (k = 2 is compiled to sqr) */
static inline double r_powk(double a, double k)
{
    double f[3];
    fd_powk(a, k, f, 0);
    return f[0];
}
static inline dual1 d1_powk(dual1 a, double k)
{
    double f[3];
    fd_powk(a.v, k, f, 1);
    return d1_chain(a, f);
}
static inline dual2 d2_powk(dual2 a, double k)
{
    double f[3];
    fd_powk(a.v, k, f, 2);
    return d2_chain(a, f);
}

/* k^a, k constant */
static inline double r_kpow(double k, double a)
{
    double f[3];
    fd_kpow(k, a, f, 0);
    return f[0];
}
static inline dual1 d1_kpow(double k, dual1 a)
{
    double f[3];
    fd_kpow(k, a.v, f, 1);
    return d1_chain(a, f);
}
static inline dual2 d2_kpow(double k, dual2 a)
{
    double f[3];
    fd_kpow(k, a.v, f, 2);
    return d2_chain(a, f);
}

/* a^b, both variable: a^b = exp(b log a). With p = a^b:
 * p_a = b a^(b-1), p_b = p log a, p_aa = b(b-1) a^(b-2),
 * p_ab = a^(b-1) (1 + b log a), p_bb = p log² a; a zero power or
 * coefficient gives a zero term (the limits as a -> 0+). */
typedef struct {
    double p, pa, pb, paa, pab, pbb;
} dual_pow_parts;

static inline dual_pow_parts dual_pow_parts_at(double a, double b, int order)
{
    dual_pow_parts q = {pow(a, b), 0.0, 0.0, 0.0, 0.0, 0.0};
    if (order > 0) {
        double l = log(a), p1 = pow(a, b - 1.0);
        q.pa = b == 0 ? 0.0 : b * p1;
        q.pb = q.p == 0 ? 0.0 : q.p * l;
        if (order > 1) {
            double c = b * (b - 1.0);
            q.paa = c == 0 ? 0.0 : c * pow(a, b - 2.0);
            q.pab = p1 == 0 ? 0.0 : p1 * (1.0 + b * l);
            q.pbb = q.p == 0 ? 0.0 : q.pb * l;
        }
    }
    return q;
}

static inline double r_pow(double a, double b) { return pow(a, b); }
static inline dual1 d1_pow(dual1 a, dual1 b)
{
    dual_pow_parts q = dual_pow_parts_at(a.v, b.v, 1);
    dual1 r;
    r.v = q.p;
    DUAL_EACH_D(r.d[i] = zmul(q.pa, a.d[i]) + zmul(q.pb, b.d[i]););
    return r;
}
static inline dual2 d2_pow(dual2 a, dual2 b)
{
    dual_pow_parts q = dual_pow_parts_at(a.v, b.v, 2);
    dual2 r;
    r.v = q.p;
    DUAL_EACH_D(r.d[i] = zmul(q.pa, a.d[i]) + zmul(q.pb, b.d[i]););
    DUAL_EACH_H(r.h[k] = zmul(q.pa, a.h[k]) + zmul(q.pb, b.h[k]) +
                         zmul(q.paa, a.d[i] * a.d[j]) +
                         zmul(q.pab, a.d[i] * b.d[j] + a.d[j] * b.d[i]) +
                         zmul(q.pbb, b.d[i] * b.d[j]););
    return r;
}

/* ---- min and max: the chosen argument, the first on a tie; NaN when
 * either is NaN. */

static inline int dual_pick_second_min(double a, double b)
{
    return isnan(b) || (!isnan(a) && b < a);
}
static inline int dual_pick_second_max(double a, double b)
{
    return isnan(b) || (!isnan(a) && b > a);
}

static inline double r_min(double a, double b)
{
    return dual_pick_second_min(a, b) ? b : a;
}
static inline dual1 d1_min(dual1 a, dual1 b)
{
    return dual_pick_second_min(a.v, b.v) ? b : a;
}
static inline dual2 d2_min(dual2 a, dual2 b)
{
    return dual_pick_second_min(a.v, b.v) ? b : a;
}
static inline double r_max(double a, double b)
{
    return dual_pick_second_max(a, b) ? b : a;
}
static inline dual1 d1_max(dual1 a, dual1 b)
{
    return dual_pick_second_max(a.v, b.v) ? b : a;
}
static inline dual2 d2_max(dual2 a, dual2 b)
{
    return dual_pick_second_max(a.v, b.v) ? b : a;
}

#endif
