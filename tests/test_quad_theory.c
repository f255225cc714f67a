/* Theory on quadratics (DESIGN §5): which objectives are quadratics, their
 * eigenvalues and θ*, the predicted rates of sgd, heavy ball and
 * Nesterov against the rates measured on runs, the stability limits and
 * the optimal settings. */
#include <math.h>
#include <stdio.h>

#include "objective_open.h"
#include "quad_theory.h"
#include "run.h"
#include "suites.h"

static const char *const typed1 = "x^2 + 3*y^2 + x*y - x";
static const char *const typed2 = "2*(x-1)^2 + 0.5*(y+2)^2 + 0.8*(x-1)*(y+2)";

static int theory_of(const char *spec, quad_theory *q)
{
    objective o;
    objective_error e;
    CU_ASSERT_EQUAL_FATAL(objective_open(spec, &o, &e), 0);
    int rc = quad_theory_open(&o, o.start, q);
    objective_free(&o);
    return rc;
}

static void which_are_quadratics(void)
{
    quad_theory q;
    const char *yes[] = {"quadratic", "ill", "booth", "saddle", typed1, typed2};
    const char *no[] = {"rosenbrock", "beale", "himmelblau", "x^2 + y^4",
                        "x^2 + y", /* singular: no unique θ* */
                        "(x + y)^2"};
    for (int i = 0; i < 6; i++)
        CHECKF(theory_of(yes[i], &q) == 1, "%s is a quadratic", yes[i]);
    for (int i = 0; i < 6; i++)
        CHECKF(theory_of(no[i], &q) == 0, "%s is not", no[i]);
    CU_ASSERT_EQUAL(theory_of("ill", &q), 1);
    CU_ASSERT_DOUBLE_EQUAL(q.lambda[0], 1.0, 1e-13);
    CU_ASSERT_DOUBLE_EQUAL(q.lambda[1], 100.0, 1e-12);
    /* The steep direction is the diagonal x = −y. */
    CU_ASSERT_DOUBLE_EQUAL(fabs(q.vecs[1] + q.vecs[3]), 0.0, 1e-13);
    CU_ASSERT(q.has_min);
    CU_ASSERT_EQUAL(theory_of("booth", &q), 1);
    CU_ASSERT_DOUBLE_EQUAL(q.lambda[0], 2.0, 1e-13);
    CU_ASSERT_DOUBLE_EQUAL(q.lambda[1], 18.0, 1e-13);
    CU_ASSERT_DOUBLE_EQUAL(q.theta_star[0], 1.0, 1e-14);
    CU_ASSERT_DOUBLE_EQUAL(q.theta_star[1], 3.0, 1e-14);
    CU_ASSERT_EQUAL(theory_of(typed2, &q), 1);
    CU_ASSERT_DOUBLE_EQUAL(q.theta_star[0], 1.0, 1e-14);
    CU_ASSERT_DOUBLE_EQUAL(q.theta_star[1], -2.0, 1e-14);
    CU_ASSERT_DOUBLE_EQUAL(q.lambda[0], 0.8, 1e-14);
    CU_ASSERT_DOUBLE_EQUAL(q.lambda[1], 4.2, 1e-14);
    CU_ASSERT_EQUAL(theory_of("saddle", &q), 1);
    CU_ASSERT_FALSE(q.has_min);
}

/* Settings whose roots are real, with the slowest direction well
 * separated from the rest, so that after 60 updates the one-step ratio
 * is the predicted rate (what is left of the others is below 1e-8); the
 * last measurable one, before θ comes within 1e-8 of θ*. */
typedef struct {
    const char *objective, *optimizer;
    double lr, weight_decay, dampening;
} rate_case;

static void rates_predicted_and_measured(void)
{
    const rate_case cases[] = {
        {"quadratic", "sgd", 0.1, 0, 0}, {"quadratic", "momentum", 0.1, 0, 0},
        {"quadratic", "nesterov", 0.1, 0, 0}, {"ill", "sgd", 0.015, 0, 0},
        {"ill", "momentum", 0.004, 0, 0}, {"ill", "nesterov", 0.004, 0, 0},
        {"booth", "sgd", 0.02, 0, 0}, {"booth", "momentum", 0.02, 0, 0},
        {"booth", "nesterov", 0.02, 0, 0}, {typed1, "sgd", 0.05, 0, 0},
        {typed1, "momentum", 0.05, 0, 0}, {typed1, "nesterov", 0.05, 0, 0},
        {typed2, "sgd", 0.2, 0, 0}, {typed2, "momentum", 0.1, 0, 0},
        {typed2, "nesterov", 0.1, 0, 0},
        /* Coupled weight decay: f + W‖θ‖²/2, toward θ*_W; dampening. */
        {"booth", "sgd", 0.02, 0.5, 0}, {typed2, "momentum", 0.1, 0.3, 0},
        {typed1, "nesterov", 0.05, 0.2, 0}, {"ill", "momentum", 0.008, 0, 0.5}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const rate_case *c = &cases[k];
        objective o;
        objective_error e;
        CU_ASSERT_EQUAL_FATAL(objective_open(c->objective, &o, &e), 0);
        quad_theory q;
        CU_ASSERT_EQUAL_FATAL(quad_theory_open(&o, o.start, &q), 1);
        run_settings s = run_settings_default();
        s.opt = optimizer_find(c->optimizer);
        s.op.momentum = 0.1;
        s.op.weight_decay = c->weight_decay;
        s.op.dampening = c->dampening;
        s.lr = c->lr;
        s.grad = gradient_available(&o, GRAD_ANALYTIC) ? GRAD_ANALYTIC : GRAD_AD;
        run r;
        CU_ASSERT_EQUAL_FATAL(run_init(&r, &o, &s, o.start), CORE_OK);
        quad_theory eff;
        quad_theory_decayed(&q, s.opt, &s.op, &eff);
        quad_prediction p = quad_predict(&eff, s.opt, &s.op, s.lr);
        quad_meter m;
        quad_meter_reset(&m);
        for (int t = 0; t < 80; t++) {
            run_step(&r);
            quad_meter_add(&m, &eff, r.theta, r.theta_prev, r.step);
        }
        CHECKF(p.known && !p.complex && m.at >= 60 &&
                   fabs(m.last - p.rate) <= 1e-6,
               "%s, %s α %g W %g D %g: predicted %.12g, measured %.12g at %ld",
               c->objective, c->optimizer, c->lr, c->weight_decay,
               c->dampening, p.rate, m.last, m.at);
        run_free(&r);
        objective_free(&o);
    }
}

