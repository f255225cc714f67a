/* The numeric core: gradient calls and optimiser steps. */
#include <math.h>
#include <stdio.h>

#include "bench.h"
#include "builtins.h"
#include "gradient.h"
#include "run.h"

/* Keeps results alive so the compiler cannot drop the calls. */
static volatile double sink;

int bench_gradients(bool quick)
{
    const long calls = quick ? 100000 : 2000000;
    enum { POINTS = 256 };
    for (const builtin_type *const *tp = builtin_types; *tp; tp++) {
        const builtin_type *t = *tp;
        objective obj;
        objective_builtin(&obj, t);
        double pts[POINTS][2];
        for (int i = 0; i < POINTS; i++) {
            pts[i][0] = t->view[0] + (t->view[1] - t->view[0]) * (i % 16) / 16.0;
            pts[i][1] = t->view[2] + (t->view[3] - t->view[2]) * (i / 16) / 16.0;
        }
        for (int m = 0; m < GRAD_METHOD_COUNT; m++) {
            if (!gradient_available(&obj, (grad_method)m))
                continue;
            double g[2], acc = 0.0, t0 = bench_now();
            for (long k = 0; k < calls; k++) {
                gradient_eval(&obj, (grad_method)m, 1e-7, pts[k % POINTS], g);
                acc += g[0];
            }
            double ns = (bench_now() - t0) / (double)calls * 1e9;
            sink = acc;
            char name[64];
            snprintf(name, sizeof name, "grad_%s_%s",
                     grad_method_name((grad_method)m), t->name);
            bench_figure(name, ns, "ns");
        }
        objective_free(&obj);
    }
    return 0;
}

/* ns a step over the next steps updates of r (its max_steps far off). */
static double time_steps(run *r, long steps)
{
    double t0 = bench_now();
    for (long k = 0; k < steps; k++)
        run_step(r);
    double dt = bench_now() - t0;
    sink = r->loss;
    return dt / (double)steps * 1e9;
}

/* Steps a second over 10^6 updates, in stretches of 10^5: the first
 * (bias corrections still computed), the one before β2^t underflows
 * (t ≈ 700,000 with β2 0.999) and the best of 5 past 10^6, which should
 * cost the same. quick: a tenth of each. */
int bench_steps(bool quick)
{
    const long steps = quick ? 100000 : 1000000, stretch = steps / 10;
    objective obj;
    objective_builtin(&obj, builtin_find("rosenbrock"));
    run_settings s = run_settings_default();
    s.lr = 1e-3;
    s.max_steps = 100 * steps;
    run r;
    run_init(&r, &obj, &s, obj.start);
    double total = 0.0, first = 0.0, before = 0.0;
    for (int k = 0; k < 10; k++) {
        double ns = time_steps(&r, stretch);
        total += ns / 10;
        if (k == 0)
            first = ns;
        if (k == 6)
            before = ns;
    }
    double late = INFINITY;
    for (int k = 0; k < 5; k++)
        late = fmin(late, time_steps(&r, stretch));
    bench_figure("adam_rosenbrock_steps_per_s", 1e9 / total, "steps/s");
    bench_figure("adam_rosenbrock_step_ns", total, "ns");
    bench_figure("adam_rosenbrock_first_step_ns", first, "ns");
    bench_figure("adam_rosenbrock_before_underflow_step_ns", before, "ns");
    bench_figure("adam_rosenbrock_late_step_ns", late, "ns");
    bench_figure("adam_rosenbrock_late_over_before", late / before, "x");
    bench_peer("torch_adam_rosenbrock_step_us", quick, NULL);
    run_free(&r);
    objective_free(&obj);
    return 0;
}
