/* Hyperparameter search: ridge's λ by its implicit hypergradient against
 * grid, random and Bayesian search; the learning rate of a model. */
#include <math.h>
#include <stdio.h>

#include <gsl/gsl_errno.h>

#include "hpo_lr.h"
#include "hpo_ridge.h"
#include "hpo_values.h"
#include "model_open.h"
#include "suites.h"

static int open_ridge(objective *o, ridge_hpo *r)
{
    gsl_set_error_handler_off();
    model_spec s = model_spec_default();
    data_file_error e;
    char err[200];
    if (model_open(&model_ridge, &s, o, &e) < 0)
        return -1;
    return ridge_hpo_init(r, model_of(o), err, sizeof err);
}

/* dE/dλ against (E(λ + h) - E(λ - h)) / 2h across the range; h is not
 * below 1e-4, where rounding in E would swamp the difference. */
static void ridge_hypergradient(void)
{
    objective o;
    ridge_hpo r;
    CU_ASSERT_EQUAL_FATAL(open_ridge(&o, &r), 0);
    long solves = 0;
    for (double lam = 1e-3; lam <= 1e5; lam *= 7.3) {
        double e, de, ep, em, h = 1e-5 * (lam + 10.0);
        CU_ASSERT_EQUAL(ridge_hpo_eval(&r, lam, &e, &de, &solves), 0);
        ridge_hpo_eval(&r, lam + h, &ep, NULL, &solves);
        ridge_hpo_eval(&r, lam - h, &em, NULL, &solves);
        double fd = (ep - em) / (2 * h);
        char msg[120];
        snprintf(msg, sizeof msg, "λ %g: implicit %.10g central %.10g", lam,
                 de, fd);
        CHECK_MSG(fabs(de - fd) <= 1e-6 * fabs(fd), msg);
    }
    CU_ASSERT_EQUAL(solves, 4 * 10);
    ridge_hpo_free(&r);
    objective_free(&o);
}

/* w*(λ) minimises the model's objective with that λ, and E is the
 * model's validation loss there. */
static void ridge_solution_is_the_model_minimum(void)
{
    objective o;
    ridge_hpo r;
    CU_ASSERT_EQUAL_FATAL(open_ridge(&o, &r), 0);
    model *m = model_of(&o);
    double e, g[10];
    long solves = 0;
    CU_ASSERT_EQUAL_FATAL(ridge_hpo_eval(&r, m->lambda, &e, NULL, &solves), 0);
    const double *w = r.w->data;
    model_train(m, w, g);
    double gn = 0;
    for (int i = 0; i < 10; i++)
        gn = fmax(gn, fabs(g[i]));
    CU_ASSERT(gn < 1e-9 * m->scale);
    CU_ASSERT_DOUBLE_EQUAL(e, model_val_loss(m, w, NULL), 1e-12 * e);
    ridge_hpo_free(&r);
    objective_free(&o);
}

/* The gradient method reaches the grid's best within 1% (here within
 * 0.01%), and so do Bayesian optimisation and random search. */
static void methods_reach_grid_best(void)
{
    objective o;
    ridge_hpo r;
    CU_ASSERT_EQUAL_FATAL(open_ridge(&o, &r), 0);
    hpo_problem p = ridge_hpo_problem(&r, 1e-3, 1e5);
    hpo_trace t = {0};
    hpo_settings s = {HPO_GRID, 101, 0, 0};
    CU_ASSERT_EQUAL_FATAL(hpo_search(&p, &s, &t), 0);
    CU_ASSERT_EQUAL(t.n, 101);
    CU_ASSERT_EQUAL(t.e[100].cost, 101);
    double grid_best = t.e[t.n - 1].best;
    for (int m = HPO_RANDOM; m <= HPO_GRADIENT; m++) {
        s.method = (hpo_method)m;
        s.budget = 40;
        CU_ASSERT_EQUAL_FATAL(hpo_search(&p, &s, &t), 0);
        long reach = hpo_cost_to_reach(&t, grid_best, 1e-2);
        char msg[120];
        snprintf(msg, sizeof msg, "%s: best %.8g vs grid %.8g, reached at %ld",
                 hpo_method_name(s.method), t.e[t.n - 1].best, grid_best, reach);
        CHECK_MSG(reach > 0 && reach <= 10, msg);
        if (m != HPO_RANDOM)
            CHECK_MSG(t.e[t.n - 1].best <= grid_best * (1 + 1e-4), msg);
    }
    /* The gradient method stops once its steps vanish. */
    CU_ASSERT(t.n < 20);
    hpo_trace_free(&t);
    ridge_hpo_free(&r);
    objective_free(&o);
}

