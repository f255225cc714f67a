/* A lesson's views (view: h-sweep, slice, hpo) and the facts goals and
 * checks state about them: parsed, opened, and played headless as lint
 * --play plays them, with the words the player reports. */
#include <math.h>
#include <string.h>

#include "lesson_play.h"
#include "lesson_util.h"
#include "player.h"
#include "screen_spec.h"
#include "suites.h"

#define HEAD2 "format: 2\nid: t\ntitle: T\nminutes: 1\n"

static void specs(void)
{
    screen_spec s;
    option_error e;
    CU_ASSERT_EQUAL(screen_spec_parse("slice random 3", &s, &e), 0);
    CU_ASSERT(s.kind == SCREEN_SLICE && !s.pca && s.seed == 3);
    CU_ASSERT_EQUAL(screen_spec_parse("slice pca", &s, &e), 0);
    CU_ASSERT(s.kind == SCREEN_SLICE && s.pca);
    CU_ASSERT_EQUAL(screen_spec_parse("hpo over lr --range 1e-3:1 method "
                                      "gradient", &s, &e), 0);
    CU_ASSERT(s.kind == SCREEN_HPO && s.hpo.lr && s.hpo.range_set &&
              s.hpo.method == HPO_GRADIENT);
    CU_ASSERT_EQUAL(screen_spec_parse("h-sweep now", &s, &e), -1);
    CU_ASSERT_EQUAL(e.column, 9);
    CU_ASSERT_EQUAL(screen_spec_parse("hpo --range 2:1", &s, &e), -1);
    CU_ASSERT_STRING_EQUAL(e.message, "needs 0 < LO < HI, got 2:1");
    CU_ASSERT_EQUAL(e.column, 13);
    CU_ASSERT_FALSE(screen_named("-2:2,-1:1"));
    CU_ASSERT_TRUE(screen_named("h-sweep"));
}

/* A named view is inherited like a setting; a box goes back to the
 * surface and a new objective keeps the view (only a box is its). */
static void inherited(void)
{
    lesson l;
    const char *text = HEAD2
        "@step a\ntext: x\nobjective: exp(x) + exp(y)\nview: h-sweep\n"
        "@step b\ntext: y\nobjective: booth\n"
        "@step c\ntext: z\nview: -2:2,-2:2\n";
    CU_ASSERT_STRING_EQUAL(lesson_problems(text, &l), "");
    CU_ASSERT_STRING_EQUAL(l.steps[0].run.screen, "h-sweep");
    CU_ASSERT_STRING_EQUAL(l.steps[1].run.screen, "h-sweep");
    CU_ASSERT_PTR_NULL(l.steps[2].run.screen);
    CU_ASSERT_TRUE(l.steps[2].run.has_view);
    lesson_free(&l);
}

typedef struct {
    int n, failed;
    char why[4][1300];
} verdicts;

static void collect(void *ctx, const play_verdict *v)
{
    verdicts *vs = ctx;
    if (!v->ok && vs->failed < 4)
        snprintf(vs->why[vs->failed], sizeof vs->why[0], "%d: %s", v->line,
                 v->why);
    vs->failed += !v->ok;
    vs->n++;
}

/* The facts of lesson 03 and 15 as lint --play checks them: in double
 * the best h of central differences is near ε^(1/3), in float32 x + h
 * == x at x = 3 for h = 1e-7 (0/0), the gradient search on ridge's λ
 * within 1% of the grid's best in a few solves. The goal fails as it
 * starts (h 1e-7) and passes with its solution. */
static void facts_played(void)
{
    lesson l;
    const char *text = HEAD2
        "@step sweep\ntext: x\nobjective: exp(x) + exp(y)\nstart: 3, 1\n"
        "view: h-sweep\n"
        "goal: h_error central < 1e-11\nsolution: h: 1e-5\n"
        "check: | best_h central < 2e-5 and best_h central > 5e-6\n"
        "check: | best_h forward < 2e-8 and best_h forward > 5e-9\n"
        "check: precision: single | h_error forward is nan\n"
        "check: precision: single | best_h central > 1e-3\n"
        "check: h: 1e-12 | h_error central > 1e-6\n"
        "@step hpo\ntext: y\nmodel: ridge\nview: hpo --method gradient\n"
        "check: | hpo_reach gradient < 5 and hpo_best gradient < 2450\n"
        "check: | hpo_best_h gradient > 10 and hpo_best_h gradient < 13\n"
        "check: view: hpo --method random | hpo_reach random > 2\n"
        "check: view: hpo --method random | not hpo_reach gradient < 1e9\n";
    CU_ASSERT_STRING_EQUAL_FATAL(lesson_problems(text, &l), "");
    verdicts vs = {0};
    lesson_budget budget = LESSON_PLAY_BUDGET;
    CU_ASSERT_EQUAL(lesson_play(&l, &budget, collect, &vs), 0);
    CU_ASSERT_EQUAL(vs.n, 10);
    for (int i = 0; i < vs.failed && i < 4; i++)
        CHECK_MSG(false, vs.why[i]);

    /* The player's words for the goal as it starts. */
    lesson_player p;
    CU_ASSERT_EQUAL_FATAL(player_init(&p, &l, NULL, 0), 0);
    run_options o;
    objective obj;
    option_error e;
    CU_ASSERT_EQUAL_FATAL(player_open(&p, &o, &obj, &e), 0);
    run r;
    CU_ASSERT_EQUAL_FATAL(run_init(&r, &obj, &o.s, run_options_start(&o, &obj)),
                          0);
    lesson_state st = lesson_state_of(&r);
    CU_ASSERT_EQUAL(player_check(&p, &st), GOAL_FAILED);
    goal_report g;
    player_goal(&p, &g);
    CU_ASSERT_STRING_EQUAL(g.goal, "h_error central < 1e-11");
    CU_ASSERT_STRING_EQUAL(g.summary, "Not met: the error of central "
                           "differences at h is 2.86e-09, not below 1e-11.");
    /* A setting changed between updates is judged at once. */
    r.s.h = 1e-5;
    CU_ASSERT_EQUAL(player_check(&p, &st), GOAL_MET);
    run_free(&r);
    objective_free(&obj);
    player_free(&p);
    lesson_free(&l);
}

void suite_lesson_views(void)
{
    static const test_case tests[] = {
        {"named views parsed", specs},
        {"a view is inherited", inherited},
        {"facts about the views played", facts_played},
        {NULL, NULL}};
    add_suite("lesson_views", tests);
}
