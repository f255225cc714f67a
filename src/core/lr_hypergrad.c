/* Forward-mode differentiation of a whole run in its learning rate. The
 * primal updates are the optimisers' own (direction, then apply), so
 * L(α) here is the run's loss; each optimiser differentiates its own
 * direction by hand (its tangent entry), with ġ = H Z the tangent of the
 * gradient, and then Z_t = Z_{t-1} - α Ḋ_t - d_t. */
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

/* The buffers of one forward-mode run: five vectors, the state and its
 * tangent (len doubles each), and the scratch of hess_vec. */
static int alloc_tangents(tangents *w, size_t n, size_t len)
{
    size_t tmp = n * n > 2 * n ? n * n : 2 * n;
    double *b = calloc(5 * n + 2 * len + tmp, sizeof *b);
    if (!b)
        return -1;
    *w = (tangents){n, b, b + n, b + 2 * n, b + 3 * n, b + 4 * n, b + 5 * n,
                    b + 5 * n + len, b + 5 * n + 2 * len};
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

core_error lr_hypergrad(const lr_problem *p, const double *start,
                        double alpha, lr_result *out)
{
    const objective *f = p->train;
    const optimizer_type *o = p->opt;
    size_t n = f->dim;
    if (!o->tangent)
        return CORE_EUNSUPPORTED;
    tangents w;
    optim_params op = p->op;
    op.single = f->single;
    double *theta = malloc(n * sizeof *theta);
    if (!theta || alloc_tangents(&w, n, optim_state_len(o, &op, n)) < 0) {
        free(theta);
        return CORE_ENOMEM;
    }
    memcpy(theta, start, n * sizeof *theta);
    /* The state starts from constants: its tangent from zero. */
    optim_init(o, &op, w.state, n);
    for (long t = 1; t <= p->steps; t++) {
        gradient_of(f, theta, w.g);
        hess_vec(f, theta, w.z, w.gdot, w.tmp);
        optim_direction(o, &op, w.state, n, t, w.g, theta, w.d);
        optim_tangent(o, &op, w.state, w.sdot, n, t, w.g, w.gdot, w.z,
                      w.ddot);
        o->apply(&op, w.state, n, t, w.g, w.d, alpha, theta);
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
    return CORE_OK;
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
