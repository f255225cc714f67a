/* Lessons as parsed: every directive, text blocks, settings inherited
 * from step to step, solutions and the shipped lessons. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "lesson_util.h"
#include "lookup.h"
#include "player.h"
#include "suites.h"

static const char sample[] =
    "# A comment.\n"
    "format: 1\n"
    "id: 99-sample\n"
    "title: Every directive\n"
    "minutes: 7\n"
    "\n"
    "@step first\n"
    "text: | One line,\n"
    "  then more.\n"
    "\n"
    "    Indented deeper.\n"
    "objective: booth\n"
    "optimizer: momentum\n"
    "lr: 0.01\n"
    "momentum: 0.5\n"
    "start: 0, 0\n"
    "clip: norm:2\n"
    "hypergrad: add\n"
    "hd-beta: 1e-4\n"
    "grad: central\n"
    "h: 1e-6\n"
    "steps: 300\n"
    "lock: objective, start\n"
    "goal: reach 1,3 tol 0.01\n"
    "hint: First hint.\n"
    "hint: Second hint.\n"
    "solution: lr: 0.05\n"
    "solution: hypergrad: off\n"
    "\n"
    "@step second\n"
    "text: Inherits.\n"
    "objective: quadratic\n"
    "goal: loss < 1e-3 within 20 steps\n"
    "\n"
    "@step race\n"
    "text: Faster.\n"
    "goal: converge faster than second\n"
    "\n"
    "@step blow\n"
    "text: Up.\n"
    "lr: 5\n"
    "goal: diverge within 100 steps\n"
    "\n"
    "@step pick\n"
    "quiz: choice\n"
    "ask: Which?\n"
    "option: A\n"
    "option: B\n"
    "option: C\n"
    "answer: 3\n"
    "\n"
    "@step num\n"
    "quiz: number\n"
    "ask: How much?\n"
    "answer: 0.5 tol 1e-3\n"
    "\n"
    "@step model\n"
    "text: A model.\n"
    "model: logreg\n"
    "data: iris\n"
    "split: 0.5\n"
    "no-shuffle:\n";

static void every_directive(void)
{
    lesson l;
    CU_ASSERT_STRING_EQUAL(lesson_problems(sample, &l), "");
    CU_ASSERT_STRING_EQUAL(l.id, "99-sample");
    CU_ASSERT_STRING_EQUAL(l.title, "Every directive");
    CU_ASSERT_EQUAL(l.minutes, 7);
    CU_ASSERT_EQUAL_FATAL(l.n_steps, 7);
    const lesson_step *s = &l.steps[0];
    CU_ASSERT_STRING_EQUAL(s->id, "first");
    CU_ASSERT_EQUAL(s->line, 7);
    CU_ASSERT_STRING_EQUAL(s->text, "One line,\nthen more.\n\n  Indented deeper.");
    CU_ASSERT_STRING_EQUAL(s->run.objective, "booth");
    CU_ASSERT_PTR_EQUAL(s->run.s.opt, &optim_momentum);
    CU_ASSERT_EQUAL(s->run.s.lr, 0.01);
    CU_ASSERT_EQUAL(s->run.s.op.momentum, 0.5);
    CU_ASSERT_EQUAL(s->run.n_start, 2);
    CU_ASSERT_EQUAL(s->run.s.clip.mode, CLIP_NORM);
    CU_ASSERT_EQUAL(s->run.s.clip.c, 2);
    CU_ASSERT_EQUAL(s->run.s.hd.mode, HD_ADD);
    CU_ASSERT_EQUAL(s->run.s.hd.beta, 1e-4);
    CU_ASSERT_EQUAL(s->run.s.grad, GRAD_CENTRAL);
    CU_ASSERT_EQUAL(s->run.s.h, 1e-6);
    CU_ASSERT_EQUAL(s->run.s.max_steps, 300);
    CU_ASSERT(s->locked[OPT_OBJECTIVE] && s->locked[OPT_START]);
    CU_ASSERT(!s->locked[OPT_LR]);
    CU_ASSERT_EQUAL_FATAL(s->goal.n, 1);
    CU_ASSERT_EQUAL(s->goal.a[0].kind, ATOM_REACH);
    CU_ASSERT_EQUAL(s->goal.a[0].point[0], 1);
    CU_ASSERT_EQUAL(s->goal.a[0].point[1], 3);
    CU_ASSERT_EQUAL(s->goal.a[0].value, 0.01);
    /* No deadline written: the step's limit. */
    CU_ASSERT_EQUAL(s->goal.a[0].within, 300);
    CU_ASSERT_FALSE(s->goal.a[0].within_written);
    CU_ASSERT_EQUAL_FATAL(s->n_hints, 2);
    CU_ASSERT_STRING_EQUAL(s->hints[1], "Second hint.");
    CU_ASSERT_EQUAL_FATAL(s->n_solution, 2);
    CU_ASSERT_EQUAL(s->solution[0].id, OPT_LR);
    CU_ASSERT_STRING_EQUAL(s->solution[0].value, "0.05");
    CU_ASSERT_EQUAL(s->solution[0].line, 27);
    CU_ASSERT_EQUAL(s->solution[0].column, 15);
    CU_ASSERT_EQUAL(s->set_line[OPT_LR], 14);
    CU_ASSERT_EQUAL(s->set_column[OPT_LR], 5);
    CU_ASSERT_EQUAL(s->n_own, 11);

    const lesson_step *s2 = &l.steps[1];
    CU_ASSERT_STRING_EQUAL(s2->run.objective, "quadratic");
    CU_ASSERT_EQUAL(s2->run.s.lr, 0.01);          /* inherited */
    CU_ASSERT_PTR_EQUAL(s2->run.s.opt, &optim_momentum);
    CU_ASSERT(!s2->run.has_start);                 /* new objective */
    CU_ASSERT(!s2->locked[OPT_OBJECTIVE]);         /* locks are per step */
    CU_ASSERT_EQUAL(s2->goal.a[0].kind, ATOM_LOSS);
    CU_ASSERT_EQUAL(s2->goal.a[0].value, 1e-3);
    CU_ASSERT_EQUAL(s2->goal.a[0].within, 20);
    CU_ASSERT_EQUAL(l.steps[2].goal.a[0].kind, ATOM_BEAT);
    CU_ASSERT_EQUAL(l.steps[2].goal.a[0].step_index, 1);
    CU_ASSERT_EQUAL(l.steps[3].goal.a[0].kind, ATOM_DIVERGE);
    CU_ASSERT_EQUAL(l.steps[3].goal.a[0].within, 100);
    const lesson_quiz *q = &l.steps[4].quiz;
    CU_ASSERT_EQUAL(q->kind, QUIZ_CHOICE);
    CU_ASSERT_EQUAL(q->n_options, 3);
    CU_ASSERT_EQUAL(q->answer, 3);
    CU_ASSERT_STRING_EQUAL(q->ask, "Which?");
    q = &l.steps[5].quiz;
    CU_ASSERT_EQUAL(q->kind, QUIZ_NUMBER);
    CU_ASSERT_EQUAL(q->value, 0.5);
    CU_ASSERT_EQUAL(q->tol, 1e-3);
    const lesson_step *m = &l.steps[6];
    CU_ASSERT_PTR_EQUAL(m->run.model.type, &model_logreg);
    CU_ASSERT_FALSE(m->run.objective_set);
    CU_ASSERT_EQUAL(m->run.model.spec.opt.split, 0.5);
    CU_ASSERT_FALSE(m->run.model.spec.opt.shuffle);
    lesson_free(&l);
}

