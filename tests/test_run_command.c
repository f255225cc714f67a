/* The run as a command (the TUI's y key): the command line written for a
 * session, split by the shell's rules (wordexp) and read by descent
 * tui's own parser (tui_args_parse, then the session as the TUI opens
 * it), gives the same runs: objective, start, view, precision, step
 * limit, and every run's settings as the settings panel writes them. */
#include <stdio.h>
#include <string.h>
#include <wordexp.h>

#include "run_command.h"
#include "run_live.h"
#include "session_methods.h"
#include "suites.h"
#include "tui_args.h"

/* A session opened from a command line as `descent tui` opens it; the
 * words stay in we (the options point into them). 0 or -1. */
static int open_line(const char *line, wordexp_t *we, tui_args *ta,
                     session *s)
{
    if (wordexp(line, we, WRDE_NOCMD | WRDE_UNDEF) != 0)
        return -1;
    if (we->we_wordc < 2 || strcmp(we->we_wordv[0], "descent") != 0 ||
        strcmp(we->we_wordv[1], "tui") != 0 ||
        tui_args_parse(ta, (int)we->we_wordc - 2, we->we_wordv + 2) != 0) {
        wordfree(we);
        return -1;
    }
    if (tui_session_open(s, &ta->t) != 0) {
        tui_args_free(ta);
        wordfree(we);
        return -1;
    }
    return 0;
}

static void close_line(wordexp_t *we, tui_args *ta, session *s)
{
    session_free(s);
    tui_args_free(ta);
    wordfree(we);
}

/* Whether run a and b have the same settings, as the settings panel
 * shows them (those that apply), and the α they start from. */
static bool same_run(const run *a, const run *b, char *why, size_t cap)

{
    int ids[OPT_TOL], idb[OPT_TOL];
    size_t na = run_live_settings(a, ids, OPT_TOL),
           nb = run_live_settings(b, idb, OPT_TOL);
    if (a->s.lr != b->s.lr) {
        snprintf(why, cap, "lr %.17g against %.17g", a->s.lr, b->s.lr);
        return false;
    }
    if (na != nb || memcmp(ids, idb, na * sizeof *ids) != 0) {
        snprintf(why, cap, "settings that apply differ (%zu, %zu)", na, nb);
        return false;
    }
    for (size_t i = 0; i < na; i++) {
        char ta[64], tb[64];
        run_live_text(a, ids[i], ta, sizeof ta);
        run_live_text(b, ids[i], tb, sizeof tb);
        if (strcmp(ta, tb) != 0) {
            snprintf(why, cap, "--%s %s against %s",
                     option_by_id(run_option_table, ids[i])->name, ta, tb);
            return false;
        }
    }
    return true;
}

static bool same_session(const session *a, const session *b, char *why,
                         size_t cap)
{
    if (strcmp(a->spec, b->spec) != 0 || a->obj.dim != b->obj.dim ||
        a->obj.single != b->obj.single || a->nruns != b->nruns ||
        a->runs[0].limit != b->runs[0].limit) {
        snprintf(why, cap, "objective, precision, runs or limit differ");
        return false;
    }
    if (memcmp(a->start, b->start, a->obj.dim * sizeof *a->start) != 0 ||
        (a->obj.dim == 2 && memcmp(a->view, b->view, sizeof a->view) != 0)) {
        snprintf(why, cap, "start or view differ");
        return false;
    }
    for (int i = 0; i < a->nruns; i++)
        if (!same_run(&a->runs[i].r, &b->runs[i].r, why, cap))
            return false;
    return true;
}

/* The command of s, read back: the same session. */
static void round_trip(const char *name, const session *s,
                       char *const *model_argv)
{
    static char line[4096], why[512];
    static tui_args ta;
    session back;
    wordexp_t we;
    int rc = run_command(s, model_argv, line, sizeof line, why, sizeof why);
    CHECKF(rc == 0, "%s: %s", name, why);
    if (rc)
        return;
    CHECKF(open_line(line, &we, &ta, &back) == 0, "%s: %s does not open",
           name, line);
    CHECKF(same_session(s, &back, why, sizeof why), "%s: %s: %s", name, line,
           why);
    close_line(&we, &ta, &back);
}

/* Opens line, changes it by text (settings of run i: "i:SETTINGS", a
 * new run: "+SETTINGS"), and checks the round trip. */