/* The validation loss of softmax on iris after 50 sgd steps, as a
 * function of α: the forward-mode derivative against central
 * differences, and the gradient method beating the grid's best on the
 * same budget of training runs. */
static void learning_rate(void)
{
    model_spec s = model_spec_default();
    objective o;
    data_file_error e;
    CU_ASSERT_EQUAL_FATAL(model_open(&model_softmax, &s, &o, &e), 0);
    lr_hpo l;
    lr_hpo_init(&l, &o, &optim_sgd, 50);
    lr_result r;
    CU_ASSERT_EQUAL_FATAL(lr_hypergrad(&l.p, l.start, 0.3, &r), 0);
    double fd = lr_central(&l.p, l.start, 0.3, 1e-6);
    CU_ASSERT(fabs(r.dloss - fd) <= 1e-6 * fabs(fd));
    hpo_problem p = lr_hpo_problem(&l, 1e-3, 10.0);
    hpo_trace grid = {0}, grad = {0};
    hpo_settings hs = {HPO_GRID, 12, 0, 0};
    CU_ASSERT_EQUAL_FATAL(hpo_search(&p, &hs, &grid), 0);
    hs.method = HPO_GRADIENT;
    CU_ASSERT_EQUAL_FATAL(hpo_search(&p, &hs, &grad), 0);
    CU_ASSERT(grad.e[grad.n - 1].cost <= 12);
    CU_ASSERT(grad.e[grad.n - 1].best <= grid.e[grid.n - 1].best);
    hpo_trace_free(&grid);
    hpo_trace_free(&grad);
    objective_free(&o);
}

/* A learning-rate-like problem: above 0.01 every run diverges (NaN),
 * below it E = (log h - log 1e-3)², smallest at h = 1e-3. */
static int cliff(void *ctx, double h, double *value, double *deriv,
                 long *cost)
{
    (void)ctx;
    ++*cost;
    double d = log(h) - log(1e-3);
    *value = h > 0.01 ? NAN : d * d;
    if (deriv)
        *deriv = h > 0.01 ? NAN : 2.0 * d / h;
    return 0;
}

/* Evaluations that diverge are never the best, also when the first one
 * does (the best was NaN for good); a search that only diverged has a
 * NaN best. */
static void diverged_evaluations_skipped(void)
{
    hpo_problem p = {cliff, NULL, 1e-4, 1.0};
    hpo_trace t = {0};
    double v;
    CU_ASSERT_EQUAL(hpo_record(&p, &t, 0.5, &v, NULL), 0);
    CU_ASSERT_TRUE(isnan(t.e[0].best));
    CU_ASSERT_EQUAL(hpo_record(&p, &t, 2e-3, &v, NULL), 0);
    CU_ASSERT_EQUAL(t.e[1].best_h, 2e-3);
    CU_ASSERT_EQUAL(hpo_record(&p, &t, 0.2, &v, NULL), 0);
    CU_ASSERT_EQUAL(t.e[2].best_h, 2e-3);
    hpo_problem all_diverge = {cliff, NULL, 0.1, 1.0};
    hpo_settings s = {HPO_RANDOM, 10, 0, 0};
    CU_ASSERT_EQUAL(hpo_search(&all_diverge, &s, &t), 0);
    CU_ASSERT_TRUE(isnan(t.e[t.n - 1].best));
    hpo_trace_free(&t);
}

/* From a diverged start the gradient method backs off towards lo rather
 * than evaluating the same h again, then finds the minimum. */
static void gradient_backs_off(void)
{
    hpo_problem p = {cliff, NULL, 1e-5, 1.0};
    hpo_trace t = {0};
    hpo_settings s = {HPO_GRADIENT, 30, 0, 0.5};
    CU_ASSERT_EQUAL_FATAL(hpo_search(&p, &s, &t), 0);
    for (size_t i = 1; i < t.n; i++)
        CHECKF(t.e[i].h != t.e[i - 1].h || !isnan(t.e[i].value),
               "evaluation %zu repeats the diverged h %g", i + 1, t.e[i].h);
    CHECKF(fabs(log(t.e[t.n - 1].best_h / 1e-3)) < 1e-3,
           "best h %g after %zu evaluations", t.e[t.n - 1].best_h, t.n);
    hpo_trace_free(&t);
}

