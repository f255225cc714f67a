/* Errors with a kind: each refusal of the run API says why, and leaves
 * the run exactly as it was (settings, α, state, θ, g, history counters);
 * a run that cannot start holds nothing. */
#include <math.h>
#include <string.h>

#include "builtins.h"
#include "lr_hypergrad.h"
#include "model_open.h"
#include "objective_open.h"
#include "run.h"
#include "suites.h"
#include "toy_optim.h"

/* Whether a and b are the same value: every field that says what the run
 * is and the whole block of vectors and state. */
static int same(const run *a, const run *b)
{
    const run_settings *x = &a->s, *y = &b->s;
    return x->opt == y->opt && x->lr == y->lr && x->grad == y->grad &&
           x->h == y->h && x->clip.mode == y->clip.mode &&
           x->clip.c == y->clip.c && x->hd.mode == y->hd.mode &&
           x->hd.beta == y->hd.beta && x->hd.lr_min == y->hd.lr_min &&
           x->hd.lr_max == y->hd.lr_max && x->batch == y->batch &&
           a->lr == b->lr && a->step == b->step &&
           a->opt_step == b->opt_step && a->state_len == b->state_len &&
           a->grad_norm == b->grad_norm && a->status == b->status &&
           memcmp(a->theta, b->theta, (6 * a->n + a->state_len) *
                                          sizeof(double)) == 0;
}

/* A run of adam on rosenbrock with clipping and hypergradients on, a
 * few updates in (so its state and α are not the initial ones), and a
 * copy of it to compare with. */
static void started(objective *o, run *r, run *before)
{
    objective_builtin(o, builtin_find("rosenbrock"));
    run_settings s = run_settings_default();
    s.lr = 0.01;
    s.clip = (clip_setting){CLIP_NORM, 5.0};
    s.hd = (hd_setting){HD_ADD, 1e-7, 0.0, INFINITY};
    CU_ASSERT_EQUAL_FATAL(run_init(r, o, &s, o->start), CORE_OK);
    for (int t = 0; t < 4; t++)
        run_step(r);
    CU_ASSERT_NOT_EQUAL(r->lr, 0.01);
    CU_ASSERT_EQUAL_FATAL(run_copy(before, r), CORE_OK);
}

static void finish(objective *o, run *r, run *before)
{
    run_free(r);
    run_free(before);
    objective_free(o);
}

static void refused_unchanged(void)
{
    objective o;
    run r, before;
    started(&o, &r, &before);
    CU_ASSERT_EQUAL(run_set_lr(&r, -1.0), CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_lr(&r, 0.0), CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_lr(&r, NAN), CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_lr(&r, INFINITY), CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_optimizer(&r, NULL), CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_grad(&r, GRAD_CENTRAL, 0.0), CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_grad(&r, GRAD_CENTRAL, NAN), CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_clip(&r, (clip_setting){CLIP_VALUE, 0.0}),
                    CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_clip(&r, (clip_setting){CLIP_NORM, NAN}),
                    CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_hd(&r, (hd_setting){HD_MULT, 0.02, 1.0, 1.0}),
                    CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_hd(&r, (hd_setting){HD_ADD, NAN, 0, INFINITY}),
                    CORE_ERANGE);
    /* An optimiser that takes no clipping or hypergradient, while both
     * are on. */
    CU_ASSERT_EQUAL(run_set_optimizer(&r, &toy_bare), CORE_EUNSUPPORTED);
    run_settings s = run_settings_of(&r);
    s.batch = 8;
    CU_ASSERT_EQUAL(run_set_settings(&r, &s), CORE_EBATCH);
    s = run_settings_of(&r);
    s.lr = -2.0;
    CU_ASSERT_EQUAL(run_set_settings(&r, &s), CORE_ERANGE);
    CU_ASSERT_TRUE(same(&r, &before));
    finish(&o, &r, &before);
}

/* Expressions have no analytic gradient; a model with minibatches takes
 * only the analytic one. */
static void gradient_refused_unchanged(void)
{
    objective o;
    objective_error oe;
    CU_ASSERT_EQUAL_FATAL(objective_open("x^2 + 3*y^2", &o, &oe), 0);
    run_settings s = run_settings_default();
    s.grad = GRAD_AD;
    run r, before;
    CU_ASSERT_EQUAL_FATAL(run_init(&r, &o, &s, o.start), CORE_OK);
    run_step(&r);
    CU_ASSERT_EQUAL_FATAL(run_copy(&before, &r), CORE_OK);
    CU_ASSERT_EQUAL(run_set_grad(&r, GRAD_ANALYTIC, 1e-7), CORE_ENOGRAD);
    CU_ASSERT_TRUE(same(&r, &before));
    double g[2];
    CU_ASSERT_EQUAL(gradient_eval(&o, GRAD_ANALYTIC, 1e-7, r.theta, g),
                    CORE_ENOGRAD);
    run_free(&before);
    run_free(&r);
    objective_free(&o);

    model_spec ms = model_spec_default();
    data_file_error de;
    CU_ASSERT_EQUAL_FATAL(model_open(model_find("softmax"), &ms, &o, &de), 0);
    s = run_settings_default();
    s.batch = 16;
    const double *t0 = model_of(&o)->theta0;
    CU_ASSERT_EQUAL_FATAL(run_init(&r, &o, &s, t0), CORE_OK);
    run_step(&r);
    CU_ASSERT_EQUAL_FATAL(run_copy(&before, &r), CORE_OK);
    CU_ASSERT_EQUAL(run_set_grad(&r, GRAD_CENTRAL, 1e-6), CORE_EBATCH);
    CU_ASSERT_TRUE(same(&r, &before));
    run_free(&before);
    run_free(&r);
    objective_free(&o);
}

