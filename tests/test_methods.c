/* Issue 11's first-order methods against PyTorch 1.13 float64: every
 * file of tests/ref/ext run with the descent arguments CASES.txt gives
 * for it, through the options grammar (as the command line reads them),
 * to 1e-9 relative; and the schedules' rates step by step. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "objective_open.h"
#include "ref_match.h"
#include "run_values.h"
#include "session_methods.h"
#include "suites.h"

/* argv-style words of line into opts (at most max), in place. */
static int words(char *line, char **w, int max)
{
    int n = 0;
    for (char *t = strtok(line, " \n"); t && n < max; t = strtok(NULL, " \n"))
        w[n++] = t;
    return n;
}

/* Reads "--name value" words into o by the option table; 0 or -1. */
static int parse_args(run_options *o, char **w, int n, option_error *e)
{
    for (int i = 0; i < n; i++) {
        const option_entry *opt = option_by_name(run_option_table, w[i] + 2,
                                                 strlen(w[i] + 2));
        if (!opt || (opt->has_value && i + 1 >= n))
            return option_fail(e, w[i], "unknown or missing value");
        const char *v = opt->has_value ? w[++i] : NULL;
        if (run_options_set(o, opt->id, v, e) < 0)
            return -1;
    }
    return 0;
}

/* The worst relative error of the run CASES.txt gives for file. */
static double case_error(const char *file, const char *args)
{
    char buf[512], *w[40];
    snprintf(buf, sizeof buf, "%s", args);
    int n = words(buf, w, 40);
    run_options o;
    run_options_default(&o);
    option_error e;
    objective obj;
    run r;
    if (parse_args(&o, w, n, &e) < 0 || run_options_open(&o, &obj, &e) < 0) {
        CHECKF(0, "%s: %s: %s", file, e.where, e.message);
        return INFINITY;
    }
    CU_ASSERT_FATAL(run_init(&r, &obj, &o.s, run_options_start(&o, &obj)) == 0);
    char path[600];
    snprintf(path, sizeof path, "ext/%s", file);
    double err = ref_match(&r, path);
    CU_ASSERT_EQUAL(r.step, o.s.max_steps);
    run_free(&r);
    objective_free(&obj);
    return err < 0 ? INFINITY : err;
}