static const char sample2[] =
    "format: 2\n"
    "id: 98-two\n"
    "title: Format 2\n"
    "minutes: 5\n"
    "next: 99-sample\n"
    "@step fit\n"
    "text: A model.\n"
    "model: logreg\n"
    "data: iris\n"
    "optimizer: sgd\n"
    "steps: 400\n"
    "goal: val_loss < 0.3 and val_acc > 90% within 300 steps and not "
    "optimizer sgd\n"
    "solution: optimizer: adam\n"
    "check: lr: 0.5, optimizer: momentum, momentum: 0.5 | loss < 0.2 within "
    "100 steps\n"
    "check: | not diverge\n"
    "predict: choice\n"
    "ask: Which wins?\n"
    "option: sgd\n"
    "explain: It is slow here.\n"
    "option: adam\n"
    "answer: 2\n"
    "explain: Its steps are about α.\n"
    "@step bowl\n"
    "text: A bowl.\n"
    "objective: quadratic\n"
    "lock: all except optimizer, lr\n"
    "check: start: 1, 2, lr: 0.5 | reach 0,0 tol 1e-9 within 1 step\n"
    "goal: beat fit\n"
    "recap: | Two steps.\n"
    "  The end.\n";

static void format2_directives(void)
{
    lesson l;
    CU_ASSERT_STRING_EQUAL_FATAL(lesson_problems(sample2, &l), "");
    CU_ASSERT_EQUAL(l.format, 2);
    CU_ASSERT_STRING_EQUAL(l.next, "99-sample");
    CU_ASSERT_STRING_EQUAL(l.recap, "Two steps.\nThe end.");
    const lesson_step *s = &l.steps[0];
    const lesson_goal *g = &s->goal;
    CU_ASSERT_EQUAL_FATAL(g->n, 3);
    CU_ASSERT_EQUAL(g->a[0].kind, ATOM_VAL_LOSS);
    CU_ASSERT_EQUAL(g->a[0].within, 400); /* the step's limit */
    CU_ASSERT_EQUAL(g->a[1].kind, ATOM_VAL_ACC);
    CU_ASSERT_EQUAL(g->a[1].value, 0.9);
    CU_ASSERT_EQUAL(g->a[1].within, 300);
    CU_ASSERT_EQUAL(g->a[2].kind, ATOM_SETTING);
    CU_ASSERT(g->a[2].negated);
    CU_ASSERT_EQUAL(g->a[2].option, OPT_OPTIMIZER);
    CU_ASSERT_EQUAL(goal_deadline(g), 400);
    char text[256];
    goal_text(g, text, sizeof text);
    CU_ASSERT_STRING_EQUAL(text, "val_loss < 0.3 within 400 steps and val_acc "
                           "> 0.9 within 300 steps and not optimizer sgd");
    CU_ASSERT_EQUAL_FATAL(s->n_checks, 2);
    CU_ASSERT_EQUAL_FATAL(s->checks[0].n_set, 3);
    CU_ASSERT_STRING_EQUAL(s->checks[0].set[2].value, "0.5");
    CU_ASSERT_EQUAL(s->checks[0].set[1].column, 28);
    CU_ASSERT_EQUAL(s->checks[1].n_set, 0);
    CU_ASSERT_EQUAL(s->checks[1].outcome.a[0].within, 400);
    const lesson_quiz *q = &s->quiz;
    CU_ASSERT(q->predict);
    CU_ASSERT_EQUAL(q->kind, QUIZ_CHOICE);
    CU_ASSERT_STRING_EQUAL(q->option_explain[0], "It is slow here.");
    CU_ASSERT_PTR_NULL(q->option_explain[1]);
    CU_ASSERT_STRING_EQUAL(q->explain, "Its steps are about α.");
    const lesson_step *b = &l.steps[1];
    CU_ASSERT_EQUAL(b->checks[0].set[0].id, OPT_START);
    CU_ASSERT_STRING_EQUAL(b->checks[0].set[0].value, "1, 2");
    run_options o;
    option_error e;
    CU_ASSERT_EQUAL(lesson_check_settings(b, &b->checks[0], &o, &e), 0);
    CU_ASSERT_EQUAL(o.start[1], 2);
    CU_ASSERT_EQUAL(o.s.lr, 0.5);
    CU_ASSERT(b->locked[OPT_OBJECTIVE] && b->locked[OPT_MOMENTUM] &&
              b->locked[MOPT_DATA]);
    CU_ASSERT_FALSE(b->locked[OPT_LR] || b->locked[OPT_OPTIMIZER]);
    lesson_player p;
    CU_ASSERT_EQUAL_FATAL(player_init(&p, &l, NULL, 0), 0);
    player_goto(&p, 1);
    char locks[400];
    player_lock_text(&p, locks, sizeof locks);
    CU_ASSERT_STRING_EQUAL(locks, "all but optimizer, lr");
    player_free(&p);
    CU_ASSERT_EQUAL(b->goal.a[0].kind, ATOM_BEAT);
    CU_ASSERT_EQUAL(b->goal.a[0].step_index, 0);
    lesson_free(&l);
}

