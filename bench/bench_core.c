/* The numeric core: gradient calls and optimiser steps. */
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
            printf("grad_%s_%s %.2f ns\n", grad_method_name((grad_method)m),
                   t->name, ns);
        }
        objective_free(&obj);
    }
    return 0;
}

int bench_steps(bool quick)
{
    const long steps = quick ? 100000 : 1000000;
    objective obj;
    objective_builtin(&obj, builtin_find("rosenbrock"));
    run_settings s = run_settings_default();
    s.lr = 1e-3;
    s.max_steps = steps;
    run r;
    run_init(&r, &obj, &s, obj.start);
    double t0 = bench_now();
    while (run_step(&r) == RUN_RUNNING)
        ;
    double dt = bench_now() - t0;
    sink = r.loss;
    printf("adam_rosenbrock_steps_per_s %.0f steps/s\n", (double)r.step / dt);
    printf("adam_rosenbrock_step_ns %.1f ns\n", dt / (double)r.step * 1e9);
    run_free(&r);
    objective_free(&obj);
    return 0;
}
