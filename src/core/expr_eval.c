/* Value, gradient and Hessian of a compiled expression: one interpreter
 * (expr_eval_loop.h) instantiated for doubles and both dual types.
 *
 * Tuning. What costs is keeping the top of the stack (3 or 6 doubles) in
 * registers from one operation to the next. The compilers' straight-line
 * (SLP) vectorisers pack the two partials into one vector register inside
 * an operation and unpack them at every jump, which doubles the time of
 * a gradient. Rosenbrock typed as an expression (10 instructions then,
 * 7 now that squares are fused), gradient, ns per call on the development
 * machine (hand-written: 3.1; bench/bench_expr.c):
 *   gcc 12 -O2:   switch 16; computed goto 16; computed goto without the
 *                 SLP vectoriser 8 (a switch without it: 10.6)
 *   clang 14 -O2: switch 14; computed goto 28 to 50; a switch with the
 *                 partials pinned to scalar registers between operations
 *                 (KEEP_SCALAR, an empty asm) 8; that does not help gcc.
 * Hence: gcc, computed goto and no SLP vectoriser in this file; clang on
 * x86-64 or AArch64, a switch and KEEP_SCALAR; anything else, a plain
 * switch (correct everywhere, about 1.7 times slower). With the fused
 * squares both compilers take about 7 ns. Inlining the interpreter into
 * the objective operations made clang's code 2.5 times slower: they call
 * expr_gradient and friends instead.
 * EXPR_PORTABLE_EVAL forces the plain switch (for testing it). */
#if defined(__GNUC__) && !defined(__clang__) && !defined(EXPR_PORTABLE_EVAL)
#pragma GCC optimize("no-tree-slp-vectorize")
#define EXPR_THREADED 1
#endif
#if defined(__clang__) && !defined(EXPR_PORTABLE_EVAL)
#if defined(__x86_64__)
#define PIN "+x"
#elif defined(__aarch64__)
#define PIN "+w"
#endif
#endif

#include "dual.h"
#include "expr_impl.h"

/* float32 (DESIGN §3e): each instruction's value and partials rounded,
 * constants too. The partials of one instruction are computed in double
 * before that rounding, so they can be an ulp closer than a naive
 * float32 chain rule; values follow float32 arithmetic exactly for
 * + − × ÷ and √, and are the rounded double results of the functions. */
static inline double f32(double v) { return (double)(float)v; }
static inline double round_r(double v) { return f32(v); }
static inline dual1 round_d1(dual1 v)
{
    return (dual1){f32(v.v), {f32(v.d[0]), f32(v.d[1])}};
}
static inline dual2 round_d2(dual2 v)
{
    return (dual2){f32(v.v), {f32(v.d[0]), f32(v.d[1])},
                   {f32(v.h[0]), f32(v.h[1]), f32(v.h[2])}};
}

/* Each number type in double and in float32 (expr_eval_pair.h). */
#define T double
#define P(f) r_##f
#define KEEP_SCALAR(t) (void)0
#define RUN_DOUBLE run_value
#define RUN_SINGLE run_value_single
#define ROUND_SINGLE round_r
#include "expr_eval_pair.h"

#ifdef PIN
#define KEEP_SCALAR(t) __asm__("" : PIN(t.d[0]), PIN(t.d[1]))
#else
#define KEEP_SCALAR(t) (void)0
#endif
#define T dual1
#define P(f) d1_##f
#define RUN_DOUBLE run_gradient
#define RUN_SINGLE run_gradient_single
#define ROUND_SINGLE round_d1
#include "expr_eval_pair.h"

#ifdef PIN
#define KEEP_SCALAR(t)                                                    \
    __asm__("" : PIN(t.d[0]), PIN(t.d[1]), PIN(t.h[0]), PIN(t.h[1]),     \
            PIN(t.h[2]))
#else
#define KEEP_SCALAR(t) (void)0
#endif
#define T dual2
#define P(f) d2_##f
#define RUN_DOUBLE run_hessian
#define RUN_SINGLE run_hessian_single
#define ROUND_SINGLE round_d2
#include "expr_eval_pair.h"

/* x as float32 sees it, for the single-precision evaluations. */
#define SINGLE_X(x) {f32((x)[0]), f32((x)[1])}

double expr_value(const expr *e, const double *x)
{
    return run_value(e, x);
}

double expr_value_single(const expr *e, const double *x)
{
    double xs[2] = SINGLE_X(x);
    return run_value_single(e, xs);
}

static double gradient_of(dual1 r, double *g)
{
    g[0] = r.d[0];
    g[1] = r.d[1];
    return r.v;
}

double expr_gradient(const expr *e, const double *x, double *g)
{
    return gradient_of(run_gradient(e, x), g);
}

double expr_gradient_single(const expr *e, const double *x, double *g)
{
    double xs[2] = SINGLE_X(x);
    return gradient_of(run_gradient_single(e, xs), g);
}

static double hessian_of(dual2 r, double *g, double *h)
{
    g[0] = r.d[0];
    g[1] = r.d[1];
    h[0] = r.h[0];
    h[1] = h[2] = r.h[1];
    h[3] = r.h[2];
    return r.v;
}

double expr_hessian(const expr *e, const double *x, double *g, double *h)
{
    return hessian_of(run_hessian(e, x), g, h);
}

double expr_hessian_single(const expr *e, const double *x, double *g,
                           double *h)
{
    double xs[2] = SINGLE_X(x);
    return hessian_of(run_hessian_single(e, xs), g, h);
}

/* The objective operations (expr_objective.c) in each precision: ctx is
 * the expr. */
#define CTX_OPS(S)                                                        \
    double expr_ctx_value##S(const void *ctx, const double *x)            \
    {                                                                     \
        return expr_value##S(ctx, x);                                     \
    }                                                                     \
    void expr_ctx_gradient##S(const void *ctx, const double *x, double *g) \
    {                                                                     \
        (void)expr_gradient##S(ctx, x, g);                                \
    }                                                                     \
    void expr_ctx_hessian##S(const void *ctx, const double *x, double *h) \
    {                                                                     \
        double g[2];                                                      \
        (void)expr_hessian##S(ctx, x, g, h);                              \
    }
CTX_OPS()
CTX_OPS(_single)
