/* Every built-in's analytic gradient and Hessian against central
 * differences at 200 points spread over its view box. */
#include <math.h>
#include <stdint.h>

#include "builtins.h"
#include "gradient.h"
#include "suites.h"

/* splitmix64: a fixed, portable sequence of test points. */
static double uniform(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    z ^= z >> 31;
    return (double)(z >> 11) / 9007199254740992.0;
}

/* Central differences with step h have truncation error ~h²|f'''|/6 and
 * rounding error ~ε|f|/h. With h = 1e-5 scaled by the view box and the
 * functions' magnitudes (goldstein reaches 1e6), the error relative to
 * |a|+|b| stays below 1e-6 except where a component is itself tiny
 * compared with the function's scale; that case is judged by an
 * absolute bound scaled by the gradient's norm. */
static void check_close(double a, double b, double scale, const char *what)
{
    double err = fabs(a - b);
    int ok = gradient_rel_error(a, b) < 1e-6 || err < 1e-7 * scale;
    CHECK_MSG(ok, what);
}

static void grad_and_hess_match(void)
{
    uint64_t seed = 42;
    for (const builtin_type *const *tp = builtin_types; *tp; tp++) {
        const builtin_type *t = *tp;
        objective obj;
        CU_ASSERT_FATAL(objective_builtin(&obj, t) == 0);
        double w = t->view[1] - t->view[0], hgt = t->view[3] - t->view[2];
        double hstep = 1e-5 * fmax(w, hgt) / 4.0;
        for (int k = 0; k < 200; k++) {
            double x[2] = {t->view[0] + w * uniform(&seed),
                           t->view[2] + hgt * uniform(&seed)};
            double g[2], gc[2], h[4];
            t->grad(x, g);
            gradient_central(&obj, hstep, x, gc);
            double scale = 1.0 + fabs(g[0]) + fabs(g[1]) + fabs(t->f(x)) * 1e-3;
            check_close(g[0], gc[0], scale, t->name);
            check_close(g[1], gc[1], scale, t->name);
            /* Hessian rows are central differences of the gradient. */
            t->hess(x, h);
            CU_ASSERT_EQUAL(h[1], h[2]);
            for (int j = 0; j < 2; j++) {
                double xp[2] = {x[0], x[1]}, xm[2] = {x[0], x[1]};
                double gp[2], gm[2];
                xp[j] += hstep;
                xm[j] -= hstep;
                t->grad(xp, gp);
                t->grad(xm, gm);
                double hs = 1.0 + fabs(h[0]) + fabs(h[3]) + fabs(h[1]);
                for (int i = 0; i < 2; i++)
                    check_close(h[2 * j + i], (gp[i] - gm[i]) / (2 * hstep),
                                hs, t->name);
            }
        }
        objective_free(&obj);
    }
}

/* The built-ins' formulas in the expression language, differentiated
 * automatically, agree with the hand-written derivatives. Both are exact
 * up to rounding, so the bound is a few hundred ulps of the terms'
 * magnitude (goldstein's terms reach 1e6 where f is small). */
static void ad_matches_analytic(void)
{
    uint64_t seed = 7;
    for (const builtin_type *const *tp = builtin_types; *tp; tp++) {
        const builtin_type *t = *tp;
        objective obj;
        CU_ASSERT_FATAL(objective_builtin(&obj, t) == 0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(obj.ops->gradient_ad);
        double w = t->view[1] - t->view[0], hgt = t->view[3] - t->view[2];
        for (int k = 0; k < 200; k++) {
            double x[2] = {t->view[0] + w * uniform(&seed),
                           t->view[2] + hgt * uniform(&seed)};
            double g[2], ga[2], h[4], ha[4];
            t->grad(x, g);
            obj.ops->gradient_ad(obj.ctx, x, ga);
            t->hess(x, h);
            obj.ops->hessian_ad(obj.ctx, x, ha);
            CHECK_MSG(fabs(obj.ops->value(obj.ctx, x) - t->f(x)) <=
                          1e-12 * (1 + fabs(t->f(x))), t->name);
            double gs = 1.0 + fabs(g[0]) + fabs(g[1]) + 1e-9 * fabs(t->f(x));
            double hs = 1.0 + fabs(h[0]) + fabs(h[1]) + fabs(h[3]) + 1e-9 * fabs(t->f(x));
            for (int i = 0; i < 2; i++)
                CHECK_MSG(fabs(g[i] - ga[i]) <= 1e-11 * gs, t->name);
            for (int i = 0; i < 4; i++)
                CHECK_MSG(fabs(h[i] - ha[i]) <= 1e-11 * hs, t->name);
        }
        objective_free(&obj);
    }
}

static void minima_are_stationary(void)
{
    for (const builtin_type *const *tp = builtin_types; *tp; tp++) {
        const builtin_type *t = *tp;
        for (size_t i = 0; i < t->n_minima; i++) {
            double g[2];
            t->grad(t->minima[i], g);
            CU_ASSERT(hypot(g[0], g[1]) < 1e-6);
            CU_ASSERT(fabs(t->f(t->minima[i]) - t->min_value) < 1e-9);
            /* A minimum lies inside the view box. */
            CU_ASSERT(t->minima[i][0] >= t->view[0] && t->minima[i][0] <= t->view[1]);
            CU_ASSERT(t->minima[i][1] >= t->view[2] && t->minima[i][1] <= t->view[3]);
        }
    }
}

static void known_values(void)
{
    const builtin_type *r = builtin_find("rosenbrock");
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(r->f((double[]){-1.5, 2}), 12.5);
    CU_ASSERT_EQUAL(builtin_find("beale")->f((double[]){1, 1.5}), 41.25);
    CU_ASSERT_DOUBLE_EQUAL(builtin_find("goldstein")->f((double[]){0, -1}), 3.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(builtin_find("rastrigin")->f((double[]){0, 0}), 0.0, 1e-12);
    /* ill is steep across the diagonal x = -y, gentle along x = y. */
    const builtin_type *ill = builtin_find("ill");
    CU_ASSERT_DOUBLE_EQUAL(ill->f((double[]){1, 1}), 1.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(ill->f((double[]){1, -1}), 100.0, 1e-12);
    CU_ASSERT_PTR_NULL(builtin_find("nope"));
    int count = 0;
    for (const builtin_type *const *tp = builtin_types; *tp; tp++)
        count++;
    CU_ASSERT_EQUAL(count, 11);
}

void suite_builtins(void)
{
    static const test_case tests[] = {
        {"analytic gradient and Hessian vs central differences", grad_and_hess_match},
        {"AD gradient and Hessian vs analytic", ad_matches_analytic},
        {"known minima are stationary", minima_are_stationary},
        {"known values", known_values},
        {NULL, NULL}};
    add_suite("builtins", tests);
}
