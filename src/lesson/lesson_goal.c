/* The goal: grammar (DESIGN §7):
 *   loss < V within N steps | diverge within N steps |
 *   reach X,Y tol D | converge faster than STEP
 * Words are separated by spaces ("step" may stand for "steps" when N is
 * 1; X,Y may have spaces after the comma). Each problem is reported at
 * the column of the word at fault. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lesson_parse.h"
#include "parse_num.h"

static const char forms[] = "loss < V within N steps, diverge within N "
                            "steps, reach X,Y tol D, converge faster than STEP";

typedef struct {
    parser *ps;
    const source_line *line;
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

static bool is(const cursor *c, const char *w)
{
    return strcmp(c->text, w) == 0;
}

__attribute__((format(printf, 2, 3)))
static int fail(cursor *c, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(c->ps->d, c->line->number, source_column(c->line, c->word),
             "goal: %s", msg);
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
    char msg[PARSE_NUM_MSG];
    if (!next_word(c))
        return fail(c, "expected %s", what);
    if (parse_num_double(c->text, out, msg, sizeof msg) < 0)
        return fail(c, "%s", msg);
    return 0;
}

/* "within N steps". */
static int within(cursor *c, long *n, const char *after)
{
    option_error e;
    if (expect(c, "within", after) < 0)
        return -1;
    if (!next_word(c))
        return fail(c, "expected the number of steps after 'within'");
    if (option_long(&e, "", c->text, n) < 0)
        return fail(c, "%s", e.message);
    if (*n < 1)
        return fail(c, "the number of steps must be at least 1, got %s",
                    c->text);
    char count[sizeof c->text];
    memcpy(count, c->text, sizeof count);
    if (!next_word(c) || !(is(c, "steps") || (*n == 1 && is(c, "step"))))
        return fail(c, "expected 'steps' after '%s'", count);
    return 0;
}

/* "X,Y tol D": the point is everything up to the word "tol". */
static int reach(cursor *c, lesson_goal *g)
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
    char point[128], msg[PARSE_NUM_MSG];
    snprintf(point, sizeof point, "%.*s", (int)len, c->p);
    if (parse_num_doubles(point, g->point, 2, 2, NULL, msg, sizeof msg) < 0)
        return fail(c, "%s", msg);
    if (!tol) {
        c->word = c->p + len;
        return fail(c, "expected 'tol D' after '%s'", point);
    }
    c->p = tol + 4;
    if (number(c, "the tolerance after 'tol'", &g->tol) < 0)
        return -1;
    if (!(g->tol > 0))
        return fail(c, "the tolerance must be greater than 0, got %s", c->text);
    return 0;
}

static int faster(cursor *c, lesson_goal *g)
{
    if (expect(c, "faster", "converge") < 0 || expect(c, "than", "faster") < 0)
        return -1;
    if (!next_word(c))
        return fail(c, "expected a step id after 'than'");
    g->than = pool_strndup(&c->ps->l->strings, c->word, c->len);
    g->than_column = source_column(c->line, c->word);
    return g->than ? 0 : fail(c, "out of memory");
}

static int unknown(cursor *c)
{
    static const char *const first[] = {"loss", "diverge", "reach", "converge",
                                        NULL};
    char tail[256], one_of[200];
    snprintf(one_of, sizeof one_of, "one of: %s", forms);
    return fail(c, "unknown goal '%s'%s", c->text,
                diag_suggest(tail, sizeof tail, c->text, first, one_of));
}

int goal_parse(parser *ps, const source_line *line, const char *value,
               lesson_goal *g)
{
    cursor c = {.ps = ps, .line = line, .p = value, .word = value};
    memset(g, 0, sizeof *g);
    g->line = line->number;
    next_word(&c);
    int rc;
    if (is(&c, "loss")) {
        g->kind = GOAL_LOSS;
        char v[sizeof c.text];
        rc = expect(&c, "<", "loss");
        if (rc == 0)
            rc = number(&c, "a number after '<'", &g->loss);
        if (rc == 0) {
            memcpy(v, c.text, sizeof v);
            rc = within(&c, &g->within, v);
        }
    } else if (is(&c, "diverge")) {
        g->kind = GOAL_DIVERGE;
        rc = within(&c, &g->within, "diverge");
    } else if (is(&c, "reach")) {
        g->kind = GOAL_REACH;
        rc = reach(&c, g);
    } else if (is(&c, "converge")) {
        g->kind = GOAL_FASTER;
        rc = faster(&c, g);
    } else {
        return unknown(&c);
    }
    if (rc == 0 && next_word(&c))
        return fail(&c, "unexpected '%s' after the goal", c.text);
    return rc;
}
