/* Forward-mode differentiation of a whole run in its learning rate. The
 * primal updates are the optimisers' own (direction, then apply), so
 * L(α) here is the run's loss; the tangents are differentiated by hand
 * from DESIGN §3, with ġ = H Z the tangent of the gradient:
 *   momentum  V̇ = μV̇ + ġ;  Ḋ = V̇        (nesterov: Ḋ = ġ + μV̇)
 *   adagrad   Ṡ = Ṡ + 2gġ, rmsprop Ṡ = ρṠ + 2(1-ρ)gġ;
 *             d = g/(√S + ε): Ḋ = ġ/(√S + ε) - g Ṡ / (2√S (√S + ε)²)
 *   adam      ṁ = β1ṁ + (1-β1)ġ; v̇ = β2v̇ + 2(1-β2)gġ;
 *             d = m̂/(√v̂ + ε): Ḋ = ṁ̂/(√v̂ + ε) - m̂ v̂̇ / (2√v̂ (√v̂ + ε)²)
 * and then Z_t = Z_{t-1} - α Ḋ_t - d_t. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gradient.h"
#include "lr_hypergrad.h"
#include "run.h"

typedef struct {
    size_t n;
    double *g, *gdot, *d, *ddot, *z, *state, *sdot, *tmp;
} tangents;

/* The gradient a run would use: analytic, else AD, else differences. */
static void gradient_of(const objective *o, const double *x, double *g)
{
    grad_method m = gradient_available(o, GRAD_ANALYTIC) ? GRAD_ANALYTIC
                    : gradient_available(o, GRAD_AD)     ? GRAD_AD
                                                         : GRAD_CENTRAL;
    gradient_eval(o, m, 1e-7, x, g);
}

/* H(x) v by the best means the objective has; tmp holds n*n doubles
 * when the Hessian is used, or 2n for differences. */
static void hess_vec(const objective *o, const double *x, const double *v,
                     double *hv, double *tmp)
{
    size_t n = o->dim;
    void (*hess)(const void *, const double *, double *) =
        o->ops->hessian ? o->ops->hessian : o->ops->hessian_ad;
    if (o->ops->hvp) {
        o->ops->hvp(o->ctx, x, v, hv);
    } else if (hess) {
        hess(o->ctx, x, tmp);
        for (size_t i = 0; i < n; i++) {
            hv[i] = 0.0;
            for (size_t j = 0; j < n; j++)
                hv[i] += tmp[i * n + j] * v[j];
        }
    } else {
        /* (∇f(x + εv) - ∇f(x - εv)) / 2ε, ε scaled to x and v. */
        double vn = 0.0, xn = 0.0;
        for (size_t i = 0; i < n; i++) {
            vn += v[i] * v[i];
            xn += x[i] * x[i];
        }
        if (vn == 0.0) {
            memset(hv, 0, n * sizeof *hv);
            return;
        }
        double eps = 1e-6 * (1.0 + sqrt(xn)) / sqrt(vn);
        double *xs = tmp, *gm = tmp + n;
        for (size_t i = 0; i < n; i++)
            xs[i] = x[i] + eps * v[i];
        gradient_of(o, xs, hv);
        for (size_t i = 0; i < n; i++)
            xs[i] = x[i] - eps * v[i];
        gradient_of(o, xs, gm);
        for (size_t i = 0; i < n; i++)
            hv[i] = (hv[i] - gm[i]) / (2.0 * eps);
    }
}

/* Ḋ of an adaptive step num/(√acc/c + ε) with tangents num_dot, acc_dot
 * (c = √bc2 for adam, 1 otherwise). */
static double adaptive_dot(double num, double num_dot, double acc,
                           double acc_dot, double c, double eps)
{
    double root = sqrt(acc) / c, den = root + eps;
    double droot = acc > 0.0 ? acc_dot / (2.0 * sqrt(acc) * c) : 0.0;
    return num_dot / den - num * droot / (den * den);
}

