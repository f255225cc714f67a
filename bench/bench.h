/* Benchmarks: each prints figures on stdout, one per line, as
 * "name value unit". quick shortens them for a smoke test. */
#ifndef DESCENT_BENCH_H
#define DESCENT_BENCH_H

#include <stdbool.h>

/* Seconds on the monotonic clock. */
double bench_now(void);

int bench_gradients(bool quick);
int bench_steps(bool quick);
int bench_traces(bool quick);
int bench_fmt(bool quick);
int bench_expr(bool quick);
/* mlp_sgdhd_step_us, and hpo_solves_{grid,random,bayes,gradient}. */
int bench_models(bool quick);

#endif
