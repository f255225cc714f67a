/* The lesson screen's pure helpers: wrapping and reflowing text, the
 * view state over the player (goals, quizzes, hints, skip, moving),
 * settings applied to a session live or by reopening it, and the demo
 * script's clock. */
#include <math.h>
#include <string.h>

#include "demo_play.h"
#include "lesson_session.h"
#include "lesson_util.h"
#include "lesson_view.h"
#include "suites.h"
#include "textwrap.h"

/* The wrapped lines of text joined by '|', indents as spaces. */
static const char *wrapped(const char *text, int width)
{
    static char out[1024];
    wrap_line w[64];
    size_t n = text_wrap(text, width, w, 64), at = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && i < 64; i++)
        at += (size_t)snprintf(out + at, sizeof out - at, "%s%*s%.*s",
                               i ? "|" : "", w[i].indent, "", (int)w[i].len,
                               text + w[i].start);
    return out;
}

static void wrapping(void)
{
    CU_ASSERT_STRING_EQUAL(wrapped("the learning rate scales", 10),
                           "the|learning|rate|scales");
    CU_ASSERT_STRING_EQUAL(wrapped("one two three", 7), "one two|three");
    /* A word wider than the line is cut; a blank line stays. */
    CU_ASSERT_STRING_EQUAL(wrapped("abcdefghij\n\nx", 4), "abcd|efgh|ij||x");
    /* Indented lines stay indented when they wrap. */
    CU_ASSERT_STRING_EQUAL(wrapped("  f = x² + y² here", 9),
                           "  f = x²|  + y²|  here");
    /* Code points, not bytes: α² is two columns. */
    CU_ASSERT_STRING_EQUAL(wrapped("α² α² α²", 5), "α² α²|α²");
    CU_ASSERT_EQUAL(text_columns("1 − 2α", strlen("1 − 2α")), 6);
    wrap_line w[2];
    CU_ASSERT_EQUAL(text_wrap("a b c d e", 1, w, 2), 5);
}

static void reflowing(void)
{
    char out[256];
    text_reflow("The rate\nscales each step.\n\n  f = x²\n- one\n- two\nend",
                out, sizeof out);
    CU_ASSERT_STRING_EQUAL(out, "The rate scales each step.\n\n  f = x²\n"
                           "- one\n- two\nend");
    text_reflow("abc def", out, 4);
    CU_ASSERT_STRING_EQUAL(out, "abc");
}

static lesson_state at(long step, double loss, run_status st)
{
    static const double theta[2] = {0.0, 0.0};
    return (lesson_state){step, loss, st, theta, 2, NULL, NULL, NULL, 0.1, 0, 0};
}

static void view_state(void)
{
    lesson l;
    load_fixture("03-learning-rate.lesson", &l);
    progress pr = {0};
    CU_ASSERT_EQUAL(progress_mark(&pr, l.id, "too-small"), 0);
    lesson_view v;
    CU_ASSERT_EQUAL_FATAL(lview_init(&v, &l, &pr), 0);
    CU_ASSERT_EQUAL(v.p.step, 1); /* the first step not done */
    CU_ASSERT(lview_prev(&v));
    CU_ASSERT_EQUAL(v.goal.status, GOAL_PENDING);
    lesson_state s = at(150, 1e-4, RUN_RUNNING);
    lview_check(&v, &s);
    CU_ASSERT_EQUAL(v.goal.status, GOAL_MET);
    s = at(300, 1.0, RUN_RUNNING); /* met is final */
    lview_check(&v, &s);
    CU_ASSERT_EQUAL(v.goal.status, GOAL_MET);
    CU_ASSERT_STRING_EQUAL(v.goal.goal, "loss < 0.001 within 200 steps");

    CU_ASSERT(lview_next(&v)); /* one-step: a number quiz */
    CU_ASSERT_FALSE(lview_hint(&v) && lview_hint(&v));
    CU_ASSERT_EQUAL(lview_hints_shown(&v), 1);
    lview_answer(&v, "0.4");
    CU_ASSERT_FALSE(v.feedback_right);
    CU_ASSERT_FALSE(v.p.done[1]);
    lview_answer(&v, " 0.5 ");
    CU_ASSERT(v.feedback_right);
    CU_ASSERT(v.p.done[1]);

    CU_ASSERT(lview_next(&v)); /* too-big: skip applies the solution */
    CU_ASSERT_EQUAL(lview_hints_shown(&v), 0);
    lview_skip(&v);
    CU_ASSERT(v.p.solved);
    CU_ASSERT_STRING_EQUAL(v.skipped, "Solution: lr: 5");
    s = at(100, 1.0, RUN_RUNNING);
    lview_check(&v, &s);
    CU_ASSERT_EQUAL(v.goal.status, GOAL_FAILED);
    CU_ASSERT_STRING_EQUAL(v.goal.summary, "Not met: not diverged by step 100 "
                           "(loss 1).");

    CU_ASSERT(lview_next(&v)); /* threshold: choice */
    CU_ASSERT(v.skipped[0] == '\0');
    lview_select(&v, -1);
    CU_ASSERT_EQUAL(v.choice, 2);
    lview_choose(&v, 1);
    CU_ASSERT_FALSE(v.feedback_right);
    lview_choose(&v, 2);
    CU_ASSERT(v.feedback_right);
    CU_ASSERT_EQUAL(v.choice, 1);
    CU_ASSERT_EQUAL(player_done_count(&v.p), 4);
    CU_ASSERT(lview_next(&v));
    CU_ASSERT_FALSE(lview_next(&v)); /* the last step, read: done */
    CU_ASSERT(player_complete(&v.p));
    lview_free(&v);
    progress_free(&pr);
    lesson_free(&l);
}

