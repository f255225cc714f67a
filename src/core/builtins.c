/* The built-in test functions of DESIGN §5: the formulas (in
 * builtin_formulas.h, once for double and once for float32), their ops
 * tables and the table of types. */
#include <math.h>
#include <string.h>

#include "builtins.h"

#define T double
#define NAME(x) x
#include "builtin_formulas.h"
#undef T
#undef NAME
#define T float
#define NAME(x) x##32
#include "builtin_formulas.h"
#undef T
#undef NAME

/* Each built-in gets its own ops table whose value, gradient and Hessian
 * call its formulas directly: a gradient by central differences makes
 * four value calls, and a second indirection would cost more than
 * rosenbrock itself. The float32 table's take and give doubles holding
 * float32 values (x is rounded to float32 first). */
#define FNS(n)                                                           \
    .f = n##_f, .grad = n##_g, .hess = n##_h, .ops = &n##_ops
#define OPS_OF(n, S, T, out)                                             \
    static double n##_value##S(const void *ctx, const double *x)         \
    {                                                                    \
        (void)ctx;                                                       \
        T p[2] = {(T)x[0], (T)x[1]};                                     \
        return n##_f##S(p);                                              \
    }                                                                    \
    static void n##_central##S(const void *ctx, const double *x,         \
                               double h, double *g)                      \
    {                                                                    \
        (void)ctx;                                                       \
        T p[2] = {(T)x[0], (T)x[1]}, r[2];                               \
        central2##S(n##_f##S, p, (T)h, r);                               \
        g[0] = r[0];                                                     \
        g[1] = r[1];                                                     \
    }                                                                    \
    static void n##_gradient##S(const void *ctx, const double *x,        \
                                double *g)                               \
    {                                                                    \
        (void)ctx;                                                       \
        T p[2] = {(T)x[0], (T)x[1]}, r[2];                               \
        n##_g##S(p, r);                                                  \
        g[0] = r[0];                                                     \
        g[1] = r[1];                                                     \
    }                                                                    \
    static double n##_value_grad##S(const void *ctx, const double *x,    \
                                    double *g)                           \
    {                                                                    \
        n##_gradient##S(ctx, x, g);                                      \
        T p[2] = {(T)x[0], (T)x[1]};                                     \
        return n##_f##S(p);                                              \
    }                                                                    \
    static void n##_hessian##S(const void *ctx, const double *x,         \
                               double *h)                                \
    {                                                                    \
        (void)ctx;                                                       \
        T p[2] = {(T)x[0], (T)x[1]}, r[4];                               \
        n##_h##S(p, r);                                                  \
        for (int i = 0; i < 4; i++)                                      \
            h[i] = r[i];                                                 \
    }                                                                    \
    static const objective_ops out = {                                   \
        .value = n##_value##S,                                           \
        .gradient = n##_gradient##S,                                     \
        .value_grad = n##_value_grad##S,                                 \
        .gradient_central = n##_central##S,                              \
        .gradient_ad = builtin_gradient_ad##S,                           \
        .hessian = n##_hessian##S,                                       \
        .hessian_ad = builtin_hessian_ad##S,                             \
        .free = builtin_ctx_free,                                        \
        .single = &n##_ops32,                                            \
    };
