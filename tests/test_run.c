#include <math.h>
#include <string.h>

#include "builtins.h"
#include "run.h"
#include "suites.h"

static objective obj_named(const char *name)
{
    objective o;
    objective_builtin(&o, builtin_find(name));
    return o;
}

static void stages_equal_steps(void)
{
    objective o = obj_named("rosenbrock");
    run_settings s = run_settings_default();
    s.clip = (clip_setting){CLIP_NORM, 5.0};
    s.hd = (hd_setting){HD_ADD, 1e-7, 0.0, INFINITY};
    run a, b;
    run_init(&a, &o, &s, o.start);
    run_init(&b, &o, &s, o.start);
    for (int t = 0; t < 20; t++) {
        run_step(&a);
        for (int k = 0; k < RUN_STAGE_COUNT; k++) {
            CU_ASSERT_EQUAL(b.next, (run_stage)k);
            CU_ASSERT_EQUAL(b.step, t);
            run_stage_step(&b);
        }
        CU_ASSERT_EQUAL(b.step, t + 1);
        CU_ASSERT_EQUAL(memcmp(a.theta, b.theta, 2 * sizeof(double)), 0);
        CU_ASSERT_EQUAL(a.lr, b.lr);
    }
    /* The gradient at the start is far above 5: the first update clips. */
    CU_ASSERT_TRUE(a.last.clipped || a.grad_norm <= 5.0);
    run_free(&a);
    run_free(&b);
    objective_free(&o);
}

static void copy_is_independent(void)
{
    objective o = obj_named("beale");
    run_settings s = run_settings_default();
    run a, b;
    run_init(&a, &o, &s, o.start);
    for (int t = 0; t < 5; t++)
        run_step(&a);
    CU_ASSERT_EQUAL_FATAL(run_copy(&b, &a), 0);
    run_step(&a);
    CU_ASSERT_EQUAL(b.step, 5);
    run_step(&b);
    CU_ASSERT_EQUAL(memcmp(a.theta, b.theta, 2 * sizeof(double)), 0);
    CU_ASSERT_EQUAL(memcmp(a.state, b.state, 4 * sizeof(double)), 0);
    CU_ASSERT_PTR_NOT_EQUAL(a.theta, b.theta);
    run_free(&a);
    run_free(&b);
    objective_free(&o);
}

static void diverges_with_step(void)
{
    objective o = obj_named("rosenbrock");
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    s.lr = 0.1;
    run r;
    run_init(&r, &o, &s, o.start);
    while (run_step(&r) == RUN_RUNNING)
        ;
    CU_ASSERT_EQUAL(r.status, RUN_DIVERGED);
    CU_ASSERT_PTR_NOT_NULL(r.diverged_what);
    CU_ASSERT(r.step > 1 && r.step < 20);
    long at = r.step;
    CU_ASSERT_EQUAL(run_step(&r), RUN_DIVERGED);
    CU_ASSERT_EQUAL(r.step, at);
    run_free(&r);
    objective_free(&o);
}

static void converges_with_tol(void)
{
    objective o = obj_named("quadratic");
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    s.lr = 0.5; /* exact in one step on x² + y² */
    s.tol = 1e-9;
    run r;
    run_init(&r, &o, &s, o.start);
    CU_ASSERT_EQUAL(run_step(&r), RUN_CONVERGED);
    CU_ASSERT_EQUAL(r.step, 1);
    CU_ASSERT_EQUAL(r.loss, 0.0);
    run_free(&r);
    objective_free(&o);
}

static void max_steps_and_stop(void)
{
    objective o = obj_named("booth");
    run_settings s = run_settings_default();
    s.max_steps = 3;
    run r;
    run_init(&r, &o, &s, o.start);
    while (run_step(&r) == RUN_RUNNING)
        ;
    CU_ASSERT_EQUAL(r.status, RUN_MAX_STEPS);
    CU_ASSERT_EQUAL(r.step, 3);
    run_free(&r);
    s.max_steps = 100;
    run_init(&r, &o, &s, o.start);
    run_step(&r);
    run_stop(&r);
    CU_ASSERT_EQUAL(run_step(&r), RUN_STOPPED);
    CU_ASSERT_EQUAL(r.step, 1);
    run_free(&r);
    objective_free(&o);
}

static void change_mid_run(void)
{
    objective o = obj_named("quadratic");
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    s.lr = 0.1;
    run r;
    run_init(&r, &o, &s, o.start);
    run_step(&r);
    CU_ASSERT_DOUBLE_EQUAL(r.theta[0], 1.5 * 0.8, 1e-15);
    CU_ASSERT_EQUAL(run_set_lr(&r, -1.0), CORE_ERANGE);
    CU_ASSERT_EQUAL(run_set_lr(&r, 0.25), 0);
    run_step(&r);
    CU_ASSERT_DOUBLE_EQUAL(r.theta[0], 1.5 * 0.8 * 0.5, 1e-15);
    CU_ASSERT_EQUAL(run_set_optimizer(&r, &optim_adam), 0);
    CU_ASSERT_EQUAL(r.opt_step, 0);
    run_step(&r);
    /* Adam's first step moves each coordinate by lr (sign of g). */
    CU_ASSERT_DOUBLE_EQUAL(r.theta[0], 0.6 - 0.25, 1e-8);
    CU_ASSERT_EQUAL(r.step, 3);
    CU_ASSERT_EQUAL(run_set_grad(&r, GRAD_CENTRAL, 1e-6), 0);
    CU_ASSERT_DOUBLE_EQUAL(r.g[0], 2 * r.theta[0], 1e-8);
    CU_ASSERT_EQUAL(run_set_grad(&r, GRAD_CENTRAL, 0.0), CORE_ERANGE);
    run_free(&r);
    objective_free(&o);
}

static void diverged_at_start(void)
{
    objective o = obj_named("quadratic");
    run_settings s = run_settings_default();
    run r;
    run_init(&r, &o, &s, (double[]){NAN, 0});
    CU_ASSERT_EQUAL(r.status, RUN_DIVERGED);
    CU_ASSERT_EQUAL(r.step, 0);
    run_free(&r);
    objective_free(&o);
}

void suite_run(void)
{
    static const test_case tests[] = {
        {"five stages make one step", stages_equal_steps},
        {"copy is independent", copy_is_independent},
        {"divergence ends the run", diverges_with_step},
        {"convergence by tolerance", converges_with_tol},
        {"max steps and stop", max_steps_and_stop},
        {"settings change mid-run", change_mid_run},
        {"diverged at the start", diverged_at_start},
        {NULL, NULL}};
    add_suite("run", tests);
}
