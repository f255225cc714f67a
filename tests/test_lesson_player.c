/* The player: goals judged on real runs of the engine (every shipped
 * goal is met by its solution and not by the step as written when it
 * has one), goal verdicts on states, quizzes, hints, skip, progress
 * through a lesson. */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "lesson_util.h"
#include "player.h"
#include "suites.h"

static void shipped_goals_on_real_runs(void)
{
    lesson_catalog c;
    CU_ASSERT_EQUAL_FATAL(catalog_load(source_path("lessons"), &c), 0);
    size_t goals = 0;
    for (size_t k = 0; k < c.n; k++) {
        const lesson *l = &c.l[k];
        for (size_t i = 0; i < l->n_steps; i++) {
            const lesson_step *st = &l->steps[i];
            if (st->goal.kind == GOAL_NONE)
                continue;
            goals++;
            bool solution = st->n_solution > 0;
            goal_result r;
            option_error e;
            char msg[512];
            CU_ASSERT_EQUAL_FATAL(lesson_simulate(l, i, solution, &r, &e), 0);
            snprintf(msg, sizeof msg, "%s/%s: %s", l->id, st->id, r.message);
            CHECK_MSG(r.status == GOAL_MET, msg);
            if (!solution)
                continue;
            CU_ASSERT_EQUAL_FATAL(lesson_simulate(l, i, false, &r, &e), 0);
            snprintf(msg, sizeof msg, "%s/%s as written: %s", l->id, st->id,
                     r.message);
            CHECK_MSG(r.status == GOAL_FAILED, msg);
        }
    }
    CU_ASSERT(goals >= 12);
    catalog_free(&c);
}

static lesson_goal goal_of(const char *line)
{
    char text[512];
    snprintf(text, sizeof text, "format: 1\nid: t\ntitle: T\nminutes: 1\n"
             "@step a\ntext: x\ngoal: loss < 0.5 within 10 steps\n"
             "@step b\ntext: y\n%s\n", line);
    lesson l;
    CU_ASSERT_STRING_EQUAL(lesson_problems(text, &l), "");
    lesson_goal g = l.steps[1].goal;
    lesson_free(&l);
    return g;
}

static goal_status verdict(const lesson_goal *g, long step, double loss,
                           run_status st, double x, double y, long ref)
{
    double theta[2] = {x, y};
    lesson_state s = {step, loss, st, theta, 2};
    /* GOAL_FASTER reads the other step's V: a lesson with it. */
    lesson l = {0};
    lesson_step steps[1] = {{0}};
    steps[0].goal.kind = GOAL_LOSS;
    steps[0].goal.loss = 0.5;
    steps[0].id = "a";
    l.steps = steps;
    l.n_steps = 1;
    lesson_goal copy = *g;
    copy.than_step = 0;
    return lesson_goal_check(&l, &copy, &s, ref).status;
}

static void verdicts(void)
{
    lesson_goal g = goal_of("goal: loss < 1e-3 within 100 steps");
    CU_ASSERT_EQUAL(verdict(&g, 5, 1.0, RUN_RUNNING, 0, 0, 0), GOAL_PENDING);
    CU_ASSERT_EQUAL(verdict(&g, 100, 9e-4, RUN_MAX_STEPS, 0, 0, 0), GOAL_MET);
    CU_ASSERT_EQUAL(verdict(&g, 100, 2e-3, RUN_MAX_STEPS, 0, 0, 0), GOAL_FAILED);
    CU_ASSERT_EQUAL(verdict(&g, 101, 9e-4, RUN_RUNNING, 0, 0, 0), GOAL_FAILED);
    CU_ASSERT_EQUAL(verdict(&g, 7, -1e300, RUN_DIVERGED, 0, 0, 0), GOAL_FAILED);
    g = goal_of("goal: diverge within 10 steps");
    CU_ASSERT_EQUAL(verdict(&g, 3, 1e101, RUN_DIVERGED, 0, 0, 0), GOAL_MET);
    CU_ASSERT_EQUAL(verdict(&g, 11, 1e101, RUN_DIVERGED, 0, 0, 0), GOAL_FAILED);
    CU_ASSERT_EQUAL(verdict(&g, 4, 1, RUN_CONVERGED, 0, 0, 0), GOAL_FAILED);
    CU_ASSERT_EQUAL(verdict(&g, 4, 1, RUN_RUNNING, 0, 0, 0), GOAL_PENDING);
    g = goal_of("goal: reach 1, 3 tol 0.1");
    CU_ASSERT_EQUAL(verdict(&g, 4, 1, RUN_RUNNING, 1.05, 2.95, 0), GOAL_MET);
    CU_ASSERT_EQUAL(verdict(&g, 4, 1, RUN_RUNNING, 1.1, 3.1, 0), GOAL_PENDING);
    CU_ASSERT_EQUAL(verdict(&g, 4, 1, RUN_MAX_STEPS, 1.1, 3.1, 0), GOAL_FAILED);
    g = goal_of("goal: converge faster than a");
    CU_ASSERT_EQUAL(verdict(&g, 4, 0.4, RUN_RUNNING, 0, 0, 0), GOAL_PENDING);
    CU_ASSERT_EQUAL(verdict(&g, 4, 0.4, RUN_RUNNING, 0, 0, 10), GOAL_MET);
    CU_ASSERT_EQUAL(verdict(&g, 9, 0.6, RUN_RUNNING, 0, 0, 10), GOAL_FAILED);
    CU_ASSERT_EQUAL(verdict(&g, 8, 0.6, RUN_RUNNING, 0, 0, 10), GOAL_PENDING);
    CU_ASSERT_EQUAL(verdict(&g, 10, 0.4, RUN_RUNNING, 0, 0, 10), GOAL_FAILED);
}

