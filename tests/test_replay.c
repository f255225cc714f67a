/* descent replay's pure parts: the strict column check of traces, rows
 * mapped into the TUI's history, the cursor moving the session's run,
 * the end status (from the end record, or a CSV's last row). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "replay.h"
#include "suites.h"

static char dir[] = "/tmp/descent-replay-XXXXXX";

static const char *write_trace(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

#define HEAD "step,loss,grad_norm,clipped,lr,hypergrad,lr_clamped,update_norm"

static const char csv_ok[] =
    HEAD ",x0,x1\n"
    "0,12.5,3,0,0.1,0,0,0,-1.5,2\n"
    "1,4.25,2,1,0.2,0.5,1,0.75,-1,1.5\n"
    "2,1.5,1,0,0.3,-0.25,0,0.5,-0.5,1\n";

/* Reads and checks a trace: 0, or -1 with err (its line, column, text). */
static int load(const char *name, const char *text, trace_data *t,
                trace_read_error *e)
{
    if (trace_read(write_trace(name, text), t, e) < 0)
        return -1;
    if (trace_data_check(t, e) < 0) {
        trace_data_free(t);
        return -1;
    }
    return 0;
}

static void expect_check(const char *text, long line, long col,
                         const char *msg)
{
    trace_data t;
    trace_read_error e;
    CU_ASSERT_EQUAL(load("bad.csv", text, &t, &e), -1);
    char m[400];
    snprintf(m, sizeof m, "got %ld:%ld: %s", e.line, e.column, e.message);
    CHECK_MSG(e.line == line && e.column == col && strstr(e.message, msg), m);
}

static void columns_checked(void)
{
    expect_check("step,loss,grad_norm\n0,1,2\n", 1, 20,
                 "the columns end before 'clipped'");
    expect_check("step,loss,gnorm,clipped\n0,1,2,0\n", 1, 11,
                 "column 3 must be 'grad_norm', not 'gnorm'");
    expect_check(HEAD ",x0,x2\n0,1,1,0,1,0,0,0,1,2\n", 1, 68,
                 "unexpected column 'x2'");
    expect_check(HEAD ",x0,val_loss,color\n0,1,1,0,1,0,0,0,1,2,3\n", 1, 77,
                 "unexpected column 'color'");
    expect_check(HEAD "\n", 0, 0, "no rows");
    expect_check(HEAD "\n0,1,1,0,1,0,0,0\n2,1,1,0,1,0,0,0\n", 3, 1,
                 "step 2 where 1 was expected");
    trace_data t;
    trace_read_error e;
    CU_ASSERT_EQUAL(load("ok.csv", csv_ok, &t, &e), 0);
    trace_data_free(&t);
    CU_ASSERT_EQUAL(load("m.csv", HEAD ",x0,val_loss,train_acc,val_acc\n"
                                  "0,1,1,0,1,0,0,0,1,2,0.5,0.5\n", &t, &e), 0);
    trace_data_free(&t);
}

