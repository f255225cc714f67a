/* A step's quiz (quiz:) or prediction (predict:, asked before the run):
 * its question, options, answer and explanations as they are read, and
 * checked together when the step ends. */
#include <stdlib.h>
#include <string.h>

#include "lesson_parse.h"
#include "number.h"

static char *copy(parser *ps, const char *s)
{
    return pool_strndup(&ps->l->strings, s, strlen(s));
}

static void kind(parser *ps, const source_line *line, step_key which,
                 const char *value)
{
    lesson_quiz *q = &ps->step->quiz;
    step_key other = which == D_QUIZ ? D_PREDICT : D_QUIZ;
    if (ps->once[other]) {
        diag_add(ps->d, line->number, 1, "a step has one 'quiz:' or "
                 "'predict:' (the %s is at line %d)",
                 other == D_QUIZ ? "quiz" : "prediction", ps->once[other]);
        return;
    }
    q->line = line->number;
    q->predict = which == D_PREDICT;
    if (strcmp(value, "number") == 0)
        q->kind = QUIZ_NUMBER;
    else if (strcmp(value, "choice") == 0)
        q->kind = QUIZ_CHOICE;
    else
        diag_add(ps->d, line->number, source_column(line, value), "unknown "
                 "%s '%s' (number or choice)", q->predict ? "predict" : "quiz",
                 value);
}

static void option(parser *ps, const source_line *line, const char *value)
{
    lesson_quiz *q = &ps->step->quiz;
    const char **opt = step_append(ps, line, &q->options, &q->n_options,
                                   sizeof *opt);
    if (!opt)
        return;
    *opt = copy(ps, value);
    const char **ex = realloc(q->option_explain,
                              q->n_options * sizeof *ex);
    if (!ex) {
        q->n_options--;
        diag_add(ps->d, line->number, 1, "out of memory");
        return;
    }
    q->option_explain = ex;
    ex[q->n_options - 1] = NULL;
    ps->explain_to = (long)q->n_options - 1;
    if (!ps->first_option_line)
        ps->first_option_line = line->number;
}

static void explain(parser *ps, const source_line *line, const char *value)
{
    lesson_quiz *q = &ps->step->quiz;
    const char **to = ps->explain_to == EXPLAIN_ANSWER ? &q->explain
                      : ps->explain_to >= 0
                      ? &q->option_explain[ps->explain_to] : NULL;
    if (!to) {
        diag_add(ps->d, line->number, 1, "'explain:' follows the 'option:' "
                 "or 'answer:' line it explains");
        return;
    }
    if (*to) {
        char what[32];
        if (ps->explain_to == EXPLAIN_ANSWER)
            snprintf(what, sizeof what, "the answer");
        else
            snprintf(what, sizeof what, "option %ld", ps->explain_to + 1);
        diag_add(ps->d, line->number, 1, "%s has an 'explain:' already", what);
        return;
    }
    *to = copy(ps, value);
}

void step_quiz_line(parser *ps, const source_line *line, step_key which,
                    const char *value)
{
    lesson_quiz *q = &ps->step->quiz;
    switch (which) {
    case D_QUIZ:
    case D_PREDICT: kind(ps, line, which, value); return;
    case D_ASK: q->ask = copy(ps, value); return;
    case D_OPTION: option(ps, line, value); return;
    case D_EXPLAIN: explain(ps, line, value); return;
    default:
        ps->answer = copy(ps, value);
        ps->answer_column = source_column(line, value);
        ps->explain_to = EXPLAIN_ANSWER;
    }
}

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

/* "V" or "V tol T"; V and T may be fractions or percentages. */
static void number_answer(parser *ps, lesson_quiz *q)
{
    char buf[128], msg[256];
    int line = ps->once[D_ANSWER];
    snprintf(buf, sizeof buf, "%s", ps->answer);
    char *tol = strstr(buf, " tol ");
    if (tol)
        *tol = '\0';
    if (ps->first_option_line)
        diag_add(ps->d, ps->first_option_line, 1, "'option:' belongs to a "
                 "choice quiz");
    if (lesson_number(buf, &q->value, &q->percent, msg, sizeof msg) < 0) {
        diag_add(ps->d, line, ps->answer_column, "answer: %s", msg);
        return;
    }
    if (!tol)
        return;
    const char *t = tol + 5;
    while (*t == ' ')
        t++;
    int col = column_in(ps->answer_column, buf, t);
    if (lesson_number(t, &q->tol, NULL, msg, sizeof msg) < 0)
        diag_add(ps->d, line, col, "answer: %s", msg);
    else if (!(q->tol >= 0))
        diag_add(ps->d, line, col, "answer: the tolerance must be 0 or more, "
                 "got %s", t);
}

void quiz_finish(parser *ps, lesson_step *st)
{
    lesson_quiz *q = &st->quiz;
    static const struct { step_key d; const char *name; } parts[] = {
        {D_ASK, "ask"}, {D_OPTION, "option"}, {D_ANSWER, "answer"}};
    if (!ps->once[D_QUIZ] && !ps->once[D_PREDICT]) {
        for (size_t i = 0; i < 3; i++)
            if (ps->once[parts[i].d])
                diag_add(ps->d, ps->once[parts[i].d], 1, "'%s:' needs a "
                         "'quiz:' in the step", parts[i].name);
        return;
    }
    const char *what = q->predict ? "predict" : "quiz";
    if (!q->predict && ps->once[D_GOAL])
        diag_add(ps->d, q->line, 1, "a step has a goal or a quiz, not both "
                 "(a goal may have a 'predict:')");
    if (!q->ask)
        diag_add(ps->d, q->line, 1, "%s without 'ask:'", what);
    if (!ps->answer)
        diag_add(ps->d, q->line, 1, "%s without 'answer:'", what);
    else if (q->kind == QUIZ_CHOICE)
        choice_answer(ps, q);
    else if (q->kind == QUIZ_NUMBER)
        number_answer(ps, q);
}
