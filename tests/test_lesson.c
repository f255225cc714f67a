/* Lessons as parsed: every directive, text blocks, settings inherited
 * from step to step, solutions and the shipped lessons. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "lesson_util.h"
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
    CU_ASSERT_PTR_NOT_NULL(catalog_find(&c, "03-learning-rate"));
    CU_ASSERT_PTR_NULL(catalog_find(&c, "nope"));
    catalog_free(&c);
}

void suite_lesson(void)
{
    static const test_case tests[] = {
        {"every directive", every_directive},
        {"solution settings and opening a step", solution_settings},
        {"settable options", settable_options},
        {"data files relative to the lesson", relative_data},
        {"shipped lessons parse", shipped_lessons},
        {NULL, NULL}};
    add_suite("lesson", tests);
}
