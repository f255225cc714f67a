/* The built-in test functions with hand-written gradients and Hessians.
 * Hessians are row-major [f_xx, f_xy, f_yx, f_yy].
 * rosenbrock's gradient is written in the order PyTorch's autograd
 * evaluates (1-x)**2 + 100*(y-x**2)**2, so trajectories match its
 * roundings (see ../shared/ref/README.md: some are chaotic). */
#include <math.h>
#include <string.h>

#include "builtins.h"

static void hess_set(double *h, double xx, double xy, double yy)
{
    h[0] = xx;
    h[1] = xy;
    h[2] = xy;
    h[3] = yy;
}

/* quadratic: x² + y² */
static double quadratic_f(const double *p) { return p[0] * p[0] + p[1] * p[1]; }
static void quadratic_g(const double *p, double *g)
{
    g[0] = 2.0 * p[0];
    g[1] = 2.0 * p[1];
}
static void quadratic_h(const double *p, double *h)
{
    (void)p;
    hess_set(h, 2.0, 0.0, 2.0);
}

/* ill: ½(u² + 100v²), u = (x+y)/√2, v = (x−y)/√2; Hessian eigenvalues
 * 1 (along x = y) and 100 (along x = −y). */
static double ill_f(const double *p)
{
    double u = (p[0] + p[1]) / M_SQRT2, v = (p[0] - p[1]) / M_SQRT2;
    return 0.5 * (u * u + 100.0 * v * v);
}
static void ill_g(const double *p, double *g)
{
    double u = (p[0] + p[1]) / M_SQRT2, v = (p[0] - p[1]) / M_SQRT2;
    g[0] = (u + 100.0 * v) / M_SQRT2;
    g[1] = (u - 100.0 * v) / M_SQRT2;
}
static void ill_h(const double *p, double *h)
{
    (void)p;
    hess_set(h, 50.5, -49.5, 50.5);
}

/* rosenbrock: (1-x)² + 100(y-x²)² */
static double rosenbrock_f(const double *p)
{
    double a = 1.0 - p[0], w = p[1] - p[0] * p[0];
    return a * a + 100.0 * (w * w);
}
static void rosenbrock_g(const double *p, double *g)
{
    double w = p[1] - p[0] * p[0], t = 100.0 * (2.0 * w);
    g[0] = -(2.0 * (1.0 - p[0])) - t * (2.0 * p[0]);
    g[1] = t;
}
static void rosenbrock_h(const double *p, double *h)
{
    double x = p[0], w = p[1] - x * x;
    hess_set(h, 2.0 - 400.0 * w + 800.0 * x * x, -400.0 * x, 200.0);
}

/* banana: (1-x)² + 20(3y-x²)² */
static double banana_f(const double *p)
{
    double a = 1.0 - p[0], w = 3.0 * p[1] - p[0] * p[0];
    return a * a + 20.0 * w * w;
}
static void banana_g(const double *p, double *g)
{
    double w = 3.0 * p[1] - p[0] * p[0];
    g[0] = -2.0 * (1.0 - p[0]) - 80.0 * p[0] * w;
    g[1] = 120.0 * w;
}
static void banana_h(const double *p, double *h)
{
    double x = p[0], w = 3.0 * p[1] - x * x;
    hess_set(h, 2.0 - 80.0 * w + 160.0 * x * x, -240.0 * x, 360.0);
}

/* beale: Σ r_k² with r_k = c_k - x + x y^k, k = 1..3 */
static const double beale_c[3] = {1.5, 2.25, 2.625};
static double beale_f(const double *p)
{
    double x = p[0], y = p[1], f = 0.0, yk = 1.0;
    for (int k = 0; k < 3; k++) {
        yk *= y;
        double r = beale_c[k] - x + x * yk;
        f += r * r;
    }
    return f;
}
static void beale_g(const double *p, double *g)
{
    double x = p[0], y = p[1], yk = 1.0;
    g[0] = g[1] = 0.0;
    for (int k = 1; k <= 3; k++) {
        double ykm1 = yk;
        yk *= y;
        double r = beale_c[k - 1] - x + x * yk;
        g[0] += 2.0 * r * (yk - 1.0);
        g[1] += 2.0 * r * (k * x * ykm1);
    }
}
static void beale_h(const double *p, double *h)
{
    double x = p[0], y = p[1], yk = 1.0, ykm2 = 0.0, xx = 0, xy = 0, yy = 0;
    for (int k = 1; k <= 3; k++) {
        double ykm1 = yk;
        yk *= y;
        double r = beale_c[k - 1] - x + x * yk;
        double rx = yk - 1.0, ry = k * x * ykm1;
        double rxy = k * ykm1, ryy = k * (k - 1) * x * ykm2;
        xx += 2.0 * rx * rx;
        xy += 2.0 * (rx * ry + r * rxy);
        yy += 2.0 * (ry * ry + r * ryy);
        ykm2 = ykm1;
    }
    hess_set(h, xx, xy, yy);
}

