/* Trace writing: rows per second for CSV and JSON Lines, on the numbers
 * of a real Adam run (cycled), to a file in the temporary directory. */
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
    for (long k = 0; k < rows; k++)
        trace_write_row(w, &states[k % STATES], NULL);
    int rc = trace_close(w, &states[STATES - 1], err, sizeof err);
    *secs = bench_now() - t0;
    unlink(path);
    rmdir(dir);
    return rc;
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
        printf("trace_%s_rows_per_s %.0f rows/s\n", formats[f].name,
               (double)rows / secs);
    }
    for (int k = 0; k < STATES; k++)
        run_free(&states[k]);
    free(states);
    run_free(&r);
    objective_free(&obj);
    return rc;
}
