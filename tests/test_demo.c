/* Demo scripts: every command, keys, and malformed lines with their
 * exact places and messages. */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "demo.h"
#include "lesson_play.h"
#include "lesson_util.h"
#include "suites.h"

static lesson_catalog cat;

static const char *problems(const char *text, demo *out)
{
    diag_list d;
    diag_init(&d);
    demo dm;
    demo_parse(text, strlen(text), catalog_find_cb, &cat, &dm, &d);
    const char *r = diag_text(&d);
    diag_free(&d);
    if (out)
        *out = dm;
    else
        demo_free(&dm);
    return r;
}

static void every_command(void)
{
    CU_ASSERT_EQUAL_FATAL(catalog_load(source_path(COURSE_FIXTURE), &cat), 0);
    demo dm;
    CU_ASSERT_STRING_EQUAL(problems(
        "# comment\n"
        "lesson 03-learning-rate\n"
        "step too-big\n"
        "  set lr 0.5\n"
        "set objective x^2 + y^2\n"
        "set no-shuffle\n"
        "key + + n Space PgDn F5 C-l é\n"
        "run 20\n"
        "sleep 1.5\n"
        "pause\n"
        "say Watch the   loss.\n", &dm), "");
    CU_ASSERT_EQUAL_FATAL(dm.n, 10);
    CU_ASSERT_EQUAL(dm.c[0].kind, DEMO_LESSON);
    CU_ASSERT_STRING_EQUAL(dm.c[0].text, "03-learning-rate");
    CU_ASSERT_EQUAL(dm.c[0].line, 2);
    CU_ASSERT_EQUAL(dm.c[1].kind, DEMO_STEP);
    CU_ASSERT_EQUAL(dm.c[2].kind, DEMO_SET);
    CU_ASSERT_EQUAL(dm.c[2].option, OPT_LR);
    CU_ASSERT_STRING_EQUAL(dm.c[2].text, "0.5");
    CU_ASSERT_STRING_EQUAL(dm.c[3].text, "x^2 + y^2");
    CU_ASSERT_EQUAL(dm.c[4].option, MOPT_NO_SHUFFLE);
    const demo_command *k = &dm.c[5];
    CU_ASSERT_EQUAL_FATAL(k->n_keys, 8);
    long want[] = {'+', '+', 'n', ' ', DEMO_KEY_PGDN, DEMO_KEY_F1 + 4, 12, 0xE9};
    for (size_t i = 0; i < 8; i++)
        CU_ASSERT_EQUAL(k->keys[i], want[i]);
    CU_ASSERT_EQUAL(dm.c[6].count, 20);
    CU_ASSERT_EQUAL(dm.c[7].seconds, 1.5);
    CU_ASSERT_EQUAL(dm.c[8].kind, DEMO_PAUSE);
    CU_ASSERT_STRING_EQUAL(dm.c[9].text, "Watch the   loss.");
    demo_free(&dm);
}

static const struct {
    const char *text, *want;
} bad[] = {
    {"lessn x\n", "1:1: unknown command 'lessn' (did you mean 'lesson'?)\n"},
    {"jump\n", "1:1: unknown command 'jump' (one of: lesson, step, set, key, "
               "run, sleep, pause, say, check)\n"},
    {"step intro\n", "1: 'step' needs a 'lesson' command before it\n"},
    {"lesson 99-none\n", "1:8: unknown lesson '99-none' (see 'descent list "
                         "lessons')\n"},
    {"lesson 03-learning-rate\nstep too-bg\n",
     "2:6: unknown step 'too-bg' in lesson '03-learning-rate' (did you mean "
     "'too-big'?)\n"},
    {"lesson\n", "1:7: 'lesson' needs an id\n"},
    {"lesson a b\n", "1:10: unexpected 'b' after 'lesson'\n"},
    {"set lrr 1\n", "1:5: unknown setting 'lrr' (did you mean 'lr'?)\n"},
    {"set lr\n", "1:7: lr: missing value\n"},
    {"set lr 0\n", "1:8: lr: must be greater than 0, got 0\n"},
    {"set objective 2*sni(x)\n",
     "1:17: objective: unknown function 'sni' (did you mean 'sin'?)\n"},
    {"key\n", "1:4: 'key' needs one or more keys (e.g. 'key + + n')\n"},
    {"key + Pgup\n", "1:7: unknown key 'Pgup' (did you mean 'PgUp'?)\n"},
    {"key Ecs\n", "1:5: unknown key 'Ecs' (did you mean 'Esc'?)\n"},
    {"key Escape\n", "1:5: unknown key 'Escape' (a character, a name such as "
                      "Space, Enter, PgDn or F5, or C-a to C-z)\n"},
    {"run\n", "1:4: 'run' needs a number of updates\n"},
    {"run 0\n", "1:5: run: must be at least 1, got 0\n"},
    {"sleep soon\n", "1:7: sleep: 'soon' is not a number\n"},
    {"sleep -1\n", "1:7: sleep: must be 0 or more, got -1\n"},
    {"pause 3\n", "1:7: unexpected '3' after 'pause'\n"},
    {"say\n", "1:4: 'say' needs a text\n"},
    {"\trun 1\n", "1:1: tab in indentation (indent with spaces)\n"},
    {"say \x80\n", "1:5: invalid UTF-8 (byte 0x80)\n"},
    {"run 9223372036854775807\n", "1:5: run: at most 100000 updates at a "
     "time, got 9223372036854775807\n"},
    {"set steps 200000\n", "1:11: steps: at most 100000 in a demo, got "
     "200000\n"},
    {"check\n", "1:6: check: expected a goal: loss < V, val_loss < V, val_acc "
     "> A, alpha < A, evals < E, gevals < E, diverge, reach X,Y tol D (each with 'within N steps', "
     "'at step N' or neither), beat STEP, or a setting such as 'optimizer "
     "sgd'\n"},
    {"check loss < x\n", "1:14: check: 'x' is not a number\n"},
    {"check beat valley\n", "1: check: beat needs a 'lesson' command before "
     "it\n"},
    {"lesson 03-learning-rate\ncheck beat one-step\n", "2:12: check: step "
     "'one-step' of lesson '03-learning-rate' has no goal to beat\n"},
};