/* The limits in closed form: sgd 2/λ_max, heavy ball 2(1 + μ)/λ_max,
 * Nesterov (2 + 2μ)/((1 + 2μ)λ_max). */
static void stability_limits(void)
{
    quad_theory q;
    CU_ASSERT_EQUAL_FATAL(theory_of("ill", &q), 1);
    optim_params p = optim_params_default();
    p.momentum = 0.7;
    double want[3] = {2.0 / 100.0, 2.0 * 1.7 / 100.0, 3.4 / (2.4 * 100.0)};
    const optimizer_type *opts[3] = {&optim_sgd, &optim_momentum,
                                     &optim_nesterov};
    for (int i = 0; i < 3; i++) {
        quad_prediction a = quad_predict(&q, opts[i], &p, 0.01);
        CHECKF(fabs(a.limit - want[i]) <= 1e-12 * want[i],
               "%s: limit %.17g, want %.17g", opts[i]->name, a.limit, want[i]);
        CU_ASSERT(quad_predict(&q, opts[i], &p, 0.999 * a.limit).rate < 1.0);
        CU_ASSERT(quad_predict(&q, opts[i], &p, 1.001 * a.limit).rate > 1.0);
    }
    CU_ASSERT_FALSE(quad_predict(&q, &optim_adam, &p, 0.01).known);
    CU_ASSERT_EQUAL(theory_of("saddle", &q), 1);
    CU_ASSERT(isnan(quad_predict(&q, &optim_sgd, &p, 0.01).limit));
    CU_ASSERT_DOUBLE_EQUAL(quad_predict(&q, &optim_sgd, &p, 0.01).rate, 1.02,
                           1e-15); /* away from the saddle along y */
}

/* No setting on a grid beats the optimal ones, whose rates are what the
 * prediction gives at them. */
static void optimal_settings(void)
{
    const char *objs[] = {"ill", "booth", typed1};
    for (int k = 0; k < 3; k++) {
        quad_theory q;
        CU_ASSERT_EQUAL_FATAL(theory_of(objs[k], &q), 1);
        quad_optimum o = quad_optimal(&q);
        optim_params p = optim_params_default();
        CU_ASSERT_DOUBLE_EQUAL(quad_predict(&q, &optim_sgd, &p, o.sgd_lr).rate,
                               o.sgd_rate, 1e-12);
        p.momentum = o.hb_mu;
        CU_ASSERT_DOUBLE_EQUAL(
            quad_predict(&q, &optim_momentum, &p, o.hb_lr).rate, o.hb_rate,
            1e-6); /* a double root: √ of rounding */
        p.momentum = o.nag_mu;
        CU_ASSERT_DOUBLE_EQUAL(
            quad_predict(&q, &optim_nesterov, &p, o.nag_lr).rate, o.nag_rate,
            1e-6);
        double best_sgd = INFINITY, best_hb = INFINITY, best_nag = INFINITY;
        double top = 2.5 / q.lambda[q.n - 1];
        for (int i = 1; i <= 400; i++) {
            double lr = top * i / 400.0;
            p.momentum = 0.0;
            best_sgd = fmin(best_sgd, quad_predict(&q, &optim_sgd, &p, lr).rate);
            for (int j = 0; j < 100; j++) {
                p.momentum = j / 100.0;
                best_hb = fmin(best_hb,
                               quad_predict(&q, &optim_momentum, &p, 2 * lr).rate);
                best_nag = fmin(best_nag,
                                quad_predict(&q, &optim_nesterov, &p, lr).rate);
            }
        }
        CHECKF(best_sgd >= o.sgd_rate - 1e-9 && best_hb >= o.hb_rate - 1e-9 &&
                   best_nag >= o.nag_rate - 1e-9,
               "%s: grid %g %g %g below optimal %g %g %g", objs[k], best_sgd,
               best_hb, best_nag, o.sgd_rate, o.hb_rate, o.nag_rate);
        CHECKF(best_hb <= o.hb_rate + 0.02 && best_nag <= o.nag_rate + 0.02,
               "%s: the grid finds near the optimum", objs[k]);
    }
}

void suite_quad_theory(void)
{
    static const test_case tests[] = {
        {"which objectives are quadratics", which_are_quadratics},
        {"predicted rates are measured", rates_predicted_and_measured},
        {"stability limits", stability_limits},
        {"optimal settings", optimal_settings},
        {NULL, NULL}};
    add_suite("quad_theory", tests);
}