/* Skip's settings: the solution on top of the step's. */
static void solution_settings(void)
{
    lesson l;
    CU_ASSERT_STRING_EQUAL_FATAL(lesson_problems(sample, &l), "");
    run_options o;
    option_error e;
    CU_ASSERT_EQUAL(lesson_step_settings(&l.steps[0], true, &o, &e), 0);
    CU_ASSERT_EQUAL(o.s.lr, 0.05);
    CU_ASSERT_EQUAL(o.s.hd.mode, HD_OFF);
    CU_ASSERT_EQUAL(l.steps[0].run.s.lr, 0.01);
    objective obj;
    CU_ASSERT_EQUAL(lesson_step_open(&l.steps[6], false, &o, &obj, &e), 0);
    CU_ASSERT_EQUAL(obj.dim, 2);
    CU_ASSERT_EQUAL(model_of(&obj)->data.n_val, 75);
    objective_free(&obj);
    lesson_free(&l);
}

/* Option names a lesson may use: the run options but the output ones. */
static void settable_options(void)
{
    CU_ASSERT_PTR_NOT_NULL(lesson_option("lr", 2));
    CU_ASSERT_PTR_NOT_NULL(lesson_option("hd-beta", 7));
    CU_ASSERT_PTR_NOT_NULL(lesson_option("model", 5));
    CU_ASSERT_PTR_NULL(lesson_option("trace", 5));
    CU_ASSERT_PTR_NULL(lesson_option("quiet", 5));
    CU_ASSERT_PTR_NULL(lesson_option("lrr", 3));
}