static void case_of(const char *name, const char *line,
                    const char *const *changes)
{
    static tui_args ta;
    session s;
    wordexp_t we;
    CHECKF(open_line(line, &we, &ta, &s) == 0, "%s: %s does not open", name,
           line);
    for (const char *const *c = changes; c && *c; c++) {
        option_error e;
        int rc = (*c)[0] == '+'
                     ? session_compare(&s, *c + 1, &e)
                     : run_live_set_text(&s.runs[(*c)[0] - '1'].r, *c + 2,
                                         NULL, NULL, 0, &e);
        CHECKF(rc == 0, "%s: %s: %s", name, *c, e.message);
        s.focus = 0;
    }
    round_trip(name, &s, ta.t.model_argv);
    close_line(&we, &ta, &s);
}

static void test_defaults(void)
{
    case_of("defaults", "descent tui", NULL);
    case_of("an expression with quotes", "descent tui --objective "
            "\"x^2 + 3*y^2 - cos(x*y)\" --optimizer sgd --lr 0.1", NULL);
    case_of("precision, start, view, limit", "descent tui --objective beale "
            "--precision single --start 1.25,-0.5 --view -1:4,-2:2.5 "
            "--steps 200 --optimizer nadam", NULL);
}

static void test_settings(void)
{
    static const char *const every[] = {
        "1:schedule cosine:300:0.001 weight-decay 0.01",
        "+--optimizer adam --schedule none --hypergrad add:1e-6 --amsgrad "
        "--lr-max 0.2 --beta1 0.8",
        "+--optimizer momentum --schedule none --clip norm:2 --dampening 0.1 "
        "--grad central:1e-5 --momentum 0.7",
        "+--optimizer rmsprop --schedule none --eps 1e-6 --rho 0.9 "
        "--clip value:1 --tol 1e-9",
        NULL};
    case_of("four runs", "descent tui --optimizer sgd --lr 0.01", every);
    /* What the first run has and the others switch off comes first. */
    static const char *const offs[] = {
        "1:clip norm:5 amsgrad on",
        "+--hypergrad off --schedule step:10:0.5 --clip none --amsgrad off "
        "--optimizer sgd",
        "+--hypergrad mult:0.05",
        NULL};
    case_of("switched off", "descent tui --optimizer adam --hypergrad add",
            offs);
    static const char *const adagrad[] = {"+--optimizer adam", NULL};
    case_of("an optimiser's own defaults", "descent tui --optimizer adagrad",
            adagrad);
}

static void test_model(void)
{
    case_of("a model", "descent tui --model linreg --split 0.7 --seed 3 "
            "--optimizer sgd --lr 0.05 --max-rows 300", NULL);
    static const char *const two[] = {"+--lr 0.2", NULL};
    case_of("a model of two parameters", "descent tui --model logreg "
            "--start 0.5,-1 --view -3:3,-3:3", two);
}

/* The comparison finds a difference, and what cannot be written says so. */
static void test_refusals(void)
{
    static tui_args ta, tb;
    session a, b;
    wordexp_t wa, wb;
    char why[256], line[64];
    CU_ASSERT_EQUAL_FATAL(open_line("descent tui --lr 0.1", &wa, &ta, &a), 0);
    CU_ASSERT_EQUAL_FATAL(open_line("descent tui --lr 0.2", &wb, &tb, &b), 0);
    CU_ASSERT_FALSE(same_session(&a, &b, why, sizeof why));
    CU_ASSERT_EQUAL(run_command(&a, NULL, line, sizeof line, why, sizeof why),
                    0);
    CU_ASSERT_EQUAL(run_command(&a, NULL, line, 20, why, sizeof why), -1);
    CHECKF(strstr(why, "longer") != NULL, "%s", why);
    close_line(&wb, &tb, &b);
    close_line(&wa, &ta, &a);
    /* A model a lesson opened: its options are not known here. */
    CU_ASSERT_EQUAL_FATAL(open_line("descent tui --model logreg", &wa, &ta,
                                    &a), 0);
    char big[1024];
    CU_ASSERT_EQUAL(run_command(&a, NULL, big, sizeof big, why, sizeof why),
                    -1);
    CHECKF(strstr(why, "lesson") != NULL, "%s", why);
    close_line(&wa, &ta, &a);
}

void suite_run_command(void)
{
    static const test_case tests[] = {
        {"defaults, expressions, start, view, precision", test_defaults},
        {"every setting, compared runs", test_settings},
        {"models", test_model},
        {"refusals", test_refusals},
        {NULL, NULL}};
    add_suite("run_command", tests);
}