static void tangent_step(const lr_problem *p, tangents *w, long t)
{
    const optimizer_type *o = p->opt;
    const optim_params *op = &p->op;
    size_t n = w->n;
    double eps = optim_eps(o, op);
    double *s0 = w->state, *s1 = w->state + n, *t0 = w->sdot,
           *t1 = w->sdot + n;
    for (size_t i = 0; i < n; i++) {
        double g = w->g[i], gd = w->gdot[i];
        if (o == &optim_momentum || o == &optim_nesterov) {
            t0[i] = op->momentum * t0[i] + gd;
            w->ddot[i] = o == &optim_momentum ? t0[i] : gd + op->momentum * t0[i];
        } else if (o == &optim_adagrad || o == &optim_rmsprop) {
            double keep = o == &optim_adagrad ? 1.0 : op->rho;
            double add = o == &optim_adagrad ? 1.0 : 1.0 - op->rho;
            t0[i] = keep * t0[i] + 2.0 * add * g * gd;
            w->ddot[i] = adaptive_dot(g, gd, s0[i], t0[i], 1.0, eps);
        } else if (o == &optim_adam) {
            double bc1 = 1.0 - pow(op->beta1, (double)t);
            double bc2 = sqrt(1.0 - pow(op->beta2, (double)t));
            t0[i] = op->beta1 * t0[i] + (1.0 - op->beta1) * gd;
            t1[i] = op->beta2 * t1[i] + 2.0 * (1.0 - op->beta2) * g * gd;
            w->ddot[i] = adaptive_dot(s0[i] / bc1, t0[i] / bc1, s1[i], t1[i],
                                      bc2, eps);
        } else {
            w->ddot[i] = gd;
        }
    }
}

static int alloc_tangents(tangents *w, size_t n)
{
    size_t tmp = n * n > 2 * n ? n * n : 2 * n;
    double *b = calloc(10 * n + tmp, sizeof *b);
    if (!b)
        return -1;
    *w = (tangents){n, b, b + n, b + 2 * n, b + 3 * n, b + 4 * n, b + 5 * n,
                    b + 7 * n, b + 9 * n};
    return 0;
}

static double outer_loss(const lr_problem *p, const double *theta, double *g)
{
    if (p->outer)
        return p->outer(p->outer_ctx, theta, g);
    if (g)
        gradient_of(p->train, theta, g);
    return p->train->ops->value(p->train->ctx, theta);
}

int lr_hypergrad(const lr_problem *p, const double *start, double alpha,
                 lr_result *out)
{
    const objective *f = p->train;
    size_t n = f->dim;
    tangents w;
    double *theta = malloc(n * sizeof *theta);
    if (!theta || alloc_tangents(&w, n) < 0) {
        free(theta);
        return -1;
    }
    memcpy(theta, start, n * sizeof *theta);
    for (long t = 1; t <= p->steps; t++) {
        gradient_of(f, theta, w.g);
        hess_vec(f, theta, w.z, w.gdot, w.tmp);
        p->opt->direction(&p->op, w.state, n, t, w.g, w.d);
        tangent_step(p, &w, t);
        p->opt->apply(&p->op, w.state, n, t, w.g, w.d, alpha, theta);
        for (size_t i = 0; i < n; i++)
            w.z[i] -= alpha * w.ddot[i] + w.d[i];
    }
    out->loss = outer_loss(p, theta, w.g);
    /* As a run would report it (lr_loss): diverged is NaN. */
    if (run_value_diverged(out->loss))
        out->loss = NAN;
    out->dloss = 0.0;
    for (size_t i = 0; i < n; i++)
        out->dloss += w.g[i] * w.z[i];
    free(w.g);
    free(theta);
    return 0;
}

double lr_loss(const lr_problem *p, const double *start, double alpha)
{
    run_settings s = run_settings_default();
    s.opt = p->opt;
    s.op = p->op;
    s.lr = alpha;
    s.max_steps = p->steps;
    if (!gradient_available(p->train, s.grad))
        s.grad = gradient_available(p->train, GRAD_AD) ? GRAD_AD : GRAD_CENTRAL;
    run r;
    if (run_init(&r, p->train, &s, start) < 0)
        return NAN;
    while (run_step(&r) == RUN_RUNNING)
        ;
    double loss = r.status == RUN_DIVERGED ? NAN : outer_loss(p, r.theta, NULL);
    run_free(&r);
    return loss;
}

double lr_central(const lr_problem *p, const double *start, double alpha,
                  double h)
{
    return (lr_loss(p, start, alpha + h) - lr_loss(p, start, alpha - h)) /
           (2.0 * h);
}