static void quizzes(void)
{
    lesson_quiz n = {QUIZ_NUMBER, "?", NULL, 0, 0, 0.5, 1e-3, 1};
    CU_ASSERT_TRUE(lesson_quiz_check(&n, "0.5").right);
    CU_ASSERT_TRUE(lesson_quiz_check(&n, " 0.5009 ").right);
    CU_ASSERT_FALSE(lesson_quiz_check(&n, "0.502").right);
    quiz_result r = lesson_quiz_check(&n, "half");
    CU_ASSERT_FALSE(r.valid);
    CU_ASSERT_STRING_EQUAL(r.message, "'half' is not a number.");
    const char *opts[] = {"A", "B", "C"};
    lesson_quiz c = {QUIZ_CHOICE, "?", opts, 3, 2, 0, 0, 1};
    CU_ASSERT_TRUE(lesson_quiz_check(&c, "2").right);
    CU_ASSERT_FALSE(lesson_quiz_check(&c, "3").right);
    CU_ASSERT_TRUE(lesson_quiz_check(&c, "3").valid);
    CU_ASSERT_FALSE(lesson_quiz_check(&c, "4").valid);
    char buf[64];
    lesson_quiz_answer(&c, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "2: B");
    lesson_quiz_answer(&n, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "0.5");
}

/* Lesson 03 played through: hints, skip, a real run meeting the goal,
 * a quiz, completion. */
static void play_lesson(void)
{
    lesson l;
    load_shipped("03-learning-rate.lesson", &l);
    const char *done[] = {"too-small", "unknown-step"};
    lesson_player p;
    CU_ASSERT_EQUAL_FATAL(player_init(&p, &l, done, 2), 0);
    CU_ASSERT_EQUAL(p.step, 1);           /* the first step not done */
    CU_ASSERT_EQUAL(player_done_count(&p), 1);
    CU_ASSERT_TRUE(player_prev(&p));
    CU_ASSERT_FALSE(player_prev(&p));
    CU_ASSERT_FALSE(player_may_change(&p, "objective"));
    CU_ASSERT_TRUE(player_may_change(&p, "lr"));
    CU_ASSERT_PTR_NOT_NULL(player_hint(&p));
    CU_ASSERT_PTR_NOT_NULL(player_hint(&p));
    CU_ASSERT_PTR_NULL(player_hint(&p));

    /* The step as written, run with the engine: not met in 200 steps. */
    run_options o;
    objective obj;
    option_error e;
    CU_ASSERT_EQUAL_FATAL(player_open(&p, &o, &obj, &e), 0);
    run r;
    CU_ASSERT_EQUAL_FATAL(run_init(&r, &obj, &o.s, run_options_start(&o, &obj)), 0);
    goal_result g;
    do {
        run_step(&r);
        lesson_state s = lesson_state_of(&r);
        g = player_check(&p, &s);
    } while (g.status == GOAL_PENDING);
    CU_ASSERT_EQUAL(g.status, GOAL_FAILED);
    CU_ASSERT_EQUAL(r.step, 200);
    run_free(&r);
    objective_free(&obj);

    /* Skip: the solution applied, and one update meets the goal. */
    char said[128];
    player_skip(&p, said, sizeof said);
    CU_ASSERT_STRING_EQUAL(said, "Solution: lr: 0.5");
    CU_ASSERT_EQUAL_FATAL(player_open(&p, &o, &obj, &e), 0);
    CU_ASSERT_EQUAL(o.s.lr, 0.5);
    CU_ASSERT_EQUAL_FATAL(run_init(&r, &obj, &o.s, run_options_start(&o, &obj)), 0);
    run_step(&r);
    lesson_state s = lesson_state_of(&r);
    CU_ASSERT_EQUAL(player_check(&p, &s).status, GOAL_MET);
    run_free(&r);
    objective_free(&obj);

    CU_ASSERT_TRUE(player_next(&p));
    CU_ASSERT_FALSE(p.solved);
    CU_ASSERT_FALSE(player_answer(&p, "0.25").right);
    CU_ASSERT_TRUE(player_answer(&p, "0.5").right);
    while (player_next(&p)) {
        const lesson_step *st = player_current(&p);
        if (st->goal.kind != GOAL_NONE || st->quiz.kind != QUIZ_NONE)
            player_skip(&p, said, sizeof said);
    }
    /* The last step is a text: next on it marked it read. */
    CU_ASSERT_TRUE(player_complete(&p));
    player_free(&p);
    lesson_free(&l);
}

/* "converge faster than": the reference is the other step's run. */
static void reference_run(void)
{
    lesson l;
    load_shipped("04-momentum.lesson", &l);
    long k = lesson_find_step(&l, "heavy-ball"), steps;
    option_error e;
    CU_ASSERT_EQUAL_FATAL(lesson_reference(&l, (size_t)k, &steps, &e), 0);
    /* Plain gradient descent, lr 0.019, on ill: loss below 1e-6 at 288. */
    CU_ASSERT_EQUAL(steps, 288);
    lesson_free(&l);
}

void suite_lesson_player(void)
{
    static const test_case tests[] = {
        {"shipped goals on real runs", shipped_goals_on_real_runs},
        {"goal verdicts", verdicts},
        {"quiz answers", quizzes},
        {"playing a lesson", play_lesson},
        {"reference run of a faster goal", reference_run},
        {NULL, NULL}};
    add_suite("lesson_player", tests);
}
