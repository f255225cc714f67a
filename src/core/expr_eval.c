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

#define T double
#define P(f) r_##f
#define RUN run_value
#define KEEP_SCALAR(t) (void)0
#include "expr_eval_loop.h"
#undef T
#undef P
#undef RUN
#undef KEEP_SCALAR

#ifdef PIN
#define KEEP_SCALAR(t) __asm__("" : PIN(t.d[0]), PIN(t.d[1]))
#else
#define KEEP_SCALAR(t) (void)0
#endif
#define T dual1
#define P(f) d1_##f
#define RUN run_gradient
#include "expr_eval_loop.h"
#undef T
#undef P
#undef RUN
#undef KEEP_SCALAR

#ifdef PIN
#define KEEP_SCALAR(t)                                                    \
    __asm__("" : PIN(t.d[0]), PIN(t.d[1]), PIN(t.h[0]), PIN(t.h[1]),     \
            PIN(t.h[2]))
#else
#define KEEP_SCALAR(t) (void)0
#endif
#define T dual2
#define P(f) d2_##f
#define RUN run_hessian
#include "expr_eval_loop.h"
#undef T
#undef P
#undef RUN
#undef KEEP_SCALAR

double expr_value(const expr *e, const double *x)
{
    return run_value(e, x);
}

double expr_gradient(const expr *e, const double *x, double *g)
{
    dual1 r = run_gradient(e, x);
    g[0] = r.d[0];
    g[1] = r.d[1];
    return r.v;
}

double expr_hessian(const expr *e, const double *x, double *g, double *h)
{
    dual2 r = run_hessian(e, x);
    g[0] = r.d[0];
    g[1] = r.d[1];
    h[0] = r.h[0];
    h[1] = h[2] = r.h[1];
    h[3] = r.h[2];
    return r.v;
}

/* The objective operations (expr_objective.c): ctx is the expr. */
double expr_ctx_value(const void *ctx, const double *x)
{
    return expr_value(ctx, x);
}

void expr_ctx_gradient(const void *ctx, const double *x, double *g)
{
    (void)expr_gradient(ctx, x, g);
}

void expr_ctx_hessian(const void *ctx, const double *x, double *h)
{
    double g[2];
    (void)expr_hessian(ctx, x, g, h);
}
