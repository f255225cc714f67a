/* What is checked when a step ends (its quiz, solution, locks, goal and
 * checks together) and when the file ends (the header, the steps that
 * goals beat, and each step's settings opened as a run would open them,
 * with its solution and with each check's settings). */
#include <math.h>
#include <string.h>

#include "hsweep.h"
#include "lesson_parse.h"
#include "model.h"
#include "screen_spec.h"

/* A goal's deadlines written past the limit of its run. */
static void past_limit(parser *ps, const lesson_goal *g, long limit,
                       const char *what)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->a[i].within_written && g->a[i].within > limit)
            diag_add(ps->d, g->line, g->a[i].column, "%s: '%s %ld%s' is "
                     "past the run's limit of %ld (steps: %ld)", what,
                     g->a[i].at ? "at step" : "within", g->a[i].within,
                     g->a[i].at ? "" : " steps", limit, limit);
}

/* Each deadline not written is the run's limit. */
static void deadlines(parser *ps, lesson_step *st)
{
    long limit = st->run.s.max_steps;
    goal_resolve(&st->goal, limit);
    past_limit(ps, &st->goal, limit, "goal");
    for (size_t i = 0; i < st->n_checks; i++) {
        lesson_check *c = &st->checks[i];
        run_options o;
        option_error e;
        /* A setting that does not apply is reported with the file. */
        if (lesson_check_settings(st, c, &o, &e) < 0)
            continue;
        goal_resolve(&c->outcome, o.s.max_steps);
        past_limit(ps, &c->outcome, o.s.max_steps, "check");
    }
}

void step_finish(parser *ps)
{
    lesson_step *st = ps->step;
    if (!st)
        return;
    lesson_settle(&st->run, st->own, st->n_own);
    quiz_finish(ps, st);
    deadlines(ps, st);
    /* Inherited too: a show meant for a text step must not reach a
     * question the lines may answer. */
    if (st->quiz.kind != QUIZ_NONE && st->theory == STEP_THEORY_SHOW)
        diag_add(ps->d, st->quiz.line, 1, "'theory: show' (line %d) shows "
                 "the theory lines before the %s is answered: use "
                 "'theory: after'", st->theory_line,
                 st->quiz.predict ? "prediction" : "quiz");
    if (!st->text && !ps->once[D_QUIZ] && !ps->once[D_PREDICT] &&
        !ps->once[D_TEXT])
        diag_add(ps->d, st->line, 0, "step '%s' has no 'text:' and no 'quiz:'",
                 st->id);
    if (st->n_solution && !ps->once[D_GOAL])
        diag_add(ps->d, ps->once[D_SOLUTION], 1, "'solution:' needs a 'goal:' "
                 "in the step");
    for (size_t i = 0; i < st->n_solution; i++) {
        const lesson_setting *s = &st->solution[i];
        if (st->locked[s->id])
            diag_add(ps->d, s->line, s->column, "solution: sets '%s', which "
                     "the step locks",
                     option_by_id(run_option_table, s->id)->name);
    }
    ps->answer = NULL;
    ps->first_option_line = 0;
    ps->explain_to = EXPLAIN_NONE;
}

static void header_finish(parser *ps)
{
    static const char *const what[] = {"format: 2", "id: ...", "title: ...",
                                       "minutes: ..."};
    if (ps->header[H_FORMAT] && ps->header[H_FORMAT] != ps->first_directive)
        diag_add(ps->d, ps->header[H_FORMAT], 1, "'format:' must come "
                 "first");
    for (int i = 0; i < HEADER_REQUIRED; i++)
        if (!ps->header[i])
            diag_add(ps->d, 1, 0, "missing '%s' in the header", what[i]);
    if (!ps->l->n_steps)
        diag_add(ps->d, 1, 0, "no steps (a step starts with '@step ID')");
}

/* The step a beat part names: it exists, has a goal, and that goal beats
 * no step itself. own: the index of the step whose goal g is (a check
 * may beat its own step's goal; a goal may not). */
static void beat_step(parser *ps, lesson_goal *g, long own, const char *what)
{
    lesson *l = ps->l;
    for (size_t i = 0; i < g->n; i++) {
        goal_atom *a = &g->a[i];
        if (a->kind != ATOM_BEAT)
            continue;
        long k = lesson_find_step(l, a->step);
        if (k < 0) {
            char tail[128];
            diag_add(ps->d, g->line, a->step_column, "%s: unknown step "
                     "'%s'%s", what, a->step,
                     lesson_step_suggest(l, a->step, tail, sizeof tail));
        } else if (k == own) {
            diag_add(ps->d, g->line, a->step_column, "%s: a step cannot beat "
                     "itself", what);
        } else if (!lesson_has_goal(&l->steps[k])) {
            diag_add(ps->d, g->line, a->step_column, "%s: step '%s' has no "
                     "goal to beat", what, a->step);
        } else if (goal_has(&l->steps[k].goal, ATOM_BEAT)) {
            diag_add(ps->d, g->line, a->step_column, "%s: step '%s' beats a "
                     "step itself; beat the step it names", what, a->step);
        } else {
            a->step_index = (size_t)k;
        }
    }
}

