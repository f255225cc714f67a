/* Traces: every number reads back bit for bit, in both formats; writing
 * is atomic and never replaces a file without force; the reader says
 * where a damaged trace is damaged. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "suites.h"
#include "trace.h"
#include "trace_read.h"

static char dir[] = "/tmp/descent-test-XXXXXX";

static const char *in_dir(const char *name)
{
    static char buf[128];
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

enum { STEPS = 300 };

static int write_run_row(trace_writer *w, const run *r)
{
    trace_row row;
    trace_row_of(&row, r);
    return trace_write_row(w, &row, r->theta);
}

/* Writes a run with NaN-free but awkward numbers (HD, clipping) and
 * keeps every row's values to compare with what is read back. */
static void round_trip(const char *name)
{
    objective obj;
    objective_builtin(&obj, builtin_find("beale"));
    run_settings s = run_settings_default();
    s.lr = 0.03;
    s.clip = (clip_setting){CLIP_NORM, 3.0};
    s.hd = (hd_setting){HD_ADD, 1e-5, 0.0, 0.0301};
    s.max_steps = STEPS;
    run r;
    run_init(&r, &obj, &s, obj.start);
    char err[256];
    trace_format fmt;
    CU_ASSERT_EQUAL_FATAL(trace_format_from_path(name, &fmt), 0);
    const char *path = in_dir(name);
    trace_meta meta = {.objective = "beale", .start = obj.start, .params = 2};
    trace_writer *w = trace_open(path, fmt, false, &r, &meta, err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    static double want[STEPS + 1][12];
    for (int t = 0; t <= STEPS; t++) {
        if (t)
            run_step(&r);
        double row[12] = {(double)r.step, r.loss, r.grad_norm, r.last.clipped,
                          r.lr, r.last.hypergrad, r.last.lr_clamped,
                          r.last.update_norm, r.theta[0], r.theta[1],
                          (double)r.evals, (double)r.gevals};
        memcpy(want[t], row, sizeof row);
        CU_ASSERT_EQUAL(write_run_row(w, &r), 0);
    }
    /* Nothing is visible at path until the trace is closed. */
    CU_ASSERT_NOT_EQUAL(access(path, F_OK), 0);
    CU_ASSERT_EQUAL_FATAL(trace_close(w, &r, err, sizeof err), 0);
    trace_data d;
    trace_read_error re;
    CU_ASSERT_EQUAL_FATAL(trace_read(path, &d, &re), 0);
    CU_ASSERT_EQUAL(d.cols, 12);
    CU_ASSERT_EQUAL(d.rows, STEPS + 1);
    CU_ASSERT_STRING_EQUAL(d.names[8], "x0");
    CU_ASSERT_STRING_EQUAL(d.names[10], "evals");
    CU_ASSERT_EQUAL(want[STEPS][10], STEPS + 1); /* f and ∇f per update */
    CU_ASSERT_EQUAL(want[0][11], 1);
    CU_ASSERT_EQUAL(memcmp(d.v, want, sizeof want), 0);
    if (fmt == TRACE_JSONL) {
        CU_ASSERT_STRING_EQUAL(d.status, "max_steps");
        CU_ASSERT_STRING_EQUAL(d.objective, "beale");
        CU_ASSERT_STRING_EQUAL(d.optimizer, "adam");
    }
    bool clamped = false;
    for (int t = 0; t <= STEPS; t++)
        clamped |= want[t][6] != 0;
    CU_ASSERT_TRUE(clamped); /* the test covers the clamp column */
    trace_data_free(&d);
    run_free(&r);
    objective_free(&obj);
}

static void csv_round_trip(void) { round_trip("rt.csv"); }
static void jsonl_round_trip(void) { round_trip("rt.jsonl"); }

static void no_overwrite(void)
{
    const char *path = in_dir("keep.csv");
    write_file(path, "precious\n");
    char err[256];
    CU_ASSERT_EQUAL(trace_check_path(path, false, err, sizeof err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "file exists"));
    CU_ASSERT_EQUAL(trace_check_path(path, true, err, sizeof err), 0);
    /* A file that appears between check and close is not replaced. */
    objective obj;
    objective_builtin(&obj, builtin_find("quadratic"));
    run_settings s = run_settings_default();
    run r;
    run_init(&r, &obj, &s, obj.start);
    const char *late = in_dir("late.csv");
    trace_meta meta = {.objective = "quadratic", .start = obj.start, .params = 2};
    trace_writer *w = trace_open(late, TRACE_CSV, false, &r, &meta, err, sizeof err);
    write_run_row(w, &r);
    write_file(late, "arrived meanwhile\n");
    CU_ASSERT_EQUAL(trace_close(w, &r, err, sizeof err), -1);
    FILE *f = fopen(late, "r");
    char line[64] = "";
    fgets(line, sizeof line, f);
    fclose(f);
    CU_ASSERT_STRING_EQUAL(line, "arrived meanwhile\n");
    CU_ASSERT_EQUAL(trace_check_path(in_dir("x.txt"), false, err, sizeof err), -1);
    CU_ASSERT_EQUAL(trace_check_path("/nonexistent-dir/x.csv", false, err, sizeof err), -1);
    CU_ASSERT_EQUAL(trace_check_path(dir, true, err, sizeof err), -1);
    run_free(&r);
    objective_free(&obj);
}

static void expect_error(const char *name, const char *text, long line,
                         long col, const char *msg)
{
    const char *path = in_dir(name);
    write_file(path, text);
    trace_data d;
    trace_read_error e;
    CU_ASSERT_EQUAL(trace_read(path, &d, &e), -1);
    char m[400];
    snprintf(m, sizeof m, "%s: got %ld:%ld: %s", name, e.line, e.column, e.message);
    CHECK_MSG(e.line == line && e.column == col && strstr(e.message, msg), m);
}

static void damaged(void)
{
    expect_error("a.csv", "", 0, 0, "empty file");
    expect_error("b.csv", "loss,step\n", 1, 1, "first column must be 'step'");
    expect_error("c.csv", "step,loss\n0,1\n1,x\n", 3, 3, "'x' is not a number");
    expect_error("d.csv", "step,loss\n0\n", 2, 2, "1 values, the header has 2");
    expect_error("e.csv", "step,loss\n0,1,2\n", 2, 4, "more values");
    expect_error("f.csv", "step,loss\n0,1\n\n", 3, 1, "empty line");
    expect_error("g.csv", "step,loss\n0,0x1p3\n", 2, 3, "not a number");
    expect_error("a.jsonl", "{\"type\":\"step\"}\n", 1, 1, "first record must be the header");
    expect_error("b.jsonl",
                 "{\"type\":\"header\",\"format\":1,\"columns\":[\"step\",\"loss\"]}\n"
                 "{\"type\":\"step\",\"step\":0}\n", 2, 1, "lacks a number for 'loss'");
    expect_error("c.jsonl",
                 "{\"type\":\"header\",\"format\":1,\"columns\":[\"step\"]}\n{\"type\":\n",
                 2, 8, "end of file");
    expect_error("d.jsonl", "{\"type\":\"header\",\"format\":2,\"columns\":[]}\n", 1, 1,
                 "unsupported trace format");
}

static void null_reads_nan(void)
{
    const char *path = in_dir("n.jsonl");
    write_file(path, "{\"type\":\"header\",\"format\":1,\"columns\":[\"step\",\"loss\"]}\n"
                     "{\"type\":\"step\",\"step\":0,\"loss\":null}\n"
                     "{\"type\":\"end\",\"status\":\"diverged\",\"steps\":0}\n");
    trace_data d;
    trace_read_error e;
    CU_ASSERT_EQUAL_FATAL(trace_read(path, &d, &e), 0);
    CU_ASSERT(isnan(d.v[1]));
    CU_ASSERT_STRING_EQUAL(d.status, "diverged");
    trace_data_free(&d);
}

/* A name that is not UTF-8 (a file name in Latin-1) still makes a JSON
 * line that a strict reader takes; valid UTF-8 passes through as is. */
static void json_strings_stay_utf8(void)
{
    objective obj;
    objective_builtin(&obj, builtin_find("quadratic"));
    run_settings s = run_settings_default();
    run r;
    run_init(&r, &obj, &s, obj.start);
    const char *path = in_dir("utf8.jsonl");
    char err[256];
    trace_meta meta = {.objective = "caf\xe9 \xe2\x82\xac \xed\xa0\x80",
                       .start = obj.start, .params = 2};
    trace_writer *w = trace_open(path, TRACE_JSONL, false, &r, &meta, err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    write_run_row(w, &r);
    CU_ASSERT_EQUAL_FATAL(trace_close(w, &r, err, sizeof err), 0);
    trace_data d;
    trace_read_error e;
    CU_ASSERT_EQUAL_FATAL(trace_read(path, &d, &e), 0);
    /* é read back from \u00e9 is C3 A9; € kept; a surrogate's bytes
     * escaped one by one. */
    CU_ASSERT_STRING_EQUAL(d.objective,
                           "caf\xc3\xa9 \xe2\x82\xac \xc3\xad\xc2\xa0\xc2\x80");
    trace_data_free(&d);
    run_free(&r);
    objective_free(&obj);
}

static void setup(void)
{
    if (!mkdtemp(dir))
        abort();
}

void suite_trace(void)
{
    static const test_case tests[] = {
        {"CSV round trip is bit-exact", csv_round_trip},
        {"JSONL round trip is bit-exact", jsonl_round_trip},
        {"no overwrite without force", no_overwrite},
        {"damaged traces name line and column", damaged},
        {"null reads as NaN", null_reads_nan},
        {"JSON strings stay UTF-8", json_strings_stay_utf8},
        {NULL, NULL}};
    setup();
    add_suite("trace", tests);
}
