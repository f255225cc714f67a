/* The built-in test functions with hand-written gradients and Hessians,
 * written once for the number type T and included by builtins.c for
 * double and for float (DESIGN §3e: float32 arithmetic throughout).
 * NAME(x) names what is defined for that type; K(c) is a constant of
 * type T (whole numbers convert exactly and are written as such); FN
 * calls a libm function in double and rounds to T.
 * Hessians are row-major [f_xx, f_xy, f_yx, f_yy].
 * rosenbrock's gradient is written in the order PyTorch's autograd
 * evaluates (1-x)**2 + 100*(y-x**2)**2, so trajectories match its
 * roundings (see ../shared/ref/README.md: some are chaotic). */

#define K(c) ((T)(c))
#define FN(f, x) ((T)f((double)(x)))

static void NAME(hess_set)(T *h, T xx, T xy, T yy)
{
    h[0] = xx;
    h[1] = xy;
    h[2] = xy;
    h[3] = yy;
}

/* quadratic: x² + y² */
static T NAME(quadratic_f)(const T *p) { return p[0] * p[0] + p[1] * p[1]; }
static void NAME(quadratic_g)(const T *p, T *g)
{
    g[0] = 2 * p[0];
    g[1] = 2 * p[1];
}
static void NAME(quadratic_h)(const T *p, T *h)
{
    (void)p;
    NAME(hess_set)(h, 2, 0, 2);
}

/* ill: ½(u² + 100v²), u = (x+y)/√2, v = (x−y)/√2; Hessian eigenvalues
 * 1 (along x = y) and 100 (along x = −y). */
static T NAME(ill_f)(const T *p)
{
    T u = (p[0] + p[1]) / K(M_SQRT2), v = (p[0] - p[1]) / K(M_SQRT2);
    return K(0.5) * (u * u + 100 * v * v);
}
static void NAME(ill_g)(const T *p, T *g)
{
    T u = (p[0] + p[1]) / K(M_SQRT2), v = (p[0] - p[1]) / K(M_SQRT2);
    g[0] = (u + 100 * v) / K(M_SQRT2);
    g[1] = (u - 100 * v) / K(M_SQRT2);
}
static void NAME(ill_h)(const T *p, T *h)
{
    (void)p;
    NAME(hess_set)(h, K(50.5), K(-49.5), K(50.5));
}

/* rosenbrock: (1-x)² + 100(y-x²)² */
static T NAME(rosenbrock_f)(const T *p)
{
    T a = 1 - p[0], w = p[1] - p[0] * p[0];
    return a * a + 100 * (w * w);
}
static void NAME(rosenbrock_g)(const T *p, T *g)
{
    T w = p[1] - p[0] * p[0], t = 100 * (2 * w);
    g[0] = -(2 * (1 - p[0])) - t * (2 * p[0]);
    g[1] = t;
}
static void NAME(rosenbrock_h)(const T *p, T *h)
{
    T x = p[0], w = p[1] - x * x;
    NAME(hess_set)(h, 2 - 400 * w + 800 * x * x, -400 * x, 200);
}

/* banana: (1-x)² + 20(3y-x²)² */
static T NAME(banana_f)(const T *p)
{
    T a = 1 - p[0], w = 3 * p[1] - p[0] * p[0];
    return a * a + 20 * w * w;
}
static void NAME(banana_g)(const T *p, T *g)
{
    T w = 3 * p[1] - p[0] * p[0];
    g[0] = -2 * (1 - p[0]) - 80 * p[0] * w;
    g[1] = 120 * w;
}
static void NAME(banana_h)(const T *p, T *h)
{
    T x = p[0], w = 3 * p[1] - x * x;
    NAME(hess_set)(h, 2 - 80 * w + 160 * x * x, -240 * x, 360);
}

