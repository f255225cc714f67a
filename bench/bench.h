/* Benchmarks: each group prints its figures on stdout, one a line, as
 * "name value unit", and records them for the closing table, where
 * bench_goals sets each goal of issue 13 beside its PyTorch or pandas
 * peer measured in the same run. quick shortens every group (a smoke
 * test). */
#ifndef DESCENT_BENCH_H
#define DESCENT_BENCH_H

#include <stdbool.h>

/* Seconds of this process's processor time. */
double bench_now(void);

/* Prints "name value unit" and records the figure. */
void bench_figure(const char *name, double value, const char *unit);
/* The figure recorded last under name; NaN when none was. */
double bench_value(const char *name);

/* The least CPU time (user and system) in seconds over repeats runs of
 * this program with argv (argv[0] unused, NULL-terminated), output
 * discarded; NaN when a run fails. */
double bench_spawn(char *const argv[], int repeats);

/* Runs peers.py for the peer figure name (with csv, the file pandas
 * reads), records and returns it; NaN (and a line saying why) when the
 * peer is unavailable. */
double bench_peer(const char *name, bool quick, const char *csv);

/* The peak RSS in kB of one run of this program with argv, output
 * discarded; NaN when it fails. */
double bench_spawn_rss(char *const argv[]);

int bench_gradients(bool quick);
/* Adam on rosenbrock: steps a second, and ns a step early and late in
 * a long run (past β2^t's underflow). */
int bench_steps(bool quick);
int bench_traces(bool quick);
int bench_fmt(bool quick);
int bench_expr(bool quick);
/* Model steps (the seed's MLP, softmax on digits), the λ searches'
 * solves, `descent hpo --over lr`, forward mode against a plain run. */
int bench_models(bool quick);
/* Loading a 10^6-row, 11-column CSV file (written to /tmp). */
int bench_csv(bool quick);
/* Peak RSS of `descent run --trace -` at 10^4 .. 10^7 steps (quick:
 * 10^5); the TUI's half is tui_bench_memory. */
int bench_memory(bool quick);
/* Runs the peer scripts (bench/peers.py) and prints the goals table. */
int bench_goals(bool quick);

#endif
