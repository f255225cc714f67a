/* Trace writing: rows per second for CSV and JSON Lines, on the numbers
 * of a real Adam run (cycled), to a file in the temporary directory; and
 * a whole `descent run` of Adam writing its CSV trace, beside a PyTorch
 * loop that writes the same with Python's csv module. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "builtins.h"
#include "trace.h"

enum { STATES = 4096 };

static int write_rows(run *states, trace_format fmt, long rows, double *secs)
{
    char dir[] = "/tmp/descent-bench-XXXXXX";
    if (!mkdtemp(dir))
        return -1;
    char path[64], err[256];
    snprintf(path, sizeof path, "%s/t.%s", dir, fmt == TRACE_CSV ? "csv" : "jsonl");
    trace_meta meta = {.objective = "rosenbrock", .start = states[0].theta, .params = 2};
    double t0 = bench_now();
    trace_writer *w = trace_open(path, fmt, false, &states[0], &meta, err, sizeof err);
    if (!w)
        return -1;
    for (long k = 0; k < rows; k++) {
        trace_row row;
        trace_row_of(&row, &states[k % STATES]);
        trace_write_row(w, &row, states[k % STATES].theta);
    }
    int rc = trace_close(w, &states[STATES - 1], err, sizeof err);
    *secs = bench_now() - t0;
    unlink(path);
    rmdir(dir);
    return rc;
}

/* `descent run --steps N --trace FILE.csv`: rows (N + 1) a second. */
static int bench_trace_run(bool quick)
{
    char dir[] = "/tmp/descent-bench-XXXXXX";
    if (!mkdtemp(dir))
        return -1;
    char path[64], steps[32];
    snprintf(path, sizeof path, "%s/run.csv", dir);
    long n = quick ? 100000 : 1000000;
    snprintf(steps, sizeof steps, "%ld", n);
    char *argv[] = {"descent", "run", "--steps", steps, "--trace", path,
                    "--force", "--quiet", NULL};
    double secs = bench_spawn(argv, quick ? 1 : 3);
    unlink(path);
    rmdir(dir);
    bench_figure("adam_trace_run_rows_per_s", (double)(n + 1) / secs,
                 "rows/s");
    bench_peer("torch_adam_trace_rows_per_s", quick, NULL);
    return isnan(secs) ? -1 : 0;
}

int bench_traces(bool quick)
{
    const long rows = quick ? 100000 : 1000000;
    objective obj;
    objective_builtin(&obj, builtin_find("rosenbrock"));
    run_settings s = run_settings_default();
    s.lr = 1e-2;
    s.max_steps = STATES;
    run *states = calloc(STATES, sizeof *states);
    run r;
    run_init(&r, &obj, &s, obj.start);
    for (int k = 0; k < STATES; k++) {
        run_copy(&states[k], &r);
        run_step(&r);
    }
    static const struct {
        trace_format fmt;
        const char *name;
    } formats[] = {{TRACE_CSV, "csv"}, {TRACE_JSONL, "jsonl"}};
    int rc = 0;
    for (size_t f = 0; f < 2; f++) {
        double secs;
        if (write_rows(states, formats[f].fmt, rows, &secs) < 0) {
            fprintf(stderr, "descent: bench: could not write a trace in /tmp\n");
            rc = 1;
            break;
        }
        char name[64];
        snprintf(name, sizeof name, "trace_%s_rows_per_s", formats[f].name);
        bench_figure(name, (double)rows / secs, "rows/s");
    }
    rc |= bench_trace_run(quick);
    for (int k = 0; k < STATES; k++)
        run_free(&states[k]);
    free(states);
    run_free(&r);
    objective_free(&obj);
    return rc;
}

int bench_memory(bool quick)
{
    int rc = 0;
    for (long n = 10000; n <= (quick ? 100000 : 10000000); n *= 10) {
        char steps[32], name[64];
        snprintf(steps, sizeof steps, "%ld", n);
        char *argv[] = {"descent", "run", "--steps", steps, "--trace", "-",
                        NULL};
        double kb = bench_spawn_rss(argv);
        snprintf(name, sizeof name, "run_trace_stdout_rss_at_%ld_kb", n);
        bench_figure(name, kb, "kB");
        rc |= isnan(kb);
    }
    return rc;
}
