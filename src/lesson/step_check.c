/* A step's goal, and its check: lines: SETTINGS | OUTCOME, where SETTINGS
 * are "name: value" directives separated by commas (a comma starts a new
 * one only before a setting's name and ':', so "start: 1, 2" is one) and
 * OUTCOME is a goal. */
#include <stdlib.h>
#include <string.h>

#include "lesson_parse.h"

int step_goal(parser *ps, const source_line *line, const char *value,
              const char *what, lesson_goal *g)
{
    goal_syntax gs = {ps->d, line, &ps->l->strings, ps->l->format, what};
    return goal_parse(&gs, value, g);
}

/* The length of a setting's name at p followed by ':', or 0. */
static size_t setting_name(const char *p)
{
    size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789-");
    return len && p[len] == ':' && lesson_option(p, len) ? len : 0;
}

/* The directives of text (NUL-terminated inside line), each checked as
 * a step's own and added to c. */
static void settings(parser *ps, const source_line *line, char *text,
                     lesson_check *c)
{
    char *p = text + strspn(text, " ");
    while (*p) {
        size_t len = setting_name(p);
        if (!len) {
            diag_add(ps->d, line->number, source_column(line, p), "check: "
                     "expected 'setting: value' before '|', e.g. 'check: lr: "
                     "0.5 | loss < 1e-3'");
            return;
        }
        const option_entry *o = lesson_option(p, len);
        char *v = p + len + 1;
        v += strspn(v, " ");
        /* The value ends at the comma before the next setting. */
        char *end = v, *next = v + strlen(v);
        for (char *q = strchr(v, ','); q; q = strchr(q + 1, ',')) {
            char *after = q + 1 + strspn(q + 1, " ");
            if (setting_name(after)) {
                next = after;
                end = q;
                break;
            }
        }
        if (next == v + strlen(v))
            end = next;
        while (end > v && end[-1] == ' ')
            end--;
        *end = '\0';
        lesson_setting s;
        if (step_setting(ps, line, o, v, &s)) {
            lesson_setting *kept = step_append(ps, line, &c->set, &c->n_set,
                                               sizeof s);
            if (kept)
                *kept = s;
        }
        p = next;
    }
}

void step_check(parser *ps, const source_line *line, char *value)
{
    lesson_step *st = ps->step;
    char *bar = strrchr(value, '|');
    if (!bar) {
        diag_add(ps->d, line->number, source_column(line, value), "check: "
                 "expected 'SETTINGS | OUTCOME', e.g. 'check: lr: 0.5 | loss "
                 "< 1e-3 within 10 steps' (SETTINGS may be empty)");
        return;
    }
    *bar = '\0';
    lesson_check c = {.line = line->number};
    settings(ps, line, value, &c);
    char *outcome = bar + 1;
    outcome += strspn(outcome, " ");
    if (step_goal(ps, line, outcome, "check", &c.outcome) == 0) {
        lesson_check *kept = step_append(ps, line, &st->checks, &st->n_checks,
                                         sizeof c);
        if (kept) {
            *kept = c;
            return;
        }
    }
    free(c.set);
}
