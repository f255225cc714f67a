#include <math.h>
#include <string.h>

#include "hessian.h"
#include "quad_theory.h"

/* Three points to compare H at: the start, and two around it at a
 * quarter of the view (a scale for the others), in no special
 * direction, so that no symmetry of a non-quadratic can hide. */
static void points(const objective *obj, const double *start,
                   double p[3][QUAD_MAX_DIM])
{
    size_t n = obj->dim;
    double s = n == 2 ? 0.25 * fmax(obj->view[1] - obj->view[0],
                                    obj->view[3] - obj->view[2])
                      : 0.5;
    for (size_t i = 0; i < n; i++) {
        double scale = n == 2 ? s : s * fmax(1.0, fabs(start[i]));
        p[0][i] = start[i];
        p[1][i] = start[i] + scale * (0.31 + 0.17 * (double)(i % 3));
        p[2][i] = start[i] - scale * (i % 2 ? -0.23 : 0.41);
    }
}

static bool same(const double *a, const double *b, size_t len)
{
    double big = 0.0, diff = 0.0;
    for (size_t i = 0; i < len; i++) {
        big = fmax(big, fmax(fabs(a[i]), fabs(b[i])));
        diff = fmax(diff, fabs(a[i] - b[i]));
    }
    return diff <= 1e-12 * big;
}

/* x −= H⁻¹ g through the eigendecomposition. */
static void newton_correct(const quad_theory *q, const double *g, double *x)
{
    size_t n = q->n;
    for (size_t k = 0; k < n; k++) {
        double c = 0.0;
        for (size_t i = 0; i < n; i++)
            c += q->vecs[i * n + k] * g[i];
        c /= q->lambda[k];
        for (size_t i = 0; i < n; i++)
            x[i] -= c * q->vecs[i * n + k];
    }
}

/* H at the three points, equal, into H (n×n). 1 yes, 0 no, or < 0. */
static int constant_hessian(const objective *obj, grad_method m,
                            const double *start, double *H)
{
    size_t n = obj->dim;
    double p[3][QUAD_MAX_DIM], other[QUAD_MAX_DIM * QUAD_MAX_DIM];
    optim_cost ignored = {0, 0, 0};
    points(obj, start, p);
    for (int k = 0; k < 3; k++) {
        core_error rc = hessian_eval(obj, m, 0.0, p[k], k ? other : H, &ignored);
        if (rc != CORE_OK)
            return rc == CORE_ENOMEM ? rc : 0;
        if (k && !same(H, other, n * n))
            return 0;
    }
    return 1;
}

int quad_theory_open(const objective *obj, const double *start,
                     quad_theory *q)
{
    size_t n = obj->dim;
    grad_method m = gradient_available(obj, GRAD_ANALYTIC) ? GRAD_ANALYTIC
                                                           : GRAD_AD;
    if (n > QUAD_MAX_DIM || !gradient_available(obj, m) ||
        hessian_source(obj, m) == HESS_DIFFERENCES)
        return 0;
    double H[QUAD_MAX_DIM * QUAD_MAX_DIM], g[QUAD_MAX_DIM];
    int rc = constant_hessian(obj, m, start, H);
    if (rc <= 0)
        return rc;
    memset(q, 0, sizeof *q);
    q->n = n;
    core_error e = hessian_eigen(H, n, q->lambda, q->vecs);
    if (e != CORE_OK)
        return e == CORE_ENOMEM ? e : 0;
    hess_kind kind = hessian_kind(q->lambda, n, hessian_accuracy(HESS_AD, n));
    if (kind == HESS_SINGULAR)
        return 0;
    q->has_min = kind == HESS_POSITIVE;
    /* θ* = x − H⁻¹∇f(x), corrected once more for rounding. */
    memcpy(q->theta_star, start, n * sizeof *start);
    for (int pass = 0; pass < 2; pass++) {
        if ((e = gradient_eval(obj, m, 0.0, q->theta_star, g)) != CORE_OK)
            return e == CORE_ENOMEM ? e : 0;
        newton_correct(q, g, q->theta_star);
    }
    /* What is left of a zero coordinate is rounding: print it as 0. */
    double scale = 0.0;
    for (size_t i = 0; i < n; i++)
        scale = fmax(scale, fmax(fabs(start[i]), fabs(q->theta_star[i])));
    for (size_t i = 0; i < n; i++)
        if (fabs(q->theta_star[i]) <= 1e-14 * fmax(1.0, scale))
            q->theta_star[i] = 0.0;
    return 1;
}

static double rate_at(const quad_theory *q, const optimizer_type *opt,
                      const optim_params *p, double lr, bool *complex)
{
    double worst = 0.0;
    *complex = false;
    for (size_t i = 0; i < q->n; i++) {
        bool c;
        double r = opt->linear_rate(p, lr * q->lambda[i], &c);
        if (r > worst || isnan(r)) {
            worst = r;
            *complex = c;
        }
    }
    return worst;
}