/* booth: (x+2y-7)² + (2x+y-5)² */
static double booth_f(const double *p)
{
    double a = p[0] + 2.0 * p[1] - 7.0, b = 2.0 * p[0] + p[1] - 5.0;
    return a * a + b * b;
}
static void booth_g(const double *p, double *g)
{
    double a = p[0] + 2.0 * p[1] - 7.0, b = 2.0 * p[0] + p[1] - 5.0;
    g[0] = 2.0 * a + 4.0 * b;
    g[1] = 4.0 * a + 2.0 * b;
}
static void booth_h(const double *p, double *h)
{
    (void)p;
    hess_set(h, 10.0, 8.0, 10.0);
}

/* himmelblau: (x²+y-11)² + (x+y²-7)² */
static double himmelblau_f(const double *p)
{
    double a = p[0] * p[0] + p[1] - 11.0, b = p[0] + p[1] * p[1] - 7.0;
    return a * a + b * b;
}
static void himmelblau_g(const double *p, double *g)
{
    double a = p[0] * p[0] + p[1] - 11.0, b = p[0] + p[1] * p[1] - 7.0;
    g[0] = 4.0 * p[0] * a + 2.0 * b;
    g[1] = 2.0 * a + 4.0 * p[1] * b;
}
static void himmelblau_h(const double *p, double *h)
{
    double x = p[0], y = p[1];
    double a = x * x + y - 11.0, b = x + y * y - 7.0;
    hess_set(h, 4.0 * a + 8.0 * x * x + 2.0, 4.0 * (x + y),
             2.0 + 4.0 * b + 8.0 * y * y);
}

/* rastrigin: 20 + Σ (x_i² - 10 cos 2πx_i) */
static double rastrigin_f(const double *p)
{
    double f = 20.0;
    for (int i = 0; i < 2; i++)
        f += p[i] * p[i] - 10.0 * cos(2.0 * M_PI * p[i]);
    return f;
}
static void rastrigin_g(const double *p, double *g)
{
    for (int i = 0; i < 2; i++)
        g[i] = 2.0 * p[i] + 20.0 * M_PI * sin(2.0 * M_PI * p[i]);
}
static void rastrigin_h(const double *p, double *h)
{
    double k = 40.0 * M_PI * M_PI;
    hess_set(h, 2.0 + k * cos(2.0 * M_PI * p[0]), 0.0,
             2.0 + k * cos(2.0 * M_PI * p[1]));
}

/* camel (six-hump): (4 - 2.1x² + x⁴/3)x² + xy + (-4 + 4y²)y² */
static double camel_f(const double *p)
{
    double x = p[0], y = p[1], x2 = x * x, y2 = y * y;
    return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2;
}
static void camel_g(const double *p, double *g)
{
    double x = p[0], y = p[1], x2 = x * x;
    g[0] = 8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y;
    g[1] = x - 8.0 * y + 16.0 * y * y * y;
}
static void camel_h(const double *p, double *h)
{
    double x2 = p[0] * p[0];
    hess_set(h, 8.0 - 25.2 * x2 + 10.0 * x2 * x2, 1.0, -8.0 + 48.0 * p[1] * p[1]);
}

/* goldstein (Goldstein–Price): A·B with
 * A = 1 + s²P, s = x+y+1, P = 19 - 14x + 3x² - 14y + 6xy + 3y²,
 * B = 30 + u²Q, u = 2x-3y, Q = 18 - 32x + 12x² + 48y - 36xy + 27y².
 * Each factor's derivatives by the product rule, then f's. */
typedef struct {
    double v, x, y, xx, xy, yy;
} jet2;

static jet2 gp_factor(double c, double s, double sx, double sy,
                      double q, double qx, double qy,
                      double qxx, double qxy, double qyy)
{
    /* F = c + s²q with s linear (constant sx, sy). */
    jet2 F;
    F.v = c + s * s * q;
    F.x = 2.0 * s * sx * q + s * s * qx;
    F.y = 2.0 * s * sy * q + s * s * qy;
    F.xx = 2.0 * sx * sx * q + 4.0 * s * sx * qx + s * s * qxx;
    F.xy = 2.0 * sx * sy * q + 2.0 * s * (sx * qy + sy * qx) + s * s * qxy;
    F.yy = 2.0 * sy * sy * q + 4.0 * s * sy * qy + s * s * qyy;
    return F;
}

