/* The session's side of errors with a kind: a run that cannot start is
 * reported by what went wrong, and never leaves a half-made run behind. */
#include <math.h>
#include <string.h>

#include "session.h"
#include "suites.h"
#include "toy_optim.h"

static void open_session(session *s)
{
    char err[128];
    run_settings set = run_settings_default();
    set.lr = 0.05;
    CU_ASSERT_EQUAL_FATAL(session_init(s, "rosenbrock", &set, NULL, NULL,
                                       err, sizeof err), 0);
    for (int t = 0; t < 3; t++)
        session_step(s);
}

/* Settings no run can start with, written past the API, as a stand-in
 * for anything that makes a restart fail. */
static void spoil(session *s, int i) { s->runs[i].r.s.h = -1.0; }

static void start_refused(void)
{
    session s;
    char err[128];
    run_settings set = run_settings_default();
    CU_ASSERT_EQUAL(session_init(&s, "x^2 + y^2", &set, NULL, NULL, err,
                                 sizeof err), -1);
    CU_ASSERT_STRING_EQUAL(err, "analytic gradients are not available for "
                                "x^2 + y^2");
    set.grad = GRAD_AD;
    set.opt = &toy_bare;
    set.hd.mode = HD_ADD;
    CU_ASSERT_EQUAL(session_init(&s, "x^2 + y^2", &set, NULL, NULL, err,
                                 sizeof err), -1);
    CU_ASSERT_STRING_EQUAL(err, core_error_message(CORE_EUNSUPPORTED));
}

/* A reset that fails keeps the run it had: θ is there for the next step
 * (it was NULL). */
static void reset_keeps_run(void)
{
    session s;
    open_session(&s);
    spoil(&s, 0);
    CU_ASSERT_EQUAL(session_reset(&s), CORE_ERANGE);
    run *r = session_focused(&s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r->theta);
    CU_ASSERT_EQUAL(r->step, 3);
    CU_ASSERT_EQUAL(session_set_start(&s, 0.5, 0.5), CORE_ERANGE);
    CU_ASSERT_EQUAL(r->step, 3);
    r->s.h = 1e-7;
    CU_ASSERT_EQUAL(session_step(&s), 1);
    CU_ASSERT_EQUAL(r->step, 4);
    CU_ASSERT_EQUAL(session_reset(&s), CORE_OK);
    CU_ASSERT_EQUAL(session_focused(&s)->step, 0);
    CU_ASSERT_EQUAL(session_focused(&s)->theta[0], 0.5);
    session_free(&s);
}

/* A new objective whose runs cannot start changes nothing. */
static void objective_all_or_nothing(void)
{
    session s;
    open_session(&s);
    spoil(&s, 0);
    objective_error err;
    CU_ASSERT_EQUAL(session_set_objective(&s, "booth", &err), -1);
    CU_ASSERT_STRING_EQUAL(err.message, core_error_message(CORE_ERANGE));
    CU_ASSERT_STRING_EQUAL(s.obj.name, "rosenbrock");
    CU_ASSERT_STRING_EQUAL(s.spec, "rosenbrock");
    run *r = session_focused(&s);
    CU_ASSERT_PTR_EQUAL(r->obj, &s.obj);
    CU_ASSERT_EQUAL(r->step, 3);
    r->s.h = 1e-7;
    CU_ASSERT_EQUAL(session_set_objective(&s, "booth", &err), 0);
    CU_ASSERT_STRING_EQUAL(s.obj.name, "booth");
    CU_ASSERT_EQUAL(session_focused(&s)->step, 0);
    CU_ASSERT_EQUAL(session_step(&s), 1);
    session_free(&s);
}

/* Compare: a new run that cannot start is not added; one already there
 * that cannot restart stays as it was. */
static void compare_refused(void)
{
    session s;
    open_session(&s);
    spoil(&s, 0);
    CU_ASSERT_EQUAL(session_add_run(&s), CORE_ERANGE);
    CU_ASSERT_EQUAL(s.nruns, 1);
    s.runs[0].r.s.h = 1e-7;
    CU_ASSERT_EQUAL(session_add_run(&s), CORE_OK);
    CU_ASSERT_EQUAL(s.nruns, 2);
    spoil(&s, 0);
    CU_ASSERT_EQUAL(session_add_run(&s), CORE_ERANGE);
    CU_ASSERT_EQUAL(s.nruns, 3);
    CU_ASSERT_PTR_NOT_NULL(s.runs[0].r.theta);
    s.runs[0].r.s.h = 1e-7;
    CU_ASSERT_EQUAL(session_add_run(&s), CORE_OK);
    CU_ASSERT_EQUAL(session_add_run(&s), CORE_ERANGE); /* four already */
    CU_ASSERT_EQUAL(s.nruns, SESSION_MAX_RUNS);
    CU_ASSERT_EQUAL(session_step(&s), SESSION_MAX_RUNS);
    session_free(&s);
}

/* The status line says why a run stopped itself. */
static void stopped_by_error(void)
{
    session s;
    open_session(&s);
    run *r = session_focused(&s);
    r->status = RUN_STOPPED;
    r->error = CORE_ENOMEM;
    char buf[128];
    session_status_text(&s, 0, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "stopped at step 3: out of memory");
    session_free(&s);
}

void suite_session_errors(void)
{
    static const test_case tests[] = {
        {"a session that cannot start says why", start_refused},
        {"a failed reset keeps the run", reset_keeps_run},
        {"an objective switch is all or nothing", objective_all_or_nothing},
        {"compare with runs that cannot start", compare_refused},
        {"a run stopped by an error says so", stopped_by_error},
        {NULL, NULL}};
    add_suite("session_errors", tests);
}