/* What a change does when it is taken: the gradient anew, the α that
 * hypergradients reached kept unless a new one is given. */
static void accepted(void)
{
    objective o;
    run r, before;
    started(&o, &r, &before);
    double reached = r.lr;
    CU_ASSERT_EQUAL(run_set_clip(&r, (clip_setting){CLIP_VALUE, 3.0}),
                    CORE_OK);
    CU_ASSERT_EQUAL(r.lr, reached);
    CU_ASSERT_EQUAL(r.s.lr, 0.01);
    CU_ASSERT_EQUAL(run_set_grad(&r, GRAD_CENTRAL, 1e-5), CORE_OK);
    CU_ASSERT_NOT_EQUAL(memcmp(r.g, before.g, 2 * sizeof(double)), 0);
    CU_ASSERT_DOUBLE_EQUAL(r.g[0], before.g[0], 1e-4 * fabs(before.g[0]));
    run_settings s = run_settings_of(&r);
    s.lr = 0.02;
    CU_ASSERT_EQUAL(run_set_settings(&r, &s), CORE_OK);
    CU_ASSERT_EQUAL(r.lr, 0.02);
    CU_ASSERT_EQUAL(r.s.lr, 0.02);
    CU_ASSERT_EQUAL(memcmp(r.state, before.state, 4 * sizeof(double)), 0);
    /* An α that hypergradients drove to NaN is not a new α: other
     * settings still change. */
    r.lr = NAN;
    CU_ASSERT_EQUAL(run_set_clip(&r, (clip_setting){CLIP_NONE, 0.0}), CORE_OK);
    CU_ASSERT_TRUE(isnan(r.lr));
    finish(&o, &r, &before);
}

/* A run that cannot start says why and holds nothing to free. */
static void init_refused(void)
{
    objective o;
    objective_error oe;
    CU_ASSERT_EQUAL_FATAL(objective_open("x^2 + y^2", &o, &oe), 0);
    run_settings s = run_settings_default();
    run r;
    CU_ASSERT_EQUAL(run_init(&r, &o, &s, o.start), CORE_ENOGRAD);
    CU_ASSERT_PTR_NULL(r.theta);
    run_free(&r);
    s.grad = GRAD_AD;
    s.batch = 4;
    CU_ASSERT_EQUAL(run_init(&r, &o, &s, o.start), CORE_EBATCH);
    s.batch = 0;
    s.h = -1.0;
    CU_ASSERT_EQUAL(run_init(&r, &o, &s, o.start), CORE_ERANGE);
    s.h = 1e-7;
    s.opt = &toy_bare;
    s.clip = (clip_setting){CLIP_NORM, 1.0};
    CU_ASSERT_EQUAL(run_init(&r, &o, &s, o.start), CORE_EUNSUPPORTED);
    CU_ASSERT_PTR_NULL(r.theta);
    s.clip.mode = CLIP_NONE;
    CU_ASSERT_EQUAL(run_init(&r, &o, &s, o.start), CORE_OK);
    run_free(&r);
    objective_free(&o);
}

/* The forward-mode derivative needs the optimiser's tangent. */
static void no_tangent(void)
{
    objective o;
    objective_builtin(&o, builtin_find("quadratic"));
    lr_problem p = {.train = &o, .opt = &toy3, .op = optim_params_default(),
                    .steps = 3};
    lr_result res;
    CU_ASSERT_EQUAL(lr_hypergrad(&p, o.start, 0.1, &res), CORE_EUNSUPPORTED);
    p.opt = &optim_momentum;
    CU_ASSERT_EQUAL(lr_hypergrad(&p, o.start, 0.1, &res), CORE_OK);
    objective_free(&o);
}

static void messages(void)
{
    const core_error kinds[] = {CORE_ENOMEM, CORE_ENOGRAD, CORE_EBATCH,
                                CORE_ERANGE, CORE_EUNSUPPORTED};
    for (size_t i = 0; i < 5; i++) {
        CU_ASSERT(kinds[i] < 0);
        for (size_t j = 0; j < i; j++)
            CU_ASSERT_STRING_NOT_EQUAL(core_error_message(kinds[i]),
                                       core_error_message(kinds[j]));
    }
    CU_ASSERT_STRING_EQUAL(core_error_message(CORE_ENOMEM), "out of memory");
}

void suite_run_errors(void)
{
    static const test_case tests[] = {
        {"refusals leave the run unchanged", refused_unchanged},
        {"gradient refusals leave the run unchanged",
         gradient_refused_unchanged},
        {"accepted changes", accepted},
        {"a run that cannot start", init_refused},
        {"forward mode needs a tangent", no_tangent},
        {"one message per kind", messages},
        {NULL, NULL}};
    add_suite("run_errors", tests);
}