static void gp_factors(const double *p, jet2 *A, jet2 *B)
{
    double x = p[0], y = p[1];
    double s = x + y + 1.0;
    double P = 19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y;
    double Pd = -14.0 + 6.0 * x + 6.0 * y; /* P_x = P_y */
    *A = gp_factor(1.0, s, 1.0, 1.0, P, Pd, Pd, 6.0, 6.0, 6.0);
    double u = 2.0 * x - 3.0 * y;
    double Q = 18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y;
    double Qx = -32.0 + 24.0 * x - 36.0 * y, Qy = 48.0 - 36.0 * x + 54.0 * y;
    *B = gp_factor(30.0, u, 2.0, -3.0, Q, Qx, Qy, 24.0, -36.0, 54.0);
}
static double goldstein_f(const double *p)
{
    jet2 A, B;
    gp_factors(p, &A, &B);
    return A.v * B.v;
}
static void goldstein_g(const double *p, double *g)
{
    jet2 A, B;
    gp_factors(p, &A, &B);
    g[0] = A.x * B.v + A.v * B.x;
    g[1] = A.y * B.v + A.v * B.y;
}
static void goldstein_h(const double *p, double *h)
{
    jet2 A, B;
    gp_factors(p, &A, &B);
    hess_set(h, A.xx * B.v + 2.0 * A.x * B.x + A.v * B.xx,
             A.xy * B.v + A.x * B.y + A.y * B.x + A.v * B.xy,
             A.yy * B.v + 2.0 * A.y * B.y + A.v * B.yy);
}

/* saddle: x² - y² */
static double saddle_f(const double *p) { return p[0] * p[0] - p[1] * p[1]; }
static void saddle_g(const double *p, double *g)
{
    g[0] = 2.0 * p[0];
    g[1] = -2.0 * p[1];
}
static void saddle_h(const double *p, double *h)
{
    (void)p;
    hess_set(h, 2.0, 0.0, -2.0);
}

/* Central differences of a 2-D f, point for point and operation for
 * operation as gradient.c's: called with a known f, the compiler inlines
 * its four evaluations. */
static inline void central2(double (*f)(const double *), const double *x,
                            double h, double *g)
{
    double a[2] = {x[0] + h, x[1]}, b[2] = {x[0] - h, x[1]};
    double c[2] = {x[0], x[1] + h}, d[2] = {x[0], x[1] - h};
    double fa = f(a), fb = f(b), fc = f(c), fd = f(d);
    g[0] = (fa - fb) / (a[0] - b[0]);
    g[1] = (fc - fd) / (c[1] - d[1]);
}

/* Each built-in gets its own ops table whose value, gradient and Hessian
 * call its formulas directly: a gradient by central differences makes
 * four value calls, and a second indirection would cost more than
 * rosenbrock itself. */
#define FNS(n)                                                           \
    .f = n##_f, .grad = n##_g, .hess = n##_h, .ops = &n##_ops
#define OPS(n)                                                           \
    static double n##_value(const void *ctx, const double *x)            \
    {                                                                    \
        (void)ctx;                                                       \
        return n##_f(x);                                                 \
    }                                                                    \
    static void n##_central(const void *ctx, const double *x, double h,  \
                            double *g)                                   \
    {                                                                    \
        (void)ctx;                                                       \
        central2(n##_f, x, h, g);                                        \
    }                                                                    \
    static void n##_gradient(const void *ctx, const double *x, double *g) \
    {                                                                    \
        (void)ctx;                                                       \
        n##_g(x, g);                                                     \
    }                                                                    \
    static double n##_value_grad(const void *ctx, const double *x,       \
                                 double *g)                              \
    {                                                                    \
        (void)ctx;                                                       \
        n##_g(x, g);                                                     \
        return n##_f(x);                                                 \
    }                                                                    \
    static void n##_hessian(const void *ctx, const double *x, double *h) \
    {                                                                    \
        (void)ctx;                                                       \
        n##_h(x, h);                                                     \
    }                                                                    \
    static const objective_ops n##_ops = {                               \
        .value = n##_value,                                              \
        .gradient = n##_gradient,                                        \
        .value_grad = n##_value_grad,                                    \
        .gradient_central = n##_central,                                 \
        .gradient_ad = builtin_gradient_ad,                              \
        .hessian = n##_hessian,                                          \
        .hessian_ad = builtin_hessian_ad,                                \
        .free = builtin_ctx_free,                                        \
    };

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
