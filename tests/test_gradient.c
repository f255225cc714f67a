#include <math.h>
#include <string.h>

#include "builtins.h"
#include "gradient.h"
#include "suites.h"

static void methods_parse(void)
{
    grad_method m;
    CU_ASSERT_EQUAL(grad_method_parse("central", &m), 0);
    CU_ASSERT_EQUAL(m, GRAD_CENTRAL);
    CU_ASSERT_EQUAL(grad_method_parse("Central", &m), -1);
    CU_ASSERT_STRING_EQUAL(grad_method_name(GRAD_AD), "ad");
}

/* On a quadratic, central differences are exact up to rounding while
 * forward differences are off by h·f''/2. */
static void central_beats_forward(void)
{
    objective obj;
    objective_builtin(&obj, builtin_find("quadratic"));
    double x[2] = {0.3, -1.2}, gc[2], gf[2];
    CU_ASSERT_EQUAL(gradient_central(&obj, 1e-3, x, gc), 0);
    CU_ASSERT_EQUAL(gradient_forward(&obj, 1e-3, x, gf), 0);
    CU_ASSERT_DOUBLE_EQUAL(gc[0], 0.6, 1e-10);
    CU_ASSERT_DOUBLE_EQUAL(gc[1], -2.4, 1e-10);
    CU_ASSERT_DOUBLE_EQUAL(gf[0], 0.6 + 1e-3, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(gf[1], -2.4 + 1e-3, 1e-9);
    objective_free(&obj);
}

static void rel_error(void)
{
    CU_ASSERT_EQUAL(gradient_rel_error(1.0, 1.0), 0.0);
    CU_ASSERT_DOUBLE_EQUAL(gradient_rel_error(1.0, 3.0), 0.5, 1e-15);
    /* Both zero: the denominator is floored, not a division by zero. */
    CU_ASSERT_EQUAL(gradient_rel_error(0.0, 0.0), 0.0);
    CU_ASSERT_DOUBLE_EQUAL(gradient_rel_error(1e-13, 0.0), 0.1, 1e-15);
    double a[2] = {1, 2}, b[2] = {1, 2.5}, rel[2];
    CU_ASSERT_DOUBLE_EQUAL(gradient_check(a, b, 2, rel), 0.5 / 4.5, 1e-15);
    CU_ASSERT_EQUAL(rel[0], 0.0);
    double c[1] = {NAN}, d[1] = {1};
    CU_ASSERT(isnan(gradient_check(c, d, 1, NULL)));
}

static void availability(void)
{
    objective obj;
    objective_builtin(&obj, builtin_find("rosenbrock"));
    CU_ASSERT_TRUE(gradient_available(&obj, GRAD_ANALYTIC));
    CU_ASSERT_TRUE(gradient_available(&obj, GRAD_CENTRAL));
    double g[2];
    CU_ASSERT_EQUAL(gradient_eval(&obj, GRAD_ANALYTIC, 1e-7, (double[]){1, 1}, g), 0);
    CU_ASSERT_EQUAL(g[0], 0.0);
    CU_ASSERT_EQUAL(g[1], 0.0);
    objective_free(&obj);
}

/* The built-ins' specialised central differences give the very doubles
 * the generic ones give through value(). */
static void specialised_central_is_the_same(void)
{
    for (const builtin_type *const *t = builtin_types; *t; t++) {
        objective obj;
        objective_builtin(&obj, *t);
        CU_ASSERT_PTR_NOT_NULL_FATAL(obj.ops->gradient_central);
        for (int k = 0; k < 50; k++) {
            double x[2] = {(*t)->view[0] + 0.037 * k, (*t)->view[3] - 0.051 * k};
            double h = k % 2 ? 1e-7 : 1e-4, g[2], want[2];
            CU_ASSERT_EQUAL(gradient_central(&obj, h, x, g), 0);
            for (int i = 0; i < 2; i++) {
                double up[2] = {x[0], x[1]}, down[2] = {x[0], x[1]};
                up[i] += h;
                down[i] -= h;
                want[i] = (obj.ops->value(obj.ctx, up) - obj.ops->value(obj.ctx, down)) /
                          (up[i] - down[i]);
            }
            CU_ASSERT_EQUAL(memcmp(g, want, sizeof g), 0);
        }
        objective_free(&obj);
    }
}

void suite_gradient(void)
{
    static const test_case tests[] = {
        {"method names", methods_parse},
        {"central beats forward", central_beats_forward},
        {"relative error", rel_error},
        {"availability", availability},
        {"specialised central differences are the same",
         specialised_central_is_the_same},
        {NULL, NULL}};
    add_suite("gradient", tests);
}
