/* Malformed lessons: each problem with its exact line, column and
 * message, all of them collected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson_util.h"
#include "source.h"
#include "suites.h"

#define HEAD "format: 1\nid: t\ntitle: T\nminutes: 1\n"
#define HEAD2 "format: 2\nid: t\ntitle: T\nminutes: 1\n"
#define STEP "@step s\ntext: Hi.\n"
#define GOAL_FORMS "loss < V, val_loss < V, val_acc > A, alpha < A, evals < E, " \
    "gevals < E, diverge, " \
    "reach X,Y tol D (each with 'within N steps', 'at step N' or neither), " \
    "beat STEP, or a setting such as 'optimizer sgd'"
#define LOSS1 "loss < 1 and "

static const struct {
    const char *text;
    const char *want;
} fixtures[] = {
    /* 1 header */
    {"id: t\ntitle: T\nminutes: 1\n@step s\ntext: x\n",
     "1: missing 'format: 2' in the header\n"},
    {"id: t\nformat: 1\ntitle: T\nminutes: 1\n" STEP,
     "2:1: 'format:' must come first\n"},
    {"format: 3\nid: t\ntitle: T\nminutes: 1\n" STEP,
     "1:9: unsupported format '3' (this descent reads formats 1 and 2)\n"},
    {"format: 1\ntitle: T\n" STEP,
     "1: missing 'id: ...' in the header\n"
     "1: missing 'minutes: ...' in the header\n"},
    {"format: 1\nid: a b\ntitle: T\nminutes: 1\n" STEP,
     "2:6: id 'a b' may hold only letters, digits, '-', '_' and '.', and "
     "starts with a letter or digit\n"},
    {"format: 1\nid: t\ntitle:\nminutes: 0\n" STEP,
     "3:7: empty title\n4:10: minutes: must be at least 1, got 0\n"},
    {HEAD "id: u\n" STEP, "5:1: duplicate 'id' (first at line 2)\n"},
    {HEAD, "1: no steps (a step starts with '@step ID')\n"},
    /* 9 lines and blocks */
    {HEAD STEP "lrr: 0.1\n",
     "7:1: unknown directive 'lrr' (did you mean 'lr'?)\n"},
    {HEAD "lr: 0.1\n" STEP,
     "5:1: 'lr' belongs to a step: put it after '@step ID'\n"},
    {HEAD STEP "title: again\n",
     "7:1: 'title' belongs in the header, before the first '@step'\n"},
    {HEAD STEP "@stop x\n",
     "7:1: unknown block '@stop' (did you mean '@step'?)\n"},
    {HEAD "@step\ntext: x\n", "5:6: expected a step id after '@step'\n"},
    {HEAD STEP "@step s\ntext: y\n",
     "7:7: duplicate step id 's' (first at line 5)\n"},
    {HEAD STEP "just words\n",
     "7:1: expected 'name: value', '@step ID', a comment '# ...' or an "
     "indented text line\n"},
    {HEAD STEP "trace: out.csv\n",
     "7:1: 'trace' says where output goes; a lesson cannot set it\n"},
    /* 17 text */
    {HEAD "@step s\ntext: |\n\tTabbed.\n",
     "6:7: empty text\n7:1: tab in indentation (indent with spaces)\n"},
    {HEAD STEP "lr: 0.1\n  more\n",
     "8:3: indented line continues no text (only 'text:' takes more lines)\n"},
    {HEAD "@step s\ntext: bad \xff byte\n",
     "5: step 's' has no 'text:' and no 'quiz:'\n"
     "6:11: invalid UTF-8 (byte 0xff)\n"},
    {HEAD "@step s\n", "5: step 's' has no 'text:' and no 'quiz:'\n"},
    /* 21 settings */
    {HEAD STEP "lr: 0\n", "7:5: lr: must be greater than 0, got 0\n"},
    {HEAD STEP "lr: 0.1\nlr: 0.2\n",
     "8:1: duplicate 'lr' in step 's' (first at line 7)\n"},
    {HEAD STEP "optimizer: adma\n",
     "7:12: optimizer: unknown value 'adma' (did you mean 'adam'?)\n"},
    {HEAD STEP "objective: 2*sni(x)\n",
     "7:14: objective: unknown function 'sni' (did you mean 'sin'?)\n"},
    {HEAD STEP "start: 1, 2, 3\n",
     "7:8: start: rosenbrock takes 2 numbers, got 3\n"},
    {HEAD STEP "clip: norm\n",
     "7:7: clip: 'norm' needs a threshold, e.g. norm:5\n"},
    {HEAD STEP "no-shuffle: yes\n", "7:13: no-shuffle: takes no value\n"},
    {HEAD STEP "steps:\n", "7:7: steps: missing value\n"},
    {HEAD STEP "lock: lr, optimzer\n",
     "7:11: lock: unknown setting 'optimzer' (did you mean 'optimizer'?)\n"},
    /* 30 goals */
    {HEAD STEP "goal: loss < x within 5 steps\n",
     "7:14: goal: 'x' is not a number\n"},
    {HEAD STEP "goal: loss < 1 in 5 steps\n",
     "7:16: goal: expected 'within' after '1'\n"},
    {HEAD STEP "goal: diverge within 0 steps\n",
     "7:22: goal: the number of steps must be at least 1, got 0\n"},
    {HEAD STEP "goal: reach 1 tol 0.1\n",
     "7:13: goal: expected 2 comma-separated numbers, got 1\n"},
    {HEAD STEP "goal: reach 1,1 tol 0\n",
     "7:21: goal: the tolerance must be greater than 0, got 0\n"},
    {HEAD STEP "goal: lose < 1 within 5 steps\n",
     "7:7: goal: unknown goal 'lose' (did you mean 'loss'?)\n"},
    {HEAD STEP "goal: converge faster than t\n",
     "7:28: goal: unknown step 't'\n"},
    {HEAD "@step intro\ntext: x\ngoal: loss < 1 within 5 steps\n"
     "@step b\ntext: y\ngoal: converge faster than intr\n",
     "10:28: goal: unknown step 'intr' (did you mean 'intro'?)\n"},
    {HEAD STEP "goal: converge faster than s\n",
     "7:28: goal: a step cannot beat itself\n"},
    {HEAD STEP "@step u\ntext: x\ngoal: converge faster than s\n",
     "9:28: goal: step 's' has no goal to beat\n"},
    {HEAD STEP "goal: diverge within 5 steps now\n",
     "7:30: goal: unexpected 'now' after the goal\n"},
    /* 40 quizzes, solutions */
    {HEAD "@step q\nquiz: choice\nask: Which?\noption: a\noption: b\n",
     "6:1: quiz without 'answer:'\n"},
    {HEAD "@step q\nquiz: choice\nask: Which?\noption: a\noption: b\n"
     "answer: 3\n", "10:9: answer 3 is out of range: the quiz has 2 options\n"},
    {HEAD "@step q\nquiz: number\nask: How much?\noption: a\nanswer: 1\n",
     "8:1: 'option:' belongs to a choice quiz\n"},
    {HEAD "@step q\nquiz: number\nask: How much?\nanswer: 1 tol x\n",
     "8:15: answer: 'x' is not a number\n"},
    {HEAD "@step q\nquiz: essay\nask: Why?\nanswer: 1\n",
     "6:7: unknown quiz 'essay' (number or choice)\n"},
    {HEAD STEP "answer: 2\n", "7:1: 'answer:' needs a 'quiz:' in the step\n"},
    {HEAD "@step q\nquiz: number\nanswer: 1\ngoal: diverge within 5 steps\n",
     "6:1: a step has a goal or a quiz, not both (a goal may have a "
     "'predict:')\n"
     "6:1: quiz without 'ask:'\n"},
    {HEAD STEP "solution: lr: 0.5\n",
     "7:1: 'solution:' needs a 'goal:' in the step\n"},
    {HEAD STEP "goal: diverge within 5 steps\nlock: lr\nsolution: lr: 5\n",
     "9:15: solution: sets 'lr', which the step locks\n"},
    {HEAD STEP "goal: diverge within 5 steps\nsolution: lr 5\n",
     "8:11: solution: expected 'setting: value', e.g. 'solution: lr: 0.5'\n"},
    {HEAD STEP "goal: diverge within 5 steps\nsolution: rl: 5\n",
     "8:11: solution: unknown setting 'rl' (did you mean 'lr'?)\n"},
    /* 53 issue 14 #1: an incomplete converge goal set nothing (it passed
     * a null step id on) */
    {HEAD STEP "goal: converge\n",
     "7:15: goal: expected 'faster' after 'converge'\n"},
    {HEAD STEP "goal: converge faster\n",
     "7:22: goal: expected 'than' after 'faster'\n"},
    {HEAD STEP "goal: converge faster than\n",
     "7:27: goal: expected a step id after 'than'\n"},
    {HEAD STEP "goal: converge slower than a\n",
     "7:16: goal: expected 'faster' after 'converge'\n"},
    /* 57 issue 14 #6: runs are bounded */
    {HEAD STEP "goal: loss < 1 within 9223372036854775807 steps\n",
     "7:23: goal: at most 100000 steps (a lesson's runs are kept short), got "
     "9223372036854775807\n"},
    {HEAD STEP "goal: loss < 1 within 99999999999999999999 steps\n",
     "7:23: goal: '99999999999999999999' is out of range\n"},
    {HEAD STEP "steps: 9223372036854775807\n",
     "7:8: steps: at most 100000 in a lesson (its runs are kept short), got "
     "9223372036854775807\n"},
    {HEAD STEP "goal: loss < 1 within 2000 steps\n",
     "7:7: goal: 'within 2000 steps' is past the run's limit of 1000 (steps: "
     "1000)\n"},
    /* 61 format 2's directives and goals in format 1 */
    {HEAD STEP "goal: loss < 1 within 5 steps and diverge within 3 steps\n",
     "7:31: goal: unexpected 'and' after the goal\n"},
    {HEAD STEP "explain: x\n",
     "7:1: 'explain:' is format 2's: the file says 'format: 1'\n"},
    {HEAD STEP "check: | loss < 1\n",
     "7:1: 'check:' is format 2's: the file says 'format: 1'\n"},
    {HEAD "next: x\n" STEP,
     "5:1: 'next:' is format 2's: the file says 'format: 1'\n"},
    /* 65 format 2 goals */
    {HEAD2 STEP "goal: loss < 1 and\n", "7:19: goal: expected a goal: "
     GOAL_FORMS "\n"},
    {HEAD2 STEP "goal: not\n", "7:10: goal: expected a goal: " GOAL_FORMS
     "\n"},
    {HEAD2 STEP "goal: loss < 1 or diverge\n",
     "7:16: goal: unexpected 'or' after the goal (parts are joined by "
     "'and')\n"},
    {HEAD2 STEP "goal: optimizer sgdd\n",
     "7:17: goal: optimizer: unknown value 'sgdd' (did you mean 'sgd'?)\n"},
    {HEAD2 STEP "goal: steps 5\n",
     "7:7: goal: 'steps' cannot be part of a goal (the settings of the update "
     "can: optimizer, lr, momentum, ..., tol)\n"},
    {HEAD2 STEP "goal: beat s\n", "7:12: goal: a step cannot beat itself\n"},
    {HEAD2 STEP "goal: beat\n", "7:11: goal: expected a step id after "
     "'beat'\n"},
    {HEAD2 STEP "goal: val_loss < 0.1\n",
     "7:7: goal: val_loss needs a model with validation rows (split below "
     "1)\n"},
    {HEAD2 STEP "goal: val_acc > 90% within 10 steps\nmodel: linreg\n",
     "7:7: goal: val_acc needs a classifier with validation rows\n"},
    {HEAD2 STEP "goal: beat s and beat s\n",
     "7:23: goal: one 'beat' per goal\n"},
    {HEAD2 STEP "goal: " LOSS1 LOSS1 LOSS1 LOSS1 LOSS1 LOSS1 LOSS1 LOSS1
     "loss < 1\n", "7:111: goal: at most 8 parts joined by 'and'\n"},
    {HEAD2 STEP "goal: lose < 1\n",
     "7:7: goal: unknown goal 'lose' (did you mean 'loss'?)\n"},
    /* 77 quizzes, predictions, explanations */
    {HEAD2 STEP "explain: why\n",
     "7:1: 'explain:' follows the 'option:' or 'answer:' line it explains\n"},
    {HEAD2 "@step q\nquiz: choice\nask: Which?\noption: a\nexplain: A.\n"
     "explain: again\noption: b\nanswer: 1\nexplain: Right.\n",
     "10:1: option 1 has an 'explain:' already\n"},
    {HEAD2 "@step q\nquiz: number\npredict: number\nask: x\nanswer: 1\n",
     "7:1: a step has one 'quiz:' or 'predict:' (the quiz is at line 6)\n"},
    {HEAD2 "@step q\npredict: guess\n",
     "6:1: predict without 'ask:'\n6:1: predict without 'answer:'\n"
     "6:10: unknown predict 'guess' (number or choice)\n"},
    {HEAD2 "@step q\ntext: t\ngoal: loss < 1\npredict: number\nask: x\n"
     "answer: 1/0\n", "10:9: answer: '1/0' divides by zero\n"},
    /* 82 checks */
    {HEAD2 STEP "check: lr: 0.5\n",
     "7:8: check: expected 'SETTINGS | OUTCOME', e.g. 'check: lr: 0.5 | loss "
     "< 1e-3 within 10 steps' (SETTINGS may be empty)\n"},
    {HEAD2 STEP "check: lr 0.5 | loss < 1\n",
     "7:8: check: expected 'setting: value' before '|', e.g. 'check: lr: 0.5 "
     "| loss < 1e-3'\n"},
    {HEAD2 STEP "check: lr: 0, optimizer: sgdd | loss < 1\n",
     "7:12: lr: must be greater than 0, got 0\n"
     "7:26: optimizer: unknown value 'sgdd' (did you mean 'sgd'?)\n"},
    {HEAD2 STEP "check: start: 1, 2, lr: 0.1 | loss < 1 within 5000 steps\n",
     "7:31: check: 'within 5000 steps' is past the run's limit of 1000 "
     "(steps: 1000)\n"},
    {HEAD2 STEP "check: steps: 10 | alpha < 1 at step 20\n",
     "7:20: check: 'at step 20' is past the run's limit of 10 (steps: "
     "10)\n"},
    {HEAD2 STEP "goal: loss < 1 at 20\n",
     "7:19: goal: expected 'step' after 'at'\n"},
    {HEAD STEP "goal: loss < 1 at step 2\n",
     "7:16: goal: expected 'within' after '1'\n"},
    {HEAD2 STEP "check: steps: 10 | loss < 1 within 20 steps\n",
     "7:20: check: 'within 20 steps' is past the run's limit of 10 (steps: "
     "10)\n"},
    {HEAD2 STEP "objective: booth\ncheck: | reach 1, 3 tol 0.1 within 10 "
     "steps and val_loss < 1\n",
     "8:49: check: val_loss needs a model with validation rows (split below "
     "1)\n"},
    {HEAD2 STEP "goal: loss < 1\nsolution: lr: 0.1\ncheck: | beat t\n"
     "@step t\ntext: x\ngoal: beat s\n",
     "9:15: check: step 't' beats a step itself; beat the step it names\n"},
    /* 89 the recap and next */
    {HEAD2 STEP "recap: Done.\nlr: 0.1\n",
     "8:1: a step's directive after 'recap:' (line 7): the recap ends the "
     "lesson\n"},
    {HEAD2 STEP "recap: Done.\n@step t\n",
     "8:1: '@step' after 'recap:' (line 7): the recap ends the lesson\n"},
    {HEAD2 "recap: Done.\n",
     "1: no steps (a step starts with '@step ID')\n"
     "5:1: 'recap:' comes after the steps\n"},
    {HEAD2 STEP "recap: Done.\nrecap: again\n",
     "8:1: duplicate 'recap' (first at line 7)\n"},
    {HEAD2 STEP "recap:\n", "7:7: empty text\n"},
    {HEAD2 "next: 04 x\n" STEP,
     "5:9: next '04 x' may hold only letters, digits, '-', '_' and '.', and "
     "starts with a letter or digit\n"},
    {HEAD2 STEP "id: u\n", "7:1: 'id' belongs in the header, before the "
     "first '@step'\n"},
    {HEAD2 STEP "lock: all but lr\n",
     "7:11: lock: expected 'except NAME, ...' after 'all'\n"},
    {HEAD2 STEP "lock: all except lrr\n",
     "7:18: lock: unknown setting 'lrr' (did you mean 'lr'?)\n"},
    {HEAD STEP "lock: all\n",
     "7:7: 'lock: all' is format 2's: the file says 'format: 1'\n"},
    /* 98 views and their facts */
    {HEAD2 STEP "view: hsweep\n",
     "7:7: view: 'hsweep' is not a view (surface, h-sweep, slice random "
     "[SEED], slice pca, hpo [OPTIONS]) or a box X0:X1,Y0:Y1\n"},
    {HEAD2 STEP "view: slice pca\n",
     "7:7: view: a slice is of a model of more than 2 parameters (its "
     "surface is shown whole)\n"},
    {HEAD2 STEP "model: ridge\nview: hpo --over lr --bogus 3\n",
     "8:21: view: '--bogus' is not an option of the HPO view (over, method, "
     "grid, budget, range, optimizer, steps)\n"},
    {HEAD2 STEP "model: linreg\nview: hpo\n",
     "8:7: view: hpo --over lambda needs 'model: ridge'\n"},
    {HEAD2 STEP "view: hpo --grid 5000\n",
     "7:7: view: a lesson's search has at most 1001 evaluations a method\n"},
    {HEAD2 STEP "check: | h_error middle < 1\n",
     "7:18: check: 'middle' is not a method of h_error\n"},
    {HEAD2 STEP "check: | best_h central is nan\n",
     "7:25: check: expected '<' or '>' after 'central', got 'is'\n"},
    {HEAD2 STEP "check: | hpo_best gradient < 1\n",
     "7:10: check: a search's facts need the step's 'view: hpo ...'\n"},
    {HEAD2 STEP "model: mlp\ncheck: | h_error central < 1\n",
     "8:10: check: the h sweep needs an exact gradient and at most 16 "
     "parameters\n"},
    /* 109 theory: */
    {HEAD STEP "theory: show\n",
     "7:1: 'theory:' is format 2's: the file says 'format: 1'\n"},
    {HEAD2 STEP "theory: shows\n",
     "7:9: theory: expected hide, show or after, got 'shows' (did you mean "
     "'show'?)\n"},
    {HEAD2 STEP "theory: after\ntheory: hide\n",
     "8:1: duplicate 'theory' in step 's' (first at line 7)\n"},
    /* a show inherited by a quiz, and a prediction's own */
    {HEAD2 STEP "theory: show\n@step q\nquiz: number\nask: x\nanswer: 1\n"
     "@step p\ntext: t\ntheory: show\npredict: number\nask: x\nanswer: 1\n",
     "9:1: 'theory: show' (line 7) shows the theory lines before the quiz is "
     "answered: use 'theory: after'\n"
     "15:1: 'theory: show' (line 14) shows the theory lines before the "
     "prediction is answered: use 'theory: after'\n"},
};