/* beale: Σ r_k² with r_k = c_k - x + x y^k, k = 1..3 */
static const T NAME(beale_c)[3] = {K(1.5), K(2.25), K(2.625)};
static T NAME(beale_f)(const T *p)
{
    T x = p[0], y = p[1], f = 0, yk = 1;
    for (int k = 0; k < 3; k++) {
        yk *= y;
        T r = NAME(beale_c)[k] - x + x * yk;
        f += r * r;
    }
    return f;
}
static void NAME(beale_g)(const T *p, T *g)
{
    T x = p[0], y = p[1], yk = 1;
    g[0] = g[1] = 0;
    for (int k = 1; k <= 3; k++) {
        T ykm1 = yk;
        yk *= y;
        T r = NAME(beale_c)[k - 1] - x + x * yk;
        g[0] += 2 * r * (yk - 1);
        g[1] += 2 * r * (k * x * ykm1);
    }
}
static void NAME(beale_h)(const T *p, T *h)
{
    T x = p[0], y = p[1], yk = 1, ykm2 = 0, xx = 0, xy = 0, yy = 0;
    for (int k = 1; k <= 3; k++) {
        T ykm1 = yk;
        yk *= y;
        T r = NAME(beale_c)[k - 1] - x + x * yk;
        T rx = yk - 1, ry = k * x * ykm1;
        T rxy = k * ykm1, ryy = k * (k - 1) * x * ykm2;
        xx += 2 * rx * rx;
        xy += 2 * (rx * ry + r * rxy);
        yy += 2 * (ry * ry + r * ryy);
        ykm2 = ykm1;
    }
    NAME(hess_set)(h, xx, xy, yy);
}

/* booth: (x+2y-7)² + (2x+y-5)² */
static T NAME(booth_f)(const T *p)
{
    T a = p[0] + 2 * p[1] - 7, b = 2 * p[0] + p[1] - 5;
    return a * a + b * b;
}
static void NAME(booth_g)(const T *p, T *g)
{
    T a = p[0] + 2 * p[1] - 7, b = 2 * p[0] + p[1] - 5;
    g[0] = 2 * a + 4 * b;
    g[1] = 4 * a + 2 * b;
}
static void NAME(booth_h)(const T *p, T *h)
{
    (void)p;
    NAME(hess_set)(h, 10, 8, 10);
}

/* himmelblau: (x²+y-11)² + (x+y²-7)² */
static T NAME(himmelblau_f)(const T *p)
{
    T a = p[0] * p[0] + p[1] - 11, b = p[0] + p[1] * p[1] - 7;
    return a * a + b * b;
}
static void NAME(himmelblau_g)(const T *p, T *g)
{
    T a = p[0] * p[0] + p[1] - 11, b = p[0] + p[1] * p[1] - 7;
    g[0] = 4 * p[0] * a + 2 * b;
    g[1] = 2 * a + 4 * p[1] * b;
}
static void NAME(himmelblau_h)(const T *p, T *h)
{
    T x = p[0], y = p[1];
    T a = x * x + y - 11, b = x + y * y - 7;
    NAME(hess_set)(h, 4 * a + 8 * x * x + 2, 4 * (x + y),
                   2 + 4 * b + 8 * y * y);
}

/* rastrigin: 20 + Σ (x_i² - 10 cos 2πx_i) */
static T NAME(rastrigin_f)(const T *p)
{
    T f = 20;
    for (int i = 0; i < 2; i++)
        f += p[i] * p[i] - 10 * FN(cos, K(2.0 * M_PI) * p[i]);
    return f;
}
static void NAME(rastrigin_g)(const T *p, T *g)
{
    for (int i = 0; i < 2; i++)
        g[i] = 2 * p[i] + K(20.0 * M_PI) * FN(sin, K(2.0 * M_PI) * p[i]);
}
static void NAME(rastrigin_h)(const T *p, T *h)
{
    T k = K(40.0 * M_PI * M_PI);
    NAME(hess_set)(h, 2 + k * FN(cos, K(2.0 * M_PI) * p[0]), 0,
                   2 + k * FN(cos, K(2.0 * M_PI) * p[1]));
}