#define OPS(n)                                                           \
    static const objective_ops n##_ops32;                                \
    OPS_OF(n, 32, float, n##_ops32)                                      \
    OPS_OF(n, , double, n##_ops)

OPS(quadratic)
OPS(ill)
OPS(rosenbrock)
OPS(banana)
OPS(beale)
OPS(booth)
OPS(himmelblau)
OPS(rastrigin)
OPS(camel)
OPS(goldstein)
OPS(saddle)

static const builtin_type quadratic = {
    "quadratic", "x² + y²", "x^2 + y^2",
    {-2, 2, -2, 2}, {1.5, 1.5}, 1, {{0, 0}}, 0.0, FNS(quadratic)};
static const builtin_type ill = {
    "ill", "½(u² + 100v²), u = (x+y)/√2, v = (x−y)/√2",
    "0.5*(((x+y)/sqrt(2))^2 + 100*((x-y)/sqrt(2))^2)",
    {-2, 2, -2, 2}, {-1.5, 1.0}, 1, {{0, 0}}, 0.0, FNS(ill)};
static const builtin_type rosenbrock = {
    "rosenbrock", "(1-x)² + 100(y-x²)²", "(1-x)^2 + 100*(y-x^2)^2",
    {-2, 2, -1, 3}, {-1.5, 2.0}, 1, {{1, 1}}, 0.0, FNS(rosenbrock)};
static const builtin_type banana = {
    "banana", "(1-x)² + 20(3y-x²)²", "(1-x)^2 + 20*(3*y-x^2)^2",
    {-2, 2, -1, 2}, {-1.5, 1.5}, 1, {{1, 1.0 / 3.0}}, 0.0, FNS(banana)};
static const builtin_type beale = {
    "beale", "(1.5-x+xy)² + (2.25-x+xy²)² + (2.625-x+xy³)²",
    "(1.5-x+x*y)^2 + (2.25-x+x*y^2)^2 + (2.625-x+x*y^3)^2",
    {-4.5, 4.5, -4.5, 4.5}, {1.0, 1.5}, 1, {{3, 0.5}}, 0.0, FNS(beale)};
static const builtin_type booth = {
    "booth", "(x+2y-7)² + (2x+y-5)²", "(x+2*y-7)^2 + (2*x+y-5)^2",
    {-10, 10, -10, 10}, {-8.0, 8.0}, 1, {{1, 3}}, 0.0, FNS(booth)};
static const builtin_type himmelblau = {
    "himmelblau", "(x²+y-11)² + (x+y²-7)²", "(x^2+y-11)^2 + (x+y^2-7)^2",
    {-5, 5, -5, 5}, {0.0, 0.0}, 4,
    {{3, 2},
     {-2.805118086952745, 3.131312518250573},
     {-3.779310253377747, -3.283185991286170},
     {3.584428340330492, -1.848126526964404}},
    0.0, FNS(himmelblau)};
static const builtin_type rastrigin = {
    "rastrigin", "20 + Σ(xᵢ² - 10cos 2πxᵢ)",
    "20 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))",
    {-5.12, 5.12, -5.12, 5.12}, {-3.2, 2.4}, 1, {{0, 0}}, 0.0, FNS(rastrigin)};
static const builtin_type camel = {
    "camel", "(4-2.1x²+x⁴/3)x² + xy + (-4+4y²)y²",
    "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2",
    {-3, 3, -2, 2}, {-2.0, 1.5}, 2,
    {{0.08984201368301331, -0.7126564032704135},
     {-0.08984201368301331, 0.7126564032704135}},
    -1.0316284534898774, FNS(camel)};
static const builtin_type goldstein = {
    "goldstein", "Goldstein–Price",
    "(1 + (x+y+1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
    " * (30 + (2*x-3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
    {-2, 2, -2, 2}, {-1.5, 1.5}, 1, {{0, -1}}, 3.0, FNS(goldstein)};
static const builtin_type saddle = {
    "saddle", "x² - y²", "x^2 - y^2",
    {-2, 2, -2, 2}, {1.8, 0.05}, 0, {{0, 0}}, NAN, FNS(saddle)};

const builtin_type *const builtin_types[] = {
    &quadratic, &ill, &rosenbrock, &banana, &beale, &booth,
    &himmelblau, &rastrigin, &camel, &goldstein, &saddle, NULL};

const builtin_type *builtin_find(const char *name)
{
    for (const builtin_type *const *t = builtin_types; *t; t++)
        if (strcmp((*t)->name, name) == 0)
            return *t;
    return NULL;
}