static void every_fixture(void)
{
    size_t n = sizeof fixtures / sizeof fixtures[0];
    CU_ASSERT(n >= 25);
    for (size_t i = 0; i < n; i++)
        check_problems("lesson fixture", i, fixtures[i].want,
                       lesson_problems(fixtures[i].text, NULL));
}

/* One file with many problems: every one is reported, in order. */
static void all_problems_collected(void)
{
    const char *got = lesson_problems(
        "format: 1\nid: t\ntitle: T\nminutes: x\n"
        "@step a\ntext: ok\nlr: -1\nmomentum: 1\ngoal: reach 1,1\n"
        "@step a\nquiz: choice\n", NULL);
    CU_ASSERT_STRING_EQUAL(got,
        "4:10: minutes: 'x' is not a whole number\n"
        "7:5: lr: must be greater than 0, got -1\n"
        "8:11: momentum: must be at least 0 and below 1, got 1\n"
        "9:16: goal: expected 'tol D' after '1,1'\n"
        "10:7: duplicate step id 'a' (first at line 5)\n"
        "11:1: quiz without 'ask:'\n"
        "11:1: quiz without 'answer:'\n");
}

/* A column counts characters, not bytes. */
static void columns_count_characters(void)
{
    const char *got = lesson_problems(HEAD STEP "lock: é, lr, optimzer\n",
                                      NULL);
    CU_ASSERT_STRING_EQUAL(got, "7:7: lock: unknown setting 'é'\n"
                                "7:14: lock: unknown setting 'optimzer' (did "
                                "you mean 'optimizer'?)\n");
}