static void rows_into_history(void)
{
    trace_data t;
    trace_read_error e;
    CU_ASSERT_EQUAL_FATAL(load("ok.csv", csv_ok, &t, &e), 0);
    replay rp;
    CU_ASSERT_EQUAL_FATAL(replay_init(&rp, "ok.csv", &t), 0);
    hist_row r = replay_hist_row(&rp, 1);
    CU_ASSERT_EQUAL(r.loss, 4.25);
    CU_ASSERT_EQUAL(r.grad_norm, 2);
    CU_ASSERT_EQUAL(r.lr, 0.2);
    CU_ASSERT_EQUAL(r.hypergrad, 0.5);
    CU_ASSERT_EQUAL(r.update_norm, 0.75);
    CU_ASSERT_TRUE(r.clipped && r.lr_clamped);
    CU_ASSERT_EQUAL(r.theta[0], -1.0);
    CU_ASSERT_EQUAL(r.theta[1], 1.5);
    CU_ASSERT_TRUE(isnan(r.val_loss) && isnan(r.train_acc) &&
                   isnan(r.gclip_norm));
    CU_ASSERT_EQUAL(rp.params, 2);
    CU_ASSERT_EQUAL(rp.nrows, 3);
    CU_ASSERT_FALSE(rp.accuracy);
    /* The path's box, padded by a tenth of its size. */
    CU_ASSERT_DOUBLE_EQUAL(rp.box[0], -1.6, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(rp.box[1], -0.4, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(rp.box[2], 0.9, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(rp.box[3], 2.1, 1e-12);
    CU_ASSERT_EQUAL(replay_value(&rp, REPLAY_COL_HYPERGRAD, 2), -0.25);
    CU_ASSERT_TRUE(isnan(replay_value(&rp, REPLAY_COL_VAL_LOSS, 2)));
    CU_ASSERT_EQUAL(replay_theta(&rp, 2, 1), 1.0);
    replay_free(&rp);
}

/* A session over the plain stand-in objective with the trace attached:
 * the cursor sets the run's state and the history's length. */
static void cursor_moves_the_run(void)
{
    trace_data t;
    trace_read_error e;
    CU_ASSERT_EQUAL_FATAL(load("ok.csv", csv_ok, &t, &e), 0);
    replay rp;
    CU_ASSERT_EQUAL_FATAL(replay_init(&rp, "ok.csv", &t), 0);
    objective obj;
    replay_plain_objective(&rp, &obj);
    run_settings set = run_settings_default();
    session s;
    char err[200];
    CU_ASSERT_EQUAL_FATAL(session_init_objective(&s, &obj, &set, NULL,
                                                 rp.box, err, sizeof err), 0);
    replay_attach(&rp, &s);
    run *r = session_focused(&s);
    CU_ASSERT_EQUAL(s.runs[0].h.nrows, 1);
    CU_ASSERT_EQUAL(r->step, 0);
    CU_ASSERT_EQUAL(r->theta[0], -1.5);
    CU_ASSERT_EQUAL(r->status, RUN_RUNNING);
    replay_seek(&rp, &s, 1);
    CU_ASSERT_EQUAL(s.runs[0].h.nrows, 2);
    CU_ASSERT_EQUAL(r->loss, 4.25);
    CU_ASSERT_EQUAL(r->lr, 0.2);
    CU_ASSERT_EQUAL(r->theta_prev[1], 2.0);
    CU_ASSERT_TRUE(r->last.clipped);
    replay_seek(&rp, &s, 99); /* clamped to the last row */
    CU_ASSERT_EQUAL(rp.cursor, 2);
    CU_ASSERT_TRUE(replay_at_end(&rp));
    CU_ASSERT_EQUAL(r->status, RUN_STOPPED); /* a CSV has no end record */
    char buf[200];
    replay_status_text(&rp, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "end of trace at step 2");
    session_free(&s);
    replay_free(&rp);
}

static void end_status(void)
{
    trace_data t;
    trace_read_error e;
    replay rp;
    char buf[200];
    CU_ASSERT_EQUAL_FATAL(load("d.csv", HEAD ",x0,x1\n0,1,1,0,1,0,0,0,1,2\n"
                                        "1,inf,nan,0,1,0,0,5,1e200,2\n",
                               &t, &e), 0);
    CU_ASSERT_EQUAL_FATAL(replay_init(&rp, "d.csv", &t), 0);
    rp.cursor = 1;
    CU_ASSERT_TRUE(replay_diverged(&rp));
    replay_status_text(&rp, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "diverged at step 1");
    /* The diverged row's θ (1e200) stays out of the box. */
    CU_ASSERT_TRUE(rp.box[1] < 2.0);
    replay_free(&rp);
    CU_ASSERT_EQUAL_FATAL(load("d.jsonl",
        "{\"type\":\"header\",\"format\":1,\"objective\":\"rosenbrock\","
        "\"optimizer\":\"sgd\",\"dim\":2,\"columns\":[\"step\",\"loss\","
        "\"grad_norm\",\"clipped\",\"lr\",\"hypergrad\",\"lr_clamped\","
        "\"update_norm\",\"x0\",\"x1\"]}\n"
        "{\"type\":\"step\",\"step\":0,\"loss\":1,\"grad_norm\":1,\"clipped\":0,"
        "\"lr\":1,\"hypergrad\":0,\"lr_clamped\":0,\"update_norm\":0,\"x0\":1,"
        "\"x1\":2}\n"
        "{\"type\":\"end\",\"status\":\"diverged\",\"steps\":0,"
        "\"reason\":\"loss is NaN\"}\n", &t, &e), 0);
    CU_ASSERT_STRING_EQUAL(t.objective, "rosenbrock");
    CU_ASSERT_EQUAL(t.dim, 2);
    CU_ASSERT_EQUAL_FATAL(replay_init(&rp, "d.jsonl", &t), 0);
    replay_status_text(&rp, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "diverged at step 0: loss is NaN");
    replay_free(&rp);
    trace_read_error e2;
    trace_data t2;
    CU_ASSERT_EQUAL(trace_read(write_trace("u.jsonl",
        "{\"type\":\"header\",\"format\":1,\"columns\":[\"step\"]}\n"
        "{\"type\":\"end\",\"status\":\"exploded\",\"steps\":0}\n"), &t2, &e2), -1);
    CU_ASSERT_EQUAL(e2.line, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(e2.message, "known status"));
}

void suite_replay(void)
{
    static const test_case tests[] = {
        {"traces' columns and steps are checked", columns_checked},
        {"rows map into the history", rows_into_history},
        {"the cursor moves the session's run", cursor_moves_the_run},
        {"the end status", end_status},
        {NULL, NULL}};
    if (!mkdtemp(dir))
        abort();
    add_suite("replay", tests);
}