static void malformed(void)
{
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        check_problems("demo fixture", i, bad[i].want,
                       problems(bad[i].text, NULL));
}

/* The verdicts of a script played headless, one "LINE ok" or "LINE
 * why" a line. */
static char verdicts[4096];

static void collect(void *ctx, const play_verdict *v)
{
    (void)ctx;
    size_t n = strlen(verdicts);
    snprintf(verdicts + n, sizeof verdicts - n, "%d %s\n", v->line,
             v->ok ? "ok" : v->why);
}

static const char *played(const char *text)
{
    demo dm;
    verdicts[0] = '\0';
    CU_ASSERT_STRING_EQUAL(problems(text, &dm), "");
    lesson_budget budget = LESSON_PLAY_BUDGET;
    demo_play_checks(&dm, catalog_find_cb, &cat, &budget, collect, NULL);
    demo_free(&dm);
    return verdicts;
}

/* Checks judged where they stand in the script, on the focused run, with
 * the screen's meaning of steps, settings and keys. */
static void checks_played(void)
{
    CU_ASSERT_STRING_EQUAL(played(
        "lesson 03-learning-rate\n"
        "check optimizer sgd and lr 0.01\n"
        "run 200\n"
        "check loss < 1e-3\n"
        "check not loss < 1e-3 within 200 steps\n"
        "key + + + + + r\n"
        "check lr 0.32\n"
        "run 20\n"
        "check loss < 1e-3 within 20 steps\n"),
        "2 ok\n4 Not met: loss 0.00139 at step 200, not below 0.001.\n5 ok\n"
        "7 ok\n9 ok\n");
    /* Compare: a second run, focused; Tab and C move the focus. */
    CU_ASSERT_STRING_EQUAL(played(
        "lesson 04-momentum\n"
        "set lr 0.019\n"
        "key c\n"
        "set optimizer momentum\n"
        "run 300\n"
        "check optimizer momentum and beat valley\n"
        "key Tab\n"
        "check optimizer sgd and not beat valley\n"
        "key Tab C\n"
        "check optimizer sgd\n"),
        "6 ok\n8 ok\n10 ok\n");
    /* Steps: the lesson's keys, skip, presenter arrows, a new objective. */
    CU_ASSERT_STRING_EQUAL(played(
        "lesson 03-learning-rate\n"
        "key S\n"
        "check lr 0.5\n"
        "key Right PgDn\n"
        "check lr 0.01\n"
        "key p Right\n"
        "check lr 0.9\n"
        "set objective x^2 + 2*y^2\n"
        "run 3\n"
        "check not diverge\n"
        "run 1000\n"
        "check diverge within 300 steps\n"),
        "3 ok\n5 ok\n7 ok\n10 ok\n12 ok\n");
    /* After a key without a known meaning for the runs: unplayable. */
    CU_ASSERT_STRING_EQUAL(played(
        "check loss < 1\n"
        "lesson 03-learning-rate\n"
        "key Space\n"
        "check loss < 1\n"),
        "1 no run yet: a 'lesson' command opens one\n"
        "4 cannot be played headless after line 3: 'key Space' is not played "
        "headless (use set and run before a check)\n");
}

static void shipped_demos(void)
{
    catalog_free(&cat);
    CU_ASSERT_EQUAL_FATAL(catalog_load(source_path("lessons"), &cat), 0);
    static const char *const files[] = {"assets/demos/learning-rate.demo",
                                        "assets/demos/momentum-vs-sgd.demo",
                                        "assets/demos/adam-vs-sgd.demo"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        diag_list d;
        diag_init(&d);
        demo dm;
        CU_ASSERT_EQUAL(demo_load(source_path(files[i]), catalog_find_cb, &cat,
                                  &dm, &d), 0);
        CU_ASSERT_STRING_EQUAL(diag_text(&d), "");
        CU_ASSERT(dm.n > 5);
        demo_free(&dm);
        diag_free(&d);
    }
    catalog_free(&cat);
}

static void key_names(void)
{
    CU_ASSERT_EQUAL(demo_key_parse("Enter", 5), DEMO_KEY_ENTER);
    CU_ASSERT_EQUAL(demo_key_parse("F12", 3), DEMO_KEY_F1 + 11);
    CU_ASSERT_EQUAL(demo_key_parse("Space", 5), ' ');
    CU_ASSERT_EQUAL(demo_key_parse("C-a", 3), 1);
    CU_ASSERT_EQUAL(demo_key_parse("α", strlen("α")), 0x3B1);
    CU_ASSERT_EQUAL(demo_key_parse("ab", 2), -1);
    CU_ASSERT_EQUAL(demo_key_parse("C-A", 3), -1);
}

void suite_demo(void)
{
    static const test_case tests[] = {
        {"every command", every_command},
        {"malformed lines", malformed},
        {"checks played headless", checks_played},
        {"shipped demos", shipped_demos},
        {"key names", key_names},
        {NULL, NULL}};
    add_suite("demo", tests);
}