/* The a* where (0, a*) is where the largest root is inside the unit
 * circle, by bisection (sgd: 2; heavy ball: 2 + 2μ; Nesterov:
 * (2 + 2μ)/(1 + 2μ)); NaN when no a > 0 is. */
static double stable_a(const optimizer_type *opt, const optim_params *p)
{
    bool c;
    double lo = 0.0, hi = 1.0;
    while (opt->linear_rate(p, hi, &c) < 1.0 && hi < 1e300)
        hi *= 2.0;
    for (int k = 0; k < 200 && lo < hi; k++) {
        double mid = 0.5 * (lo + hi);
        if (mid <= lo || mid >= hi)
            break;
        if (opt->linear_rate(p, mid, &c) < 1.0)
            lo = mid;
        else
            hi = mid;
    }
    return lo > 0.0 ? lo : NAN;
}

quad_prediction quad_predict(const quad_theory *q, const optimizer_type *opt,
                             const optim_params *p, double lr)
{
    quad_prediction out = {.rate = NAN, .limit = NAN};
    if (!opt->linear_rate)
        return out;
    out.known = true;
    out.rate = rate_at(q, opt, p, lr, &out.complex);
    if (q->has_min)
        out.limit = stable_a(opt, p) / q->lambda[q->n - 1];
    return out;
}

void quad_theory_decayed(const quad_theory *q, const optimizer_type *opt,
                         const optim_params *p, quad_theory *out)
{
    double w = optim_weight_decay(opt, p);
    *out = *q;
    if (w == 0.0 || (opt->caps & OPTIM_DECOUPLED_DECAY))
        return;
    size_t n = q->n;
    bool min = true;
    for (size_t i = 0; i < n; i++) {
        out->lambda[i] = q->lambda[i] + w;
        min = min && out->lambda[i] > 0.0;
        out->theta_star[i] = 0.0;
    }
    out->has_min = min;
    /* θ*_W = Σ_k v_k (λ_k / (λ_k + W)) (v_k · θ*). */
    for (size_t k = 0; k < n; k++) {
        double c = 0.0;
        for (size_t i = 0; i < n; i++)
            c += q->vecs[i * n + k] * q->theta_star[i];
        c *= out->lambda[k] != 0.0 ? q->lambda[k] / out->lambda[k] : NAN;
        for (size_t i = 0; i < n; i++)
            out->theta_star[i] += c * q->vecs[i * n + k];
    }
}

quad_optimum quad_optimal(const quad_theory *q)
{
    double lo = q->lambda[0], hi = q->lambda[q->n - 1];
    double kappa = hi / lo, rk = sqrt(kappa), r3 = sqrt(3.0 * kappa + 1.0);
    double hb = 2.0 / (sqrt(hi) + sqrt(lo));
    double hb_rate = (rk - 1.0) / (rk + 1.0);
    return (quad_optimum){
        .kappa = kappa,
        .sgd_lr = 2.0 / (lo + hi),
        .sgd_rate = (kappa - 1.0) / (kappa + 1.0),
        .hb_lr = hb * hb,
        .hb_mu = hb_rate * hb_rate,
        .hb_rate = hb_rate,
        .nag_lr = 4.0 / (3.0 * hi + lo),
        .nag_mu = (r3 - 2.0) / (r3 + 2.0),
        .nag_rate = 1.0 - 2.0 / r3,
    };
}

static double distance(const double *a, const double *b, size_t n)
{
    double ss = 0.0;
    for (size_t i = 0; i < n; i++)
        ss += (a[i] - b[i]) * (a[i] - b[i]);
    return sqrt(ss);
}

double quad_measured(const quad_theory *q, const double *theta,
                     const double *theta_prev)
{
    double zero[QUAD_MAX_DIM] = {0};
    double floor = 1e-8 * fmax(1.0, distance(q->theta_star, zero, q->n));
    double before = distance(theta_prev, q->theta_star, q->n);
    return before > floor ? distance(theta, q->theta_star, q->n) / before
                          : NAN;
}

void quad_meter_reset(quad_meter *m)
{
    *m = (quad_meter){.last = NAN};
}

void quad_meter_add(quad_meter *m, const quad_theory *q, const double *theta,
                    const double *theta_prev, long t)
{
    double ratio = quad_measured(q, theta, theta_prev);
    if (isnan(ratio) || t == m->at)
        return;
    m->last = ratio;
    m->at = t;
    m->logs[m->head] = log(ratio);
    m->head = (m->head + 1) % QUAD_WINDOW;
    if (m->count < QUAD_WINDOW)
        m->count++;
}

double quad_meter_mean(const quad_meter *m)
{
    double sum = 0.0;
    for (size_t i = 0; i < m->count; i++)
        sum += m->logs[i];
    return m->count ? exp(sum / (double)m->count) : NAN;
}