static void torch_ext(void)
{
    FILE *f = fopen(ref_path("ext/CASES.txt"), "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[512];
    int cases = 0;
    while (fgets(line, sizeof line, f)) {
        char *colon = strstr(line, ".csv: ");
        if (line[0] == '#' || !colon)
            continue;
        colon[4] = '\0';
        double err = case_error(line, colon + 6);
        CHECKF(err <= 1e-9, "%s: worst relative error %g", line, err);
        if (getenv("DESCENT_REF_ERRORS"))
            printf("\n  %-32s %.3g", line, err);
        cases++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(cases, 12);
}

/* The rates of torch's schedulers bit for bit (hex from torch 1.13),
 * past a cosine's trough, where it climbs back, and past a warm-up. */
static void schedule_rates(void)
{
    schedule cos = {SCHED_COSINE, 10, 0.0, 0.01, 0.0};
    static const struct { long e; double lr; } want[] = {
        {0, 0x1.999999999999ap-4}, {5, 0x1.c28f5c28f5c2ap-5},
        {10, 0x1.47ae147ae147bp-7}, {11, 0x1.8fd9a05f38618p-7},
        {15, 0x1.c28f5c28f5c47p-5}, {20, 0x1.99999999999b7p-4},
        {21, 0x1.9094281d0eb83p-4}, {30, 0x1.47ae147ae147bp-7},
        {34, 0x1.50a4db8eec084p-5}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        CHECKF(schedule_at(&cos, 0.1, want[i].e) == want[i].lr,
               "cosine after %ld steps: %a, want %a", want[i].e,
               schedule_at(&cos, 0.1, want[i].e), want[i].lr);
    schedule warm = {SCHED_WARMUP, 4, 0.0, 0.0, 0.25};
    static const double ramp[] = {0x1.999999999999ap-6, 0x1.6666666666667p-5,
                                  0x1.0000000000001p-4, 0x1.4cccccccccccep-4,
                                  0x1.999999999999bp-4, 0x1.999999999999bp-4};
    for (long e = 0; e < 6; e++)
        CHECKF(schedule_at(&warm, 0.1, e) == ramp[e], "warmup after %ld: %a",
               e, schedule_at(&warm, 0.1, e));
    schedule step = {SCHED_STEP, 3, 0.5, 0.0, 0.0};
    CU_ASSERT_EQUAL(schedule_at(&step, 1.0, 2), 1.0);
    CU_ASSERT_EQUAL(schedule_at(&step, 1.0, 3), 0.5);
    CU_ASSERT_EQUAL(schedule_at(&step, 1.0, 7), 0.25);
    char text[64];
    schedule_text(&cos, text, sizeof text);
    CU_ASSERT_STRING_EQUAL(text, "cosine:10:0.01");
    CU_ASSERT_FALSE(schedule_valid(&(schedule){SCHED_WARMUP, 5, 0, 0, 1.5}));
    CU_ASSERT_FALSE(schedule_valid(&(schedule){SCHED_STEP, 0, 0.5, 0, 0}));
}

/* sgd at lr with a warm-up over n steps from factor f. */
static run_settings sgd_warmup(double lr, long n, double f)
{
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    s.lr = lr;
    s.sched = (schedule){SCHED_WARMUP, n, 0.0, 0.0, f};
    return s;
}

static void open_run(run *r, objective *o, const char *name, run_settings *s)
{
    objective_builtin(o, builtin_find(name));
    CU_ASSERT_EQUAL_FATAL(run_init(r, o, s, o->start), CORE_OK);
}

/* Update t uses the rate after t − 1 steps; the trace's row 0 has update
 * 1's; a schedule and HD exclude each other; a new α, or a new schedule,
 * starts the schedule again from the current update. */
static void schedule_in_runs(void)
{
    run_settings s = sgd_warmup(0.1, 4, 0.25);
    objective o;
    run r;
    open_run(&r, &o, "quadratic", &s);
    CU_ASSERT_EQUAL(r.lr, 0.1 * 0.25);
    CU_ASSERT_EQUAL(run_settings_of(&r).lr, 0.1); /* the base */
    for (long t = 1; t <= 6; t++) {
        run_step(&r);
        CHECKF(r.lr == schedule_at(&s.sched, 0.1, t - 1),
               "update %ld used %a", t, r.lr);
    }
    run_settings hd = run_settings_of(&r);
    hd.hd.mode = HD_ADD;
    hd.hd.beta = 1e-3;
    CU_ASSERT_EQUAL(run_set_settings(&r, &hd), CORE_ECONFLICT);
    CU_ASSERT_EQUAL(r.s.hd.mode, HD_OFF);
    /* A new α restarts the warm-up from it here, at update 7. */
    run_settings a = run_settings_of(&r);
    a.lr = 0.2;
    CU_ASSERT_EQUAL(run_set_settings(&r, &a), CORE_OK);
    CU_ASSERT_EQUAL(r.lr, 0.2 * 0.25);
    CU_ASSERT_EQUAL(r.sched_from, 6);
    run_step(&r);
    CU_ASSERT_EQUAL(r.lr, 0.2 * 0.25);
    run_step(&r);
    CU_ASSERT_EQUAL(r.lr, schedule_at(&s.sched, 0.2, 1));
    /* Another schedule: from the same base, now. */
    a = run_settings_of(&r);
    a.sched = (schedule){SCHED_EXP, 0, 0.5, 0.0, 0.0};
    CU_ASSERT_EQUAL(run_set_settings(&r, &a), CORE_OK);
    CU_ASSERT_EQUAL(r.lr, 0.2);
    run_step(&r);
    run_step(&r);
    CU_ASSERT_EQUAL(r.lr, 0.1);
    /* Off: α stays where the schedule left it. */
    a = run_settings_of(&r);
    a.sched.kind = SCHED_NONE;
    CU_ASSERT_EQUAL(run_set_settings(&r, &a), CORE_OK);
    CU_ASSERT_EQUAL(r.lr, 0.1);
    run_free(&r);
    objective_free(&o);
    s.hd = (hd_setting){HD_ADD, 1e-3, 0.0, INFINITY};
    CU_ASSERT_EQUAL(run_init(&r, &o, &s, o.start), CORE_ECONFLICT);
}

/* Checks run_lr_ahead's n rates against the α the run's next n
 * updates then use (the first one finished from where it stands). */
static void ahead_matches(run *r, const char *what)
{
    enum { N = 24 };
    double want[N];
    run_lr_ahead(r, want, N);
    for (int k = 0; k < N; k++) {
        long t = r->step + 1;
        run_step(r);
        CHECKF(r->lr == want[k], "%s: update %ld used %a, ahead said %a",
               what, t, r->lr, want[k]);
    }
}

/* The lr chart's rates ahead are the core's schedule stepped as the run
 * steps it: from the start, mid-run, after a restart of the schedule,
 * mid-update, across a cosine's trough; constant without a schedule. */
static void lr_ahead(void)
{
    const schedule kinds[] = {{SCHED_COSINE, 7, 0.0, 0.01, 0.0},
                              {SCHED_STEP, 3, 0.5, 0.0, 0.0},
                              {SCHED_WARMUP, 4, 0.0, 0.0, 0.25},
                              {SCHED_EXP, 0, 0.9, 0.0, 0.0},
                              {SCHED_NONE, 0, 0.0, 0.0, 0.0}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        run_settings s = sgd_warmup(0.1, 4, 0.25);
        s.sched = kinds[i];
        s.max_steps = 1000;
        objective o;
        run r;
        open_run(&r, &o, "quadratic", &s);
        char what[32];
        snprintf(what, sizeof what, "%s", sched_kind_name(kinds[i].kind));
        ahead_matches(&r, what);
        CU_ASSERT_EQUAL(run_set_lr(&r, 0.05), CORE_OK);
        ahead_matches(&r, what);
        while (r.next <= STAGE_HYPERGRAD)
            run_stage_step(&r);
        ahead_matches(&r, what);
        while (r.next != STAGE_HYPERGRAD)
            run_stage_step(&r);
        ahead_matches(&r, what);
        run_free(&r);
        objective_free(&o);
    }
}

/* AMSGrad's maximum appears and goes with the setting, starting at zero,
 * the rest of the state kept. */
static void amsgrad_mid_run(void)
{
    run_settings s = run_settings_default();
    s.lr = 0.01;
    objective o;
    run r;
    open_run(&r, &o, "rosenbrock", &s);
    run_step(&r);
    run_step(&r);
    double m0 = r.state[0], v0 = r.state[2];
    run_settings a = run_settings_of(&r);
    a.op.amsgrad = true;
    CU_ASSERT_EQUAL(run_set_settings(&r, &a), CORE_OK);
    CU_ASSERT_EQUAL(r.state_len, 6);
    CU_ASSERT_EQUAL(r.state[0], m0);
    CU_ASSERT_EQUAL(r.state[2], v0);
    CU_ASSERT_EQUAL(r.state[4], 0.0);
    run_step(&r);
    CU_ASSERT_EQUAL(r.state[4], r.state[2]); /* max(0, v) */
    a = run_settings_of(&r);
    a.op.amsgrad = false;
    CU_ASSERT_EQUAL(run_set_settings(&r, &a), CORE_OK);
    CU_ASSERT_EQUAL(r.state_len, 4);
    run_step(&r);
    CU_ASSERT_EQUAL(r.status, RUN_RUNNING);
    run_free(&r);
    objective_free(&o);
}

/* Forward differences divide by the step taken; in float32 the step at
 * 2 with h = 1e-7 is zero (x + h == x), and the quotient 0/0. */
static void forward_and_float32(void)
{
    objective o;
    objective_builtin(&o, builtin_find("quadratic"));
    double x[2] = {2.0, 1.0}, g[2];
    CU_ASSERT_EQUAL(gradient_eval(&o, GRAD_FORWARD, 1e-7, x, g), CORE_OK);
    CU_ASSERT_DOUBLE_EQUAL(g[0], 4.0, 1e-6);
    CU_ASSERT_TRUE(grad_method_uses_h(GRAD_FORWARD));
    CU_ASSERT_EQUAL(gradient_step_taken(&o, 2.0, 1e-7, false),
                    (2.0 + 1e-7) - 2.0);
    CU_ASSERT_EQUAL(objective_single(&o), CORE_OK);
    CU_ASSERT_TRUE(o.single);
    CU_ASSERT_EQUAL(gradient_step_taken(&o, 2.0, 1e-7, false), 0.0);
    CU_ASSERT_EQUAL(gradient_step_taken(&o, 1.0, 1e-7, false), 0x1p-23);
    CU_ASSERT_EQUAL(gradient_eval(&o, GRAD_FORWARD, 1e-7, x, g), CORE_OK);
    CU_ASSERT_TRUE(isnan(g[0]));
    /* Every value is a float32: 0.1 as float32, squared in float32. */
    double p[2] = {0.1, 0.0};
    float t = 0.1f;
    CU_ASSERT_EQUAL(o.ops->value(o.ctx, p), (double)(t * t));
    CU_ASSERT_EQUAL(gradient_eval(&o, GRAD_AD, 1e-7, p, g), CORE_OK);
    CU_ASSERT_EQUAL(g[0], (double)(2.0f * t));
    objective_free(&o);
    /* An expression in float32 throughout, its constants too. */
    objective e;
    objective_error err;
    CU_ASSERT_EQUAL_FATAL(objective_open("x*0.1 + y", &e, &err), 0);
    CU_ASSERT_EQUAL(objective_single(&e), CORE_OK);
    double q[2] = {3.0, 0.0};
    CU_ASSERT_EQUAL(e.ops->value(e.ctx, q), (double)(3.0f * 0.1f));
    objective_free(&e);
}

/* The TUI's session restarts a run with a schedule from its base, not
 * from the α the schedule had reached; typed settings and a comparison
 * of a schedule with hypergradients go through the options' grammar. */
static void session_schedules(void)
{
    run_settings s = sgd_warmup(0.01, 10, 0.1);
    session ss;
    char err[256];
    CU_ASSERT_EQUAL_FATAL(session_init(&ss, "rosenbrock", &s, NULL, NULL, err,
                                       sizeof err), 0);
    for (int i = 0; i < 5; i++)
        session_step(&ss);
    CU_ASSERT_EQUAL(session_reset(&ss), CORE_OK);
    CU_ASSERT_EQUAL(session_focused(&ss)->lr, 0.01 * 0.1);
    option_error e;
    CU_ASSERT_EQUAL(session_apply_text(&ss, "schedule cosine:100 "
                                       "weight-decay 0.01 amsgrad off", &e), 0);
    CU_ASSERT_EQUAL(session_focused(&ss)->s.sched.kind, SCHED_COSINE);
    CU_ASSERT_EQUAL(session_focused(&ss)->s.op.weight_decay, 0.01);
    char text[1024];
    session_settings_text(&ss, text, sizeof text);
    CHECKF(strstr(text, "optimizer sgd · lr 0.01 · weight-decay 0.01 · grad "
                  "analytic · clip none · schedule cosine:100:0 · steps "
                  "1000 · tol 0") == text, "settings: %s", text);
    CU_ASSERT_EQUAL(session_apply_text(&ss, "--hypergrad add", &e), -1);
    CU_ASSERT_STRING_EQUAL(e.where, "--schedule");
    CU_ASSERT_EQUAL(session_apply_text(&ss, "bogus 1", &e), -1);
    CU_ASSERT_STRING_EQUAL(e.message, "unknown setting 'bogus'");
    char what[64];
    CU_ASSERT_EQUAL(session_versus(&ss, what, sizeof what, &e), 0);
    CU_ASSERT_EQUAL(ss.nruns, 2);
    CU_ASSERT_STRING_EQUAL(what, "hypergradient add");
    CU_ASSERT_EQUAL(ss.runs[1].r.s.hd.mode, HD_ADD);
    CU_ASSERT_EQUAL(ss.runs[1].r.s.sched.kind, SCHED_NONE);
    CU_ASSERT_EQUAL(ss.runs[1].r.s.hd.beta, 1e-3);
    CU_ASSERT_EQUAL(session_versus(&ss, what, sizeof what, &e), 0);
    CU_ASSERT_STRING_EQUAL(what, "schedule cosine:1000");
    CU_ASSERT_EQUAL(ss.runs[2].r.s.sched.kind, SCHED_COSINE);
    CU_ASSERT_EQUAL(session_compare(&ss, "--precision single", &e), -1);
    CU_ASSERT_EQUAL(ss.nruns, 3);
    CU_ASSERT_EQUAL(session_apply_text(&ss, "precision single", &e), 0);
    CU_ASSERT_TRUE(ss.obj.single);
    CU_ASSERT_TRUE(session_focused(&ss)->obj->single);
    CU_ASSERT_EQUAL(ss.nruns, 3);
    session_free(&ss);
}

void suite_methods(void)
{
    static const test_case tests[] = {
        {"torch 1.13 trajectories of tests/ref/ext", torch_ext},
        {"schedule rates as torch's", schedule_rates},
        {"schedules in runs", schedule_in_runs},
        {"the schedule's rates ahead", lr_ahead},
        {"amsgrad switched mid-run", amsgrad_mid_run},
        {"forward differences and float32", forward_and_float32},
        {"schedules and settings in the TUI's session", session_schedules},
        {NULL, NULL}};
    add_suite("methods", tests);
}