/* The characters decoded to check a line of n 'é' and a control
 * character after them, whose column must be n + 1. */
static size_t line_work(size_t n)
{
    char *text = malloc(2 * n + 2);
    CU_ASSERT_FATAL(text != NULL);
    for (size_t i = 0; i < n; i++)
        memcpy(text + 2 * i, "é", 2);
    text[2 * n] = '\x01';
    text[2 * n + 1] = '\n';
    diag_list d;
    diag_init(&d);
    source src;
    CU_ASSERT_EQUAL_FATAL(source_from(text, 2 * n + 2, &src, &d), 0);
    CU_ASSERT_EQUAL_FATAL(d.n, 1);
    CU_ASSERT_EQUAL(d.d[0].column, (int)n + 1);
    size_t work = src.work;
    source_free(&src);
    diag_free(&d);
    free(text);
    return work;
}

/* Issue 14 #2: a long line was checked in time quadratic in its length
 * (its column found afresh for every character). Twice the line is
 * twice the work. */
static void long_lines_linear(void)
{
    size_t small = line_work(100000), big = line_work(200000);
    char msg[128];
    snprintf(msg, sizeof msg, "work %zu at 100k characters, %zu at 200k",
             small, big);
    CHECK_MSG(small <= 100001 + 16 && big <= 2 * small + 16, msg);
}

static void crlf_and_bom(void)
{
    const char *got = lesson_problems("\xEF\xBB\xBF" "format: 1\r\nid: t\r\n"
                                      "title: T\r\nminutes: 1\r\n@step s\r\n"
                                      "text: x\r\n", NULL);
    CU_ASSERT_STRING_EQUAL(got, "");
}

void suite_lesson_errors(void)
{
    static const test_case tests[] = {
        {"every malformed fixture, exact place and text", every_fixture},
        {"every problem of a file is collected", all_problems_collected},
        {"columns count characters", columns_count_characters},
        {"CRLF line ends and a byte order mark", crlf_and_bom},
        {"long lines are read in linear time", long_lines_linear},
        {NULL, NULL}};
    add_suite("lesson_errors", tests);
}