/* camel (six-hump): (4 - 2.1x² + x⁴/3)x² + xy + (-4 + 4y²)y² */
static T NAME(camel_f)(const T *p)
{
    T x = p[0], y = p[1], x2 = x * x, y2 = y * y;
    return (4 - K(2.1) * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
}
static void NAME(camel_g)(const T *p, T *g)
{
    T x = p[0], y = p[1], x2 = x * x;
    g[0] = 8 * x - K(8.4) * x2 * x + 2 * x2 * x2 * x + y;
    g[1] = x - 8 * y + 16 * y * y * y;
}
static void NAME(camel_h)(const T *p, T *h)
{
    T x2 = p[0] * p[0];
    NAME(hess_set)(h, 8 - K(25.2) * x2 + 10 * x2 * x2, 1, -8 + 48 * p[1] * p[1]);
}

/* goldstein (Goldstein–Price): A·B with
 * A = 1 + s²P, s = x+y+1, P = 19 - 14x + 3x² - 14y + 6xy + 3y²,
 * B = 30 + u²Q, u = 2x-3y, Q = 18 - 32x + 12x² + 48y - 36xy + 27y².
 * Each factor's derivatives by the product rule, then f's. */
typedef struct {
    T v, x, y, xx, xy, yy;
} NAME(jet2);

static NAME(jet2) NAME(gp_factor)(T c, T s, T sx, T sy, T q, T qx, T qy,
                                  T qxx, T qxy, T qyy)
{
    /* F = c + s²q with s linear (constant sx, sy). */
    NAME(jet2) F;
    F.v = c + s * s * q;
    F.x = 2 * s * sx * q + s * s * qx;
    F.y = 2 * s * sy * q + s * s * qy;
    F.xx = 2 * sx * sx * q + 4 * s * sx * qx + s * s * qxx;
    F.xy = 2 * sx * sy * q + 2 * s * (sx * qy + sy * qx) + s * s * qxy;
    F.yy = 2 * sy * sy * q + 4 * s * sy * qy + s * s * qyy;
    return F;
}

static void NAME(gp_factors)(const T *p, NAME(jet2) *A, NAME(jet2) *B)
{
    T x = p[0], y = p[1];
    T s = x + y + 1;
    T P = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
    T Pd = -14 + 6 * x + 6 * y; /* P_x = P_y */
    *A = NAME(gp_factor)(1, s, 1, 1, P, Pd, Pd, 6, 6, 6);
    T u = 2 * x - 3 * y;
    T Q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
    T Qx = -32 + 24 * x - 36 * y, Qy = 48 - 36 * x + 54 * y;
    *B = NAME(gp_factor)(30, u, 2, -3, Q, Qx, Qy, 24, -36, 54);
}
static T NAME(goldstein_f)(const T *p)
{
    NAME(jet2) A, B;
    NAME(gp_factors)(p, &A, &B);
    return A.v * B.v;
}
static void NAME(goldstein_g)(const T *p, T *g)
{
    NAME(jet2) A, B;
    NAME(gp_factors)(p, &A, &B);
    g[0] = A.x * B.v + A.v * B.x;
    g[1] = A.y * B.v + A.v * B.y;
}
static void NAME(goldstein_h)(const T *p, T *h)
{
    NAME(jet2) A, B;
    NAME(gp_factors)(p, &A, &B);
    NAME(hess_set)(h, A.xx * B.v + 2 * A.x * B.x + A.v * B.xx,
                   A.xy * B.v + A.x * B.y + A.y * B.x + A.v * B.xy,
                   A.yy * B.v + 2 * A.y * B.y + A.v * B.yy);
}

/* saddle: x² - y² */
static T NAME(saddle_f)(const T *p) { return p[0] * p[0] - p[1] * p[1]; }
static void NAME(saddle_g)(const T *p, T *g)
{
    g[0] = 2 * p[0];
    g[1] = -2 * p[1];
}
static void NAME(saddle_h)(const T *p, T *h)
{
    (void)p;
    NAME(hess_set)(h, 2, 0, -2);
}

/* Central differences of a 2-D f, point for point and operation for
 * operation as gradient.c's: called with a known f, the compiler inlines
 * its four evaluations. */
static inline void NAME(central2)(T (*f)(const T *), const T *x, T h, T *g)
{
    T a[2] = {x[0] + h, x[1]}, b[2] = {x[0] - h, x[1]};
    T c[2] = {x[0], x[1] + h}, d[2] = {x[0], x[1] - h};
    T fa = f(a), fb = f(b), fc = f(c), fd = f(d);
    g[0] = (fa - fb) / (a[0] - b[0]);
    g[1] = (fc - fd) / (c[1] - d[1]);
}

#undef K
#undef FN
