/* ns per call of a typed expression (value, AD gradient, AD Hessian)
 * against hand-written formulas, for rosenbrock typed as
 * (1-x)^2 + 100*(y-x^2)^2. All calls go through function pointers, as
 * the run loop makes them (objective ops); each figure is the best of 100
 * runs.
 *
 * Two figures each: "thru" calls at one point, independent of each other
 * (the processor may overlap them); "chain" feeds each result into the
 * next point (x + r*0), so calls run one after another, as the steps of
 * an optimiser do.
 *
 * Build: cc -std=c11 -O2 -ffp-contract=off -D_POSIX_C_SOURCE=200809L \
 *   -Isrc/core bench/bench_expr.c src/core/expr*.c src/core/objective.c -lm
 * Usage: bench_expr [CALLS]  (default 20000000)
 *
 * On the development machine (2 shared vCPUs, gcc 12 -O2), typically:
 *              hand thru  expr thru  hand chain  expr chain
 *   value         3.2        4.4        8.0         8.9
 *   gradient      3.2        7.0       10.2        14.3
 *   hessian       3.2        8.6       10.5        16.4
 * clang 14 -O2: value 4.9, gradient 7.0, Hessian 11.5 (thru). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "expr.h"
#include "objective.h"

static double rosen_value(const void *ctx, const double *x)
{
    (void)ctx;
    double a = 1.0 - x[0], b = x[1] - x[0] * x[0];
    return a * a + 100.0 * b * b;
}

static void rosen_gradient(const void *ctx, const double *x, double *g)
{
    (void)ctx;
    double a = 1.0 - x[0], b = x[1] - x[0] * x[0];
    g[0] = -2.0 * a - 400.0 * x[0] * b;
    g[1] = 200.0 * b;
}

static void rosen_hessian(const void *ctx, const double *x, double *h)
{
    (void)ctx;
    h[0] = 2.0 - 400.0 * (x[1] - 3.0 * x[0] * x[0]);
    h[1] = h[2] = -400.0 * x[0];
    h[3] = 200.0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

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
    double t0 = now();
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
    double t = now() - t0;
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

int main(int argc, char **argv)
{
    long calls = argc > 1 ? atol(argv[1]) : 20000000L;
    const char *text = "(1-x)^2 + 100*(y-x^2)^2";
    objective ad;
    expr_error err;
    if (expr_objective(text, &ad, &err) != 0) {
        fprintf(stderr, "bench_expr: column %d: %s\n", err.column,
                err.message);
        return 1;
    }
    static const objective_ops hand_ops = {
        rosen_value, rosen_gradient, NULL, rosen_hessian, NULL, NULL};
    objective hand = ad;
    hand.ops = &hand_ops;
    hand.ctx = NULL;

    printf("rosenbrock as \"%s\", ns per call (%ld calls)\n", text, calls);
    printf("%-10s %14s %14s %14s %14s\n", "", "hand thru", "expr thru",
           "hand chain", "expr chain");
    static const char *names[] = {"value", "gradient", "hessian"};
    for (int k = VALUE; k <= HESSIAN; k++) {
        double r[4];
        for (int chain = 0; chain < 2; chain++) {
            r[2 * chain] = timed(&hand, (kind)k, 1, chain, calls);
            r[2 * chain + 1] = timed(&ad, (kind)k, 0, chain, calls);
        }
        printf("%-10s %14.2f %14.2f %14.2f %14.2f   ratio %.1fx / %.1fx\n",
               names[k], r[0], r[1], r[2], r[3], r[1] / r[0], r[3] / r[2]);
    }
    objective_free(&ad);
    return 0;
}