static void settings_on_a_session(void)
{
    lesson l;
    load_fixture("03-learning-rate.lesson", &l);
    lesson_player p;
    CU_ASSERT_EQUAL_FATAL(player_init(&p, &l, NULL, 0), 0);
    session s;
    memset(&s, 0, sizeof s);
    run_options cur;
    char err[256];
    CU_ASSERT_EQUAL_FATAL(lsession_step(&s, &p, &cur, err, sizeof err), 0);
    CU_ASSERT_STRING_EQUAL(s.obj.name, "quadratic");
    CU_ASSERT_EQUAL(session_focused(&s)->lr, 0.01);
    session_step(&s);
    option_error e;
    /* lr changes the run between updates; the objective restarts it. */
    CU_ASSERT_EQUAL(lsession_set(&s, &cur, OPT_LR, "0.2", &e), 0);
    CU_ASSERT_EQUAL(session_focused(&s)->lr, 0.2);
    CU_ASSERT_EQUAL(session_focused(&s)->step, 1);
    CU_ASSERT_EQUAL(lsession_set(&s, &cur, OPT_LR_MAX, "0.019", &e), 0);
    CU_ASSERT_EQUAL(session_focused(&s)->s.hd.lr_max, 0.019);
    CU_ASSERT_EQUAL(lsession_set(&s, &cur, OPT_LR, "0", &e), -1);
    CU_ASSERT_STRING_EQUAL(e.message, "must be greater than 0, got 0");
    CU_ASSERT_EQUAL(lsession_set(&s, &cur, OPT_OBJECTIVE, "booth", &e), 1);
    CU_ASSERT_STRING_EQUAL(s.obj.name, "booth");
    CU_ASSERT_EQUAL(session_focused(&s)->step, 0);
    CU_ASSERT_EQUAL(session_focused(&s)->lr, 0.2); /* kept */
    CU_ASSERT(lsession_live(OPT_MOMENTUM) && !lsession_live(OPT_START));
    session_free(&s);
    player_free(&p);
    lesson_free(&l);
}

static void demo_clock(void)
{
    static const char text[] = "say hello\nrun 5\nsleep 0.5\nkey +\npause\n"
                               "say bye\n";
    diag_list d;
    diag_init(&d);
    demo dm;
    CU_ASSERT_EQUAL_FATAL(demo_parse(text, strlen(text), NULL, NULL, &dm, &d), 0);
    demo_player dp;
    demo_play_init(&dp, &dm);
    CU_ASSERT_PTR_NULL(demo_play_next(&dp, 0.0));
    CU_ASSERT_EQUAL(dp.state, DP_RUN);
    CU_ASSERT_STRING_EQUAL(dp.caption, "hello");
    CU_ASSERT_EQUAL(demo_play_deadline(&dp, 0.0), -1.0);
    demo_play_ran(&dp, 3, false);
    CU_ASSERT_EQUAL(dp.left, 2);
    demo_play_ran(&dp, 2, false);
    CU_ASSERT_PTR_NULL(demo_play_next(&dp, 1.0));
    CU_ASSERT_EQUAL(dp.state, DP_SLEEP);
    CU_ASSERT_EQUAL(demo_play_deadline(&dp, 1.2), 1.5);
    CU_ASSERT_PTR_NULL(demo_play_next(&dp, 1.4));
    const demo_command *c = demo_play_next(&dp, 1.5);
    CU_ASSERT_FATAL(c != NULL);
    CU_ASSERT_EQUAL(c->kind, DEMO_KEY);
    CU_ASSERT_PTR_NULL(demo_play_next(&dp, 1.6));
    CU_ASSERT_EQUAL(dp.state, DP_PAUSE);
    CU_ASSERT(demo_play_release(&dp));
    CU_ASSERT_FALSE(demo_play_release(&dp));
    CU_ASSERT_PTR_NULL(demo_play_next(&dp, 2.0));
    CU_ASSERT_EQUAL(dp.state, DP_END);
    CU_ASSERT_STRING_EQUAL(dp.caption, "bye");
    /* A run that diverges ends its command early. */
    demo_play_init(&dp, &dm);
    demo_play_next(&dp, 0.0);
    demo_play_ran(&dp, 1, true);
    CU_ASSERT_EQUAL(dp.state, DP_READY);
    demo_free(&dm);
    diag_free(&d);
}

void suite_lesson_view(void)
{
    static const test_case tests[] = {
        {"wrapping", wrapping},
        {"reflowing", reflowing},
        {"view state", view_state},
        {"settings on a session", settings_on_a_session},
        {"demo clock", demo_clock},
        {NULL, NULL}};
    add_suite("lesson_view", tests);
}