/* A data file named relative to the lesson is found beside it. */
static void relative_data(void)
{
    const char *text = "format: 1\nid: t\ntitle: T\nminutes: 1\n@step s\n"
                       "text: x\nmodel: linreg\ndata: mine.csv\n";
    diag_list d;
    diag_init(&d);
    lesson l;
    lesson_parse(text, strlen(text), "/nowhere/t.lesson", &l, &d);
    CU_ASSERT_STRING_EQUAL(l.steps[0].own[1].value, "/nowhere/mine.csv");
    CU_ASSERT_STRING_EQUAL(diag_text(&d),
                           "8:7: /nowhere/mine.csv: cannot open: No such file "
                           "or directory\n");
    lesson_free(&l);
    diag_free(&d);
}

/* The shipped lessons: at least six, none with a problem, ids unique. */
static void shipped_lessons(void)
{
    lesson_catalog c;
    CU_ASSERT_EQUAL_FATAL(catalog_load(source_path("lessons"), &c), 0);
    CU_ASSERT(c.n >= 6);
    CU_ASSERT_EQUAL(c.n_bad, 0);
    for (size_t i = 0; i < c.n; i++)
        for (size_t k = i + 1; k < c.n; k++)
            CU_ASSERT(strcmp(c.l[i].id, c.l[k].id) != 0);
    CU_ASSERT_PTR_NOT_NULL(catalog_find(&c, "01-gradient"));
    CU_ASSERT_PTR_NULL(catalog_find(&c, "nope"));
    catalog_free(&c);
}

