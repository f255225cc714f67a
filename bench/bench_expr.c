/* ns per call of a typed expression (value, AD gradient, AD Hessian)
 * against the built-in's hand-written formulas, for rosenbrock typed as
 * (1-x)^2 + 100*(y-x^2)^2. All calls go through function pointers, as
 * the run loop makes them (objective ops); each figure is the best of 100
 * runs.
 *
 * Two figures each: "thru" calls at one point, independent of each other
 * (the processor may overlap them); "chain" feeds each result into the
 * next point (x + r*0), so calls run one after another, as the steps of
 * an optimiser do. */
#include <stdio.h>

#include "bench.h"
#include "builtins.h"
#include "expr.h"

typedef enum { VALUE, GRADIENT, HESSIAN } kind;

/* Function pointers read through volatile so nothing is inlined. */
static double timed_once(const objective *o, kind k, int analytic, int chain,
                    long calls)
{
    double (*volatile fv)(const void *, const double *) = o->ops->value;
    void (*volatile fg)(const void *, const double *, double *) =
        analytic ? o->ops->gradient : o->ops->gradient_ad;
    void (*volatile fh)(const void *, const double *, double *) =
        analytic ? o->ops->hessian : o->ops->hessian_ad;
    double x[2] = {-1.2, 1.0}, g[2] = {0, 0}, h[4] = {0, 0, 0, 0};
    double sink = 0.0, zero = 0.0;
    double t0 = bench_now();
    for (long i = 0; i < calls; i++) {
        double r;
        switch (k) {
        case VALUE: r = fv(o->ctx, x); break;
        case GRADIENT: fg(o->ctx, x, g); r = g[0]; break;
        default: fh(o->ctx, x, h); r = h[0]; break;
        }
        if (chain)
            x[0] = -1.2 + r * zero;
        else
            sink += r;
    }
    double t = bench_now() - t0;
    if (sink == 42.0)
        puts("");
    return 1e9 * t / (double)calls;
}

/* The best of 100 short runs (the machine may be busy with other work). */
static double timed(const objective *o, kind k, int analytic, int chain,
                    long calls)
{
    double best = 0.0;
    for (int rep = 0; rep < 100; rep++) {
        double t = timed_once(o, k, analytic, chain, calls / 100);
        if (rep == 0 || t < best)
            best = t;
    }
    return best;
}

int bench_expr(bool quick)
{
    long calls = quick ? 2000000L : 20000000L;
    objective ad, hand;
    expr_error err;
    if (expr_objective("(1-x)^2 + 100*(y-x^2)^2", &ad, &err) != 0 ||
        objective_builtin(&hand, builtin_find("rosenbrock")) != 0)
        return 1;
    static const char *const names[] = {"value", "grad", "hessian"};
    static const char *const modes[] = {"thru", "chain"};
    for (int k = VALUE; k <= HESSIAN; k++)
        for (int chain = 0; chain < 2; chain++) {
            double h = timed(&hand, (kind)k, 1, chain, calls);
            double e = timed(&ad, (kind)k, 0, chain, calls);
            char name[64];
            snprintf(name, sizeof name, "expr_rosenbrock_%s_%s_ns", names[k],
                     modes[chain]);
            bench_figure(name, e, "ns");
            snprintf(name, sizeof name, "hand_rosenbrock_%s_%s_ns", names[k],
                     modes[chain]);
            bench_figure(name, h, "ns");
            snprintf(name, sizeof name, "expr_over_hand_%s_%s", names[k],
                     modes[chain]);
            bench_figure(name, e / h, "x");
        }
    objective_free(&ad);
    objective_free(&hand);
    return 0;
}