/* Budgets beyond a method's limit are refused, not attempted. */
static void budget_limits(void)
{
    hpo_problem p = {cliff, NULL, 1e-4, 1.0};
    hpo_trace t = {0};
    hpo_settings s = {HPO_BAYES, HPO_BAYES_MAX_EVALS + 1, 0, 0};
    CU_ASSERT_EQUAL(hpo_search(&p, &s, &t), -1);
    s = (hpo_settings){HPO_GRID, HPO_MAX_EVALS + 1, 0, 0};
    CU_ASSERT_EQUAL(hpo_search(&p, &s, &t), -1);
    s.budget = 0;
    CU_ASSERT_EQUAL(hpo_search(&p, &s, &t), -1);
    CU_ASSERT_EQUAL(t.n, 0);
    hpo_trace_free(&t);
}

/* The options as the command line and a lesson's view take them, and a
 * search opened on them: every method, the grid always. */
static void options_and_setup(void)
{
    hpo_options o;
    option_error e;
    hpo_options_default(&o);
    double lo, hi;
    hpo_options_range(&o, &lo, &hi);
    CU_ASSERT(lo == 1e-3 && hi == 1e5);
    CU_ASSERT_EQUAL(hpo_options_set(&o, HOPT_RANGE, "1:0.5", &e), -1);
    CU_ASSERT_STRING_EQUAL(e.message, "needs 0 < LO < HI, got 1:0.5");
    CU_ASSERT_EQUAL(hpo_options_set(&o, HOPT_METHOD, "grads", &e), -1);
    CU_ASSERT_EQUAL(hpo_options_set(&o, HOPT_BUDGET, "0", &e), -1);
    CU_ASSERT_EQUAL(hpo_options_set(&o, HOPT_OVER, "lr", &e), 0);
    hpo_options_range(&o, &lo, &hi);
    CU_ASSERT(lo == 1e-4 && hi == 1);
    CU_ASSERT_EQUAL(hpo_options_set(&o, HOPT_OVER, "lambda", &e), 0);
    CU_ASSERT_EQUAL(hpo_options_set(&o, HOPT_METHOD, "bayes", &e), 0);
    CU_ASSERT_EQUAL(hpo_options_set(&o, HOPT_BUDGET, "8", &e), 0);
    objective obj;
    ridge_hpo unused;
    CU_ASSERT_EQUAL_FATAL(open_ridge(&obj, &unused), 0);
    ridge_hpo_free(&unused);
    hpo_setup s;
    CU_ASSERT_EQUAL_FATAL(hpo_setup_open(&s, &o, &obj, 0, &e), 0);
    hpo_trace t[HPO_METHOD_COUNT] = {{0}};
    const char *failed = NULL;
    CU_ASSERT_EQUAL(hpo_setup_search_all(&s, t, &failed), 0);
    CU_ASSERT_EQUAL(t[HPO_GRID].n, 101);
    CU_ASSERT_EQUAL(t[HPO_BAYES].n, 8);
    CU_ASSERT_EQUAL(t[HPO_RANDOM].n + t[HPO_GRADIENT].n, 0);
    for (int m = 0; m < HPO_METHOD_COUNT; m++)
        hpo_trace_free(&t[m]);
    hpo_setup_free(&s);
    /* λ is ridge's alone. */
    model_spec spec = model_spec_default();
    objective lin;
    data_file_error de;
    CU_ASSERT_EQUAL_FATAL(model_open(&model_linreg, &spec, &lin, &de), 0);
    CU_ASSERT_EQUAL(hpo_setup_open(&s, &o, &lin, 0, &e), -1);
    CU_ASSERT_STRING_EQUAL(e.message, "--over lambda needs --model ridge");
    objective_free(&lin);
    objective_free(&obj);
}

void suite_hpo(void)
{
    static const test_case tests[] = {
        {"ridge hypergradient vs central differences", ridge_hypergradient},
        {"w*(λ) is the ridge model's minimum",
         ridge_solution_is_the_model_minimum},
        {"methods reach the grid's best", methods_reach_grid_best},
        {"the learning rate of a model", learning_rate},
        {"diverged evaluations are never the best",
         diverged_evaluations_skipped},
        {"the gradient method backs off from divergence", gradient_backs_off},
        {"budgets beyond a method's limit", budget_limits},
        {"options and a search opened on them", options_and_setup},
        {NULL, NULL},
    };
    add_suite("hpo", tests);
}