/* Lessons by number, name and unique prefix; demos by name. */
static void finding(void)
{
    lesson_catalog c;
    CU_ASSERT_EQUAL_FATAL(catalog_load(source_path(COURSE_FIXTURE), &c), 0);
    char msg[512];
    static const char *const found[][2] = {
        {"3", "03-learning-rate"}, {"03", "03-learning-rate"},
        {"learning-rate", "03-learning-rate"}, {"learn", "03-learning-rate"},
        {"03-learning-rate", "03-learning-rate"}, {"04-m", "04-momentum"},
        {"8", "08-logistic-regression"}};
    for (size_t i = 0; i < sizeof found / sizeof found[0]; i++) {
        const lesson *l = lookup_lesson(&c, found[i][0], msg, sizeof msg);
        CU_ASSERT_PTR_NOT_NULL_FATAL(l);
        CU_ASSERT_STRING_EQUAL(l->id, found[i][1]);
    }
    CU_ASSERT_PTR_NULL(lookup_lesson(&c, "l", msg, sizeof msg));
    CU_ASSERT_STRING_EQUAL(msg, "'l' matches 2 lessons: 03-learning-rate, "
                           "08-logistic-regression");
    CU_ASSERT_PTR_NULL(lookup_lesson(&c, "03-learnig-rate", msg, sizeof msg));
    CU_ASSERT_STRING_EQUAL(msg, "unknown lesson '03-learnig-rate' (did you "
                           "mean '03-learning-rate'?)");
    CU_ASSERT_PTR_NULL(lookup_lesson(&c, "99", msg, sizeof msg));
    CU_ASSERT_STRING_EQUAL(msg, "unknown lesson '99' (see 'descent list "
                           "lessons')");
    const lesson *l3 = catalog_find(&c, "03-learning-rate");
    CU_ASSERT_STRING_EQUAL(catalog_next(&c, l3)->id, "04-momentum");
    CU_ASSERT_PTR_NULL(catalog_next(&c, &c.l[c.n - 1]));
    catalog_free(&c);

    demo_list d;
    CU_ASSERT_EQUAL_FATAL(demo_list_load(source_path("assets/demos"), &d), 0);
    CU_ASSERT(d.n >= 2);
    long k = lookup_demo(&d, "momentum", msg, sizeof msg);
    CU_ASSERT_FATAL(k >= 0);
    CU_ASSERT_STRING_EQUAL(d.name[k], "momentum-vs-sgd");
    CU_ASSERT(strstr(d.path[k], "assets/demos/momentum-vs-sgd.demo") != NULL);
    CU_ASSERT_EQUAL(lookup_demo(&d, "learning-rat", msg, sizeof msg),
                    lookup_demo(&d, "learning-rate", msg, sizeof msg));
    CU_ASSERT_EQUAL(lookup_demo(&d, "momentum-vs-sdg", msg, sizeof msg), -1);
    CU_ASSERT_STRING_EQUAL(msg, "unknown demo 'momentum-vs-sdg' (did you mean "
                           "'momentum-vs-sgd'?)");
    CU_ASSERT(lookup_is_path("a/b", ".demo") && lookup_is_path("x.demo",
                                                               ".demo"));
    CU_ASSERT_FALSE(lookup_is_path("x", ".demo"));
    demo_list_free(&d);
}

void suite_lesson(void)
{
    static const test_case tests[] = {
        {"every directive", every_directive},
        {"format 2's directives", format2_directives},
        {"solution settings and opening a step", solution_settings},
        {"settable options", settable_options},
        {"data files relative to the lesson", relative_data},
        {"shipped lessons parse", shipped_lessons},
        {"lessons and demos found by name", finding},
        {NULL, NULL}};
    add_suite("lesson", tests);
}
