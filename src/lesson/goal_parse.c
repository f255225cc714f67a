/* The goal grammar (goal.h). Words are separated by spaces ("step" may
 * stand for "steps" when N is 1; X,Y may have spaces after the comma).
 * Each problem is reported at the column of the word at fault, and the
 * goal is set only when the whole text parses. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "goal.h"
#include "number.h"
#include "option.h"
#include "parse_num.h"
#include "run_values.h"

static const char forms1[] = "loss < V within N steps, diverge within N "
                             "steps, reach X,Y tol D, converge faster than "
                             "STEP";
static const char forms2[] = "loss < V, val_loss < V, val_acc > A, alpha < A, "
                             "evals < E, gevals < E, "
                             "diverge, reach X,Y tol D (each with 'within N "
                             "steps', 'at step N' or neither), beat STEP, or "
                             "a setting such as 'optimizer sgd'";

typedef struct {
    const goal_syntax *gs;
    const char *p;          /* next character */
    const char *word;       /* the word last read (or where it would be) */
    size_t len;
    char text[64];          /* the word, NUL-terminated and cut short */
} cursor;

static bool next_word(cursor *c)
{
    while (*c->p == ' ' || *c->p == '\t')
        c->p++;
    c->word = c->p;
    while (*c->p && *c->p != ' ' && *c->p != '\t')
        c->p++;
    c->len = (size_t)(c->p - c->word);
    snprintf(c->text, sizeof c->text, "%.*s", (int)c->len, c->word);
    return c->len > 0;
}

/* The next word without taking it. */
static bool peek(const cursor *c, const char *w)
{
    cursor look = *c;
    return next_word(&look) && strcmp(look.text, w) == 0;
}

static bool is(const cursor *c, const char *w)
{
    return c->len == strlen(w) && strncmp(c->word, w, c->len) == 0;
}

static int col(const cursor *c, const char *at)
{
    return source_column(c->gs->line, at);
}

__attribute__((format(printf, 2, 3)))
static int fail(cursor *c, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(c->gs->d, c->gs->line->number, col(c, c->word), "%s: %s",
             c->gs->what, msg);
    return -1;
}

/* The next word must be w. */
static int expect(cursor *c, const char *w, const char *after)
{
    if (next_word(c) && is(c, w))
        return 0;
    return fail(c, "expected '%s' after '%s'", w, after);
}

static int number(cursor *c, const char *what, double *out)
{
    char msg[256];
    if (!next_word(c))
        return fail(c, "expected %s", what);
    if (lesson_number(c->text, out, NULL, msg, sizeof msg) < 0)
        return fail(c, "%s", msg);
    return 0;
}

/* "within N steps", or in format 2 "at step N"; optional in format 2
 * (then a is left as it is). */
static int within(cursor *c, goal_atom *a, const char *after)
{
    bool two = c->gs->format >= 2;
    a->at = two && peek(c, "at");
    if (two && !a->at && !peek(c, "within"))
        return 0;
    option_error e;
    if (a->at ? expect(c, "at", after) < 0 || expect(c, "step", "at") < 0
              : expect(c, "within", after) < 0)
        return -1;
    if (!next_word(c))
        return fail(c, "expected the number of steps after '%s'",
                    a->at ? "at step" : "within");
    if (option_long(&e, "", c->text, &a->within) < 0)
        return fail(c, "%s", e.message);
    if (a->within < 1)
        return fail(c, "the number of steps must be at least 1, got %s",
                    c->text);
    if (a->within > LESSON_MAX_STEPS)
        return fail(c, "at most %d steps (a lesson's runs are kept short), "
                    "got %s", LESSON_MAX_STEPS, c->text);
    a->within_written = true;
    if (a->at)
        return 0;
    char count[sizeof c->text];
    memcpy(count, c->text, sizeof count);
    if (!next_word(c) || !(is(c, "steps") || (a->within == 1 && is(c, "step"))))
        return fail(c, "expected 'steps' after '%s'", count);
    return 0;
}

/* "< V" or "> A" after the metric's name. */
static int compare(cursor *c, goal_atom *a, const char *op, const char *name)
{
    char v[sizeof c->text];
    if (expect(c, op, name) < 0)
        return -1;
    char what[64];
    snprintf(what, sizeof what, "a number after '%s'", op);
    if (number(c, what, &a->value) < 0)
        return -1;
    memcpy(v, c->text, sizeof v);
    return within(c, a, v);
}

