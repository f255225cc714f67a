/* Hypergradient descent: hand-computed first steps, the clamp, and the
 * reference trajectories computed with the paper's rules. */
#include <math.h>
#include <stdio.h>

#include "axis_quad.h"
#include "builtins.h"
#include "ref_match.h"
#include "suites.h"

static run start_quad(hd_mode mode, double beta)
{
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    s.lr = 1e-3;
    s.hd = (hd_setting){mode, beta, 0.0, INFINITY};
    s.max_steps = 100000;
    run r;
    run_init(&r, &axis_quad, &s, (double[]){1, 1});
    return r;
}

static void add_by_hand(void)
{
    run r = start_quad(HD_ADD, 1e-6);
    run_step(&r);
    /* t = 1: d_0 = 0, so α is unchanged and h is 0. */
    CU_ASSERT_EQUAL(r.lr, 1e-3);
    CU_ASSERT_EQUAL(r.last.hypergrad, 0.0);
    CU_ASSERT_DOUBLE_EQUAL(r.theta[0], 0.999, 1e-16);
    CU_ASSERT_DOUBLE_EQUAL(r.theta[1], 0.9, 1e-16);
    run_step(&r);
    /* t = 2: g_2 = (0.999, 90), d_1 = (1, 100): h = 9000.999. */
    CU_ASSERT_DOUBLE_EQUAL(r.last.hypergrad, 9000.999, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(r.lr, 1e-3 + 1e-6 * 9000.999, 1e-17);
    CU_ASSERT_DOUBLE_EQUAL(r.last.lr_prev, 1e-3, 1e-18);
    run_free(&r);
}

static void mult_by_hand(void)
{
    run r = start_quad(HD_MULT, 0.02);
    run_step(&r);
    run_step(&r);
    double c = (0.999 + 9000.0) / (sqrt(0.999 * 0.999 + 8100.0) * sqrt(10001.0));
    CU_ASSERT_DOUBLE_EQUAL(r.last.hypergrad, c, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(r.lr, 1e-3 * (1.0 + 0.02 * c), 1e-18);
    run_free(&r);
}

static void clamp(void)
{
    double g[2] = {1, 0}, d[2] = {-1, 0};
    hd_result h = hd_update((hd_setting){HD_ADD, 1.0, 0.5, 2.0}, 1.0, g, d, 2);
    CU_ASSERT_TRUE(h.clamped);
    CU_ASSERT_EQUAL(h.lr, 0.5);
    h = hd_update((hd_setting){HD_ADD, 5.0, 0.5, 2.0}, 1.0, g, (double[]){1, 0}, 2);
    CU_ASSERT_TRUE(h.clamped);
    CU_ASSERT_EQUAL(h.lr, 2.0);
    /* Without a lower clamp additive HD can make α negative. */
    h = hd_update((hd_setting){HD_ADD, 2.0, -INFINITY, INFINITY}, 1.0, g, d, 2);
    CU_ASSERT_FALSE(h.clamped);
    CU_ASSERT_EQUAL(h.lr, -1.0);
    /* mult: a zero vector leaves α alone. */
    h = hd_update((hd_setting){HD_MULT, 0.5, 0, INFINITY}, 1.0, g, (double[]){0, 0}, 2);
    CU_ASSERT_EQUAL(h.lr, 1.0);
    CU_ASSERT_EQUAL(h.h, 0.0);
    /* off: nothing changes, not even by the clamp. */
    h = hd_update((hd_setting){HD_OFF, 0.5, 2.0, 3.0}, 1.0, g, d, 2);
    CU_ASSERT_EQUAL(h.lr, 1.0);
    CU_ASSERT_FALSE(h.clamped);
}

static void check_ref(run *r, const char *file)
{
    double err = ref_match(r, file);
    char msg[256];
    snprintf(msg, sizeof msg, "%s: worst relative error %g", file, err);
    CHECK_MSG(err >= 0.0 && err <= 1e-9, msg);
    run_free(r);
}

static void sgd_hd_ref(void)
{
    run r = start_quad(HD_ADD, 1e-6);
    check_ref(&r, "hd_quad_sgdhd_a0.001_b1e-06.csv");
}

static void sgd_hd_mult_ref(void)
{
    /* The loss climbs to 2e87 near step 324 before converging. */
    run r = start_quad(HD_MULT, 0.02);
    check_ref(&r, "hd_quad_sgdhd_mult_a0.001_b0.02.csv");
    CU_ASSERT_EQUAL(r.status, RUN_RUNNING);
}

static void adam_hd_ref(void)
{
    const builtin_type *t = builtin_find("rosenbrock");
    objective obj;
    objective_builtin(&obj, t);
    run_settings s = run_settings_default();
    s.lr = 1e-3;
    s.hd = (hd_setting){HD_ADD, 1e-7, 0.0, INFINITY};
    s.max_steps = 12000;
    run r;
    run_init(&r, &obj, &s, t->start);
    check_ref(&r, "hd_rosenbrock_adamhd_a0.001_b1e-07.csv");
    objective_free(&obj);
}

void suite_hypergrad(void)
{
    static const test_case tests[] = {
        {"additive rule by hand", add_by_hand},
        {"multiplicative rule by hand", mult_by_hand},
        {"clamp", clamp},
        {"SGD-HD matches the paper's rule", sgd_hd_ref},
        {"SGD-HD mult matches the paper's rule", sgd_hd_mult_ref},
        {"Adam-HD matches the paper's rule", adam_hd_ref},
        {NULL, NULL}};
    add_suite("hypergrad", tests);
}
