/* Fuzz target for traces, as `descent replay` reads them: a file whose
 * first character is '{' as JSON Lines, any other as CSV; trace_read,
 * trace_data_check, then the replay's own reading (replay_init, each
 * row, the status line). Besides crashes, sanitizer reports and leaks,
 * these properties abort the run:
 *  - an error names a line within the file (or 0) and has a message;
 *  - a checked trace has rows, numbered 0, 1, ...;
 *  - the replay's θ columns are the trace's x0, x1, ... */
#include <stdio.h>
#include <string.h>

#include "fuzz_driver.h"
#include "replay.h"
#include "trace_read.h"

const char fuzz_name[] = "trace";

static void check_replay(trace_data *t, const uint8_t *data, size_t size)
{
    size_t cols = t->cols;
    int x0 = trace_data_col(t, "x0");
    replay rp;
    if (replay_init(&rp, "x", t) < 0)
        return;
    if (rp.nrows == 0 || (x0 < 0) != (rp.params == 0) ||
        (x0 >= 0 && (size_t)x0 + rp.params > cols))
        fuzz_fail("replay columns", data, size);
    for (size_t i = 0; i < rp.nrows; i++) {
        hist_row r = replay_hist_row(&rp, i);
        double x = replay_theta(&rp, i, 0);
        if (rp.params && memcmp(&x, &r.theta[0], sizeof x) != 0)
            fuzz_fail("θ differs between row and column", data, size);
    }
    char status[256];
    replay_status_text(&rp, status, sizeof status);
    (void)replay_diverged(&rp);
    replay_free(&rp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t lead = 0;
    while (lead < size && (data[lead] == ' ' || data[lead] == '\n'))
        lead++;
    const char *name = lead < size && data[lead] == '{' ? "x.jsonl" : "x.csv";
    const char *path = fuzz_file(name, data, size);
    if (!path)
        return 0;
    trace_data t;
    trace_read_error e;
    int rc = trace_read(path, &t, &e);
    if (rc == 0 && (rc = trace_data_check(&t, &e)) < 0)
        trace_data_free(&t);
    if (rc < 0) {
        fuzz_check_place(e.line, e.column, e.message, data, size);
        return 0;
    }
    for (size_t i = 0; i < t.rows; i++)
        if (t.v[i * t.cols] != (double)i)
            fuzz_fail("rows not numbered", data, size);
    check_replay(&t, data, size);
    return 0;
}