/* "X,Y tol D": the point is everything up to the word "tol". */
static int reach(cursor *c, goal_atom *a)
{
    while (*c->p == ' ')
        c->p++;
    c->word = c->p;
    const char *tol = c->p;
    while ((tol = strstr(tol, " tol")) && tol[4] && tol[4] != ' ')
        tol++;
    size_t len = tol ? (size_t)(tol - c->p) : strlen(c->p);
    if (!len)
        return fail(c, "expected X,Y after 'reach'");
    char point[128], msg[256];
    snprintf(point, sizeof point, "%.*s", (int)len, c->p);
    if (parse_num_doubles(point, a->point, 2, 2, NULL, msg, sizeof msg) < 0)
        return fail(c, "%s", msg);
    if (!tol) {
        c->word = c->p + len;
        return fail(c, "expected 'tol D' after '%s'", point);
    }
    c->p = tol + 4;
    if (number(c, "the tolerance after 'tol'", &a->value) < 0)
        return -1;
    if (!(a->value > 0))
        return fail(c, "the tolerance must be greater than 0, got %s",
                    c->text);
    char d[sizeof c->text];
    memcpy(d, c->text, sizeof d);
    return c->gs->format >= 2 ? within(c, a, d) : 0;
}

static int step_id(cursor *c, goal_atom *a, const char *after)
{
    if (!next_word(c))
        return fail(c, "expected a step id after '%s'", after);
    a->step = pool_strndup(c->gs->strings, c->word, c->len);
    a->step_column = col(c, c->word);
    return a->step ? 0 : fail(c, "out of memory");
}

static int faster(cursor *c, goal_atom *a)
{
    if (expect(c, "faster", "converge") < 0 || expect(c, "than", "faster") < 0)
        return -1;
    return step_id(c, a, "than");
}

/* NAME VALUE: a setting of the update, its value checked as a lesson's. */
static int setting(cursor *c, goal_atom *a, const option_entry *o)
{
    if (!goal_setting_ok(o->id))
        return fail(c, "'%s' cannot be part of a goal (the settings of the "
                    "update can: optimizer, lr, momentum, ..., tol)", o->name);
    if (!next_word(c))
        return fail(c, "expected a value after '%s'", o->name);
    a->option = o->id;
    a->setting = pool_strndup(c->gs->strings, c->word, c->len);
    if (!a->setting)
        return fail(c, "out of memory");
    run_options scratch;
    run_options_default(&scratch);
    option_error e;
    if (run_options_set(&scratch, o->id, a->setting, &e) < 0)
        return fail(c, "%s: %s", o->name, e.message);
    return 0;
}

/* A view's fact: NAME METHOD < V, NAME METHOD > V, or (h_error) NAME
 * METHOD is nan. */
static int view_fact(cursor *c, goal_atom *a, const char *name)
{
    static const char *const diff[] = {"central", "forward", NULL};
    static const char *const hpo[] = {"grid", "random", "bayes", "gradient",
                                      NULL};
    bool sweep = a->kind == ATOM_H_ERROR || a->kind == ATOM_BEST_H;
    const char *const *methods = sweep ? diff : hpo;
    if (!next_word(c))
        return fail(c, "expected %s after '%s'", sweep ? "central or forward"
                    : "grid, random, bayes or gradient", name);
    for (a->method = 0; methods[a->method] && !is(c, methods[a->method]);
         a->method++)
        ;
    if (!methods[a->method]) {
        char tail[200];
        return fail(c, "'%s' is not a method of %s%s", c->text, name,
                    diag_suggest(tail, sizeof tail, c->text, methods, NULL));
    }
    char method[sizeof c->text];
    memcpy(method, c->text, sizeof method);
    if (!next_word(c))
        return fail(c, "expected '<' or '>' after '%s'", method);
    if (a->kind == ATOM_H_ERROR && is(c, "is")) {
        a->op = 'n';
        return expect(c, "nan", "is");
    }
    if (!is(c, "<") && !is(c, ">"))
        return fail(c, "expected '<' or '>' after '%s'%s, got '%s'", method,
                    a->kind == ATOM_H_ERROR ? " (or 'is nan')" : "", c->text);
    a->op = c->text[0];
    char what[64];
    snprintf(what, sizeof what, "a number after '%c'", a->op);
    return number(c, what, &a->value);
}

