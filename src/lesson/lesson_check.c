/* What is checked when a step ends (its quiz, solution and locks
 * together) and when the file ends (the header, goal references, and
 * each step's settings opened as a run would open them). */
#include <string.h>

#include "lesson_parse.h"
#include "parse_num.h"

/* The column of p in s, which starts at column base. */
static int column_in(int base, const char *s, const char *p)
{
    int col = base;
    for (; s < p; s++)
        col += ((unsigned char)*s & 0xC0) != 0x80;
    return col;
}

static void choice_answer(parser *ps, lesson_quiz *q)
{
    option_error e;
    long k;
    int line = ps->once[D_ANSWER];
    if (q->n_options < 2)
        diag_add(ps->d, q->line, 0, "a choice quiz needs at least 2 'option:' "
                 "lines, got %zu", q->n_options);
    if (option_long(&e, "", ps->answer, &k) < 0)
        diag_add(ps->d, line, ps->answer_column, "answer: %s (the number of "
                 "the right option)", e.message);
    else if (k < 1 || (size_t)k > q->n_options)
        diag_add(ps->d, line, ps->answer_column, "answer %ld is out of range: "
                 "the quiz has %zu option%s", k, q->n_options,
                 q->n_options == 1 ? "" : "s");
    else
        q->answer = (size_t)k;
}

/* "V" or "V tol T". */
static void number_answer(parser *ps, lesson_quiz *q)
{
    char buf[128], msg[PARSE_NUM_MSG];
    int line = ps->once[D_ANSWER];
    snprintf(buf, sizeof buf, "%s", ps->answer);
    char *tol = strstr(buf, " tol ");
    if (tol)
        *tol = '\0';
    if (ps->first_option_line)
        diag_add(ps->d, ps->first_option_line, 1, "'option:' belongs to a "
                 "choice quiz");
    if (parse_num_double(buf, &q->value, msg, sizeof msg) < 0) {
        diag_add(ps->d, line, ps->answer_column, "answer: %s", msg);
        return;
    }
    if (!tol)
        return;
    const char *t = tol + 5;
    while (*t == ' ')
        t++;
    int col = column_in(ps->answer_column, buf, t);
    if (parse_num_double(t, &q->tol, msg, sizeof msg) < 0)
        diag_add(ps->d, line, col, "answer: %s", msg);
    else if (!(q->tol >= 0))
        diag_add(ps->d, line, col, "answer: the tolerance must be 0 or more, "
                 "got %s", t);
}

static void quiz_finish(parser *ps, lesson_step *st)
{
    lesson_quiz *q = &st->quiz;
    static const struct { step_key d; const char *name; } parts[] = {
        {D_ASK, "ask"}, {D_OPTION, "option"}, {D_ANSWER, "answer"}};
    if (!ps->once[D_QUIZ]) {
        for (size_t i = 0; i < 3; i++)
            if (ps->once[parts[i].d])
                diag_add(ps->d, ps->once[parts[i].d], 1, "'%s:' needs a "
                         "'quiz:' in the step", parts[i].name);
        return;
    }
    if (st->goal.kind != GOAL_NONE || ps->once[D_GOAL])
        diag_add(ps->d, q->line, 1, "a step has a goal or a quiz, not both");
    if (!q->ask)
        diag_add(ps->d, q->line, 1, "quiz without 'ask:'");
    if (!ps->answer)
        diag_add(ps->d, q->line, 1, "quiz without 'answer:'");
    else if (q->kind == QUIZ_CHOICE)
        choice_answer(ps, q);
    else if (q->kind == QUIZ_NUMBER)
        number_answer(ps, q);
}

void step_finish(parser *ps)
{
    lesson_step *st = ps->step;
    if (!st)
        return;
    lesson_settle(&st->run, st->own, st->n_own);
    quiz_finish(ps, st);
    if (!st->text && !ps->once[D_QUIZ] && !ps->once[D_TEXT])
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
}

static void header_finish(parser *ps)
{
    static const char *const what[] = {"format: 1", "id: ...", "title: ...",
                                       "minutes: ..."};
    if (ps->header[0] && ps->header[0] != ps->first_directive)
        diag_add(ps->d, ps->header[0], 1, "'format: 1' must come first");
    for (int i = 0; i < 4; i++)
        if (!ps->header[i])
            diag_add(ps->d, 1, 0, "missing '%s' in the header", what[i]);
    if (!ps->l->n_steps)
        diag_add(ps->d, 1, 0, "no steps (a step starts with '@step ID')");
}

static void goal_reference(parser *ps, lesson_step *st, size_t i)
{
    lesson_goal *g = &st->goal;
    lesson *l = ps->l;
    long k = lesson_find_step(l, g->than);
    if (k < 0) {
        const char *names[64];
        size_t n = 0;
        for (size_t j = 0; j < l->n_steps && n < 63; j++)
            names[n++] = l->steps[j].id;
        names[n] = NULL;
        char tail[128];
        diag_add(ps->d, g->line, g->than_column, "goal: unknown step '%s'%s",
                 g->than, diag_suggest(tail, sizeof tail, g->than, names,
                                       NULL));
    } else if ((size_t)k == i) {
        diag_add(ps->d, g->line, g->than_column, "goal: a step cannot "
                 "converge faster than itself");
    } else if (l->steps[k].goal.kind != GOAL_LOSS) {
        diag_add(ps->d, g->line, g->than_column, "goal: step '%s' has no "
                 "'loss < V within N steps' goal to compare with", g->than);
    } else {
        g->than_step = (size_t)k;
    }
}

/* Reports an error of opening st's settings at the line that set the
 * setting at fault (the solution's when solved and it sets it). */
static void open_error(parser *ps, const lesson_step *st, bool solved,
                       const option_error *e)
{
    const option_entry *o = e->where[0] == '-'
        ? option_by_name(run_option_table, e->where + 2, strlen(e->where + 2))
        : option_by_id(run_option_table, MOPT_DATA);
    int line = st->line, col = 0;
    if (o && st->set_line[o->id]) {
        line = st->set_line[o->id];
        col = st->set_column[o->id];
    }
    for (size_t i = 0; o && solved && i < st->n_solution; i++)
        if (st->solution[i].id == o->id) {
            line = st->solution[i].line;
            col = st->solution[i].column;
        }
    if (e->column > 0 && col > 0)
        col += e->column - 1;
    if (e->where[0] == '-')
        diag_add(ps->d, line, col, "%s: %s", e->where + 2, e->message);
    else
        diag_add(ps->d, line, col, "%s", e->message);
}

static void open_step(parser *ps, const lesson_step *st, bool solved)
{
    run_options o;
    objective obj;
    option_error e;
    if (lesson_step_open(st, solved, &o, &obj, &e) < 0) {
        open_error(ps, st, solved, &e);
        return;
    }
    if (st->goal.kind == GOAL_REACH && obj.dim != 2)
        diag_add(ps->d, st->goal.line, 0, "goal: reach needs an objective of "
                 "2 parameters; %s has %zu", o.objective, obj.dim);
    objective_free(&obj);
}

void lesson_finish(parser *ps)
{
    header_finish(ps);
    lesson *l = ps->l;
    for (size_t i = 0; i < l->n_steps; i++) {
        lesson_step *st = &l->steps[i];
        if (st->goal.kind == GOAL_FASTER)
            goal_reference(ps, st, i);
        open_step(ps, st, false);
        if (st->n_solution)
            open_step(ps, st, true);
    }
}