/* Reports an error of opening st's settings with the n settings extra on
 * top (a solution, a check's) at the line that set the setting at fault,
 * or at line when it is not known. */
static void open_error(parser *ps, const lesson_step *st,
                       const lesson_setting *extra, size_t n, int at,
                       const option_error *e)
{
    const option_entry *o = e->where[0] == '-'
        ? option_by_name(run_option_table, e->where + 2, strlen(e->where + 2))
        : option_by_id(run_option_table, MOPT_DATA);
    int line = at, col = 0;
    if (o && st->set_line[o->id]) {
        line = st->set_line[o->id];
        col = st->set_column[o->id];
    }
    for (size_t i = 0; o && i < n; i++)
        if (extra[i].id == o->id) {
            line = extra[i].line;
            col = extra[i].column;
        }
    if (e->column > 0 && col > 0)
        col += e->column - 1;
    if (e->where[0] == '-')
        diag_add(ps->d, line, col, "%s: %s", e->where + 2, e->message);
    else
        diag_add(ps->d, line, col, "%s", e->message);
}

/* What a goal's parts need of the objective: 2 parameters to reach a
 * point, validation rows for val_loss, a classifier for val_acc, a
 * gradient to check for the h sweep's facts, the HPO view for a
 * search's. */
static void goal_needs(parser *ps, const lesson_goal *g, const objective *obj,
                       const char *name, const char *what, screen_kind view)
{
    model *m = model_of(obj);
    model_metrics mm = {NAN, NAN, NAN};
    if (m && (goal_has(g, ATOM_VAL_LOSS) || goal_has(g, ATOM_VAL_ACC)))
        mm = model_evaluate(m, m->theta0);
    for (size_t i = 0; i < g->n; i++) {
        const goal_atom *a = &g->a[i];
        if (a->kind == ATOM_REACH && obj->dim != 2)
            diag_add(ps->d, g->line, a->column, "%s: reach needs an objective "
                     "of 2 parameters; %s has %zu", what, name, obj->dim);
        if (a->kind == ATOM_VAL_LOSS && isnan(mm.val_loss))
            diag_add(ps->d, g->line, a->column, "%s: val_loss needs a model "
                     "with validation rows (split below 1)", what);
        if (a->kind == ATOM_VAL_ACC && isnan(mm.val_acc))
            diag_add(ps->d, g->line, a->column, "%s: val_acc needs a "
                     "classifier with validation rows", what);
        if ((a->kind == ATOM_H_ERROR || a->kind == ATOM_BEST_H) &&
            !hsweep_available(obj))
            diag_add(ps->d, g->line, a->column, "%s: the h sweep needs an "
                     "exact gradient and at most %d parameters", what,
                     HSWEEP_MAX_DIM);
        if (a->kind >= ATOM_HPO_BEST && view != SCREEN_HPO)
            diag_add(ps->d, g->line, a->column, "%s: a search's facts need "
                     "the step's 'view: hpo ...'", what);
    }
}

/* Opens st's settings with the n settings extra; checks g against them.
 * at: the line to blame for an error no setting explains. */
static void open_with(parser *ps, const lesson_step *st,
                      const lesson_setting *extra, size_t n,
                      const lesson_goal *g, int at, const char *what)
{
    run_options o;
    objective obj;
    option_error e;
    if (lesson_settings_with(&st->run, extra, n, &o, &e) < 0 ||
        run_options_open(&o, &obj, &e) < 0) {
        open_error(ps, st, extra, n, at, &e);
        return;
    }
    screen_spec view;
    screen_spec_of(&o, &view);
    if (screen_spec_check(&view, &obj, &e) < 0)
        open_error(ps, st, extra, n, at, &e);
    if (g)
        goal_needs(ps, g, &obj, o.objective ? o.objective : "the model", what,
                   view.kind);
    objective_free(&obj);
}

void lesson_finish(parser *ps)
{
    header_finish(ps);
    lesson *l = ps->l;
    for (size_t i = 0; i < l->n_steps; i++) {
        lesson_step *st = &l->steps[i];
        beat_step(ps, &st->goal, (long)i, "goal");
        /* A step that sets nothing runs its predecessor's settings, opened
         * already; only its goal's needs are new. */
        if (i == 0 || st->n_own || lesson_has_goal(st))
            open_with(ps, st, NULL, 0, &st->goal, st->line, "goal");
        if (st->n_solution)
            open_with(ps, st, st->solution, st->n_solution, &st->goal,
                      st->goal.line, "goal");
        for (size_t k = 0; k < st->n_checks; k++) {
            lesson_check *c = &st->checks[k];
            beat_step(ps, &c->outcome, -1, "check");
            open_with(ps, st, c->set, c->n_set, &c->outcome, c->line, "check");
        }
    }
}