static int unknown(cursor *c)
{
    static const char *const first1[] = {"loss", "diverge", "reach",
                                         "converge", NULL};
    static const char *const first2[] = {"loss", "val_loss", "val_acc",
                                         "alpha", "evals", "gevals",
                                         "diverge", "reach", "beat", "not",
                                         NULL};
    bool two = c->gs->format >= 2;
    char tail[400], one_of[300];
    snprintf(one_of, sizeof one_of, "one of: %s", two ? forms2 : forms1);
    if (!c->len)
        return fail(c, "expected a goal: %s", two ? forms2 : forms1);
    return fail(c, "unknown goal '%s'%s", c->text,
                diag_suggest(tail, sizeof tail, c->text, two ? first2 : first1,
                             one_of));
}

static int atom(cursor *c, goal_atom *a)
{
    bool two = c->gs->format >= 2;
    a->column = col(c, c->word);
    const option_entry *o = option_by_name(run_option_table, c->word, c->len);
    if (is(c, "loss")) {
        a->kind = ATOM_LOSS;
        return compare(c, a, "<", "loss");
    }
    if (is(c, "diverge")) {
        a->kind = ATOM_DIVERGE;
        return within(c, a, "diverge");
    }
    if (is(c, "reach")) {
        a->kind = ATOM_REACH;
        return reach(c, a);
    }
    if (is(c, "converge")) {
        a->kind = ATOM_BEAT;
        return faster(c, a);
    }
    if (!two)
        return unknown(c);
    if (is(c, "val_loss") || is(c, "val_acc")) {
        bool acc = is(c, "val_acc");
        a->kind = acc ? ATOM_VAL_ACC : ATOM_VAL_LOSS;
        return compare(c, a, acc ? ">" : "<", acc ? "val_acc" : "val_loss");
    }
    if (is(c, "alpha")) {
        a->kind = ATOM_ALPHA;
        return compare(c, a, "<", "alpha");
    }
    if (is(c, "evals") || is(c, "gevals")) {
        a->kind = is(c, "evals") ? ATOM_EVALS : ATOM_GEVALS;
        return compare(c, a, "<", is(c, "evals") ? "evals" : "gevals");
    }
    if (is(c, "beat")) {
        a->kind = ATOM_BEAT;
        return step_id(c, a, "beat");
    }
    if (o) {
        a->kind = ATOM_SETTING;
        return setting(c, a, o);
    }
    static const struct {
        const char *name;
        goal_atom_kind kind;
    } facts[] = {{"h_error", ATOM_H_ERROR}, {"best_h", ATOM_BEST_H},
                 {"hpo_best", ATOM_HPO_BEST}, {"hpo_best_h", ATOM_HPO_BEST_H},
                 {"hpo_reach", ATOM_HPO_REACH}};
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
        if (is(c, facts[i].name)) {
            a->kind = facts[i].kind;
            return view_fact(c, a, facts[i].name);
        }
    return unknown(c);
}

int goal_parse(const goal_syntax *gs, const char *text, lesson_goal *g)
{
    cursor c = {.gs = gs, .p = text, .word = text};
    lesson_goal out;
    memset(&out, 0, sizeof out);
    out.line = gs->line->number;
    for (;;) {
        next_word(&c);
        if (out.n == GOAL_MAX_PARTS)
            return fail(&c, "at most %d parts joined by 'and'",
                        GOAL_MAX_PARTS);
        goal_atom *a = &out.a[out.n];
        if (gs->format >= 2 && is(&c, "not")) {
            a->negated = true;
            next_word(&c);
        }
        if (atom(&c, a) < 0)
            return -1;
        if (a->kind == ATOM_BEAT && goal_has(&out, ATOM_BEAT))
            return fail(&c, "one 'beat' per goal");
        out.n++;
        if (!next_word(&c))
            break;
        if (gs->format < 2 || !is(&c, "and"))
            return fail(&c, "unexpected '%s' after the goal%s", c.text,
                        gs->format < 2 ? "" : " (parts are joined by 'and')");
    }
    *g = out;
    return 0;
}

bool goal_setting_ok(int option)
{
    return option >= OPT_OPTIMIZER && option <= OPT_TOL &&
           option != OPT_STEPS;
}

bool goal_atom_now(const goal_atom *a)
{
    return a->kind >= ATOM_SETTING;
}

bool goal_has_hpo(const lesson_goal *g)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->a[i].kind >= ATOM_HPO_BEST)
            return true;
    return false;
}

bool goal_has(const lesson_goal *g, goal_atom_kind kind)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->a[i].kind == kind)
            return true;
    return false;
}
