/* Goals as the learner reads them, and their deadlines. */
#include <stdio.h>

#include "goal.h"
#include "goal_views.h"
#include "option.h"
#include "run_values.h"

void goal_part_text(const goal_atom *a, char *buf, size_t cap)
{
    char when[48] = "";
    if (a->within > 0 && a->at)
        snprintf(when, sizeof when, " at step %ld", a->within);
    else if (a->within > 0 && a->kind != ATOM_BEAT && !goal_atom_now(a))
        snprintf(when, sizeof when, " within %ld step%s", a->within,
                 a->within == 1 ? "" : "s");
    const char *not = a->negated ? "not " : "";
    switch (a->kind) {
    case ATOM_LOSS:
        snprintf(buf, cap, "%sloss < %g%s", not, a->value, when);
        break;
    case ATOM_VAL_LOSS:
        snprintf(buf, cap, "%sval_loss < %g%s", not, a->value, when);
        break;
    case ATOM_VAL_ACC:
        snprintf(buf, cap, "%sval_acc > %g%s", not, a->value, when);
        break;
    case ATOM_ALPHA:
    case ATOM_EVALS:
    case ATOM_GEVALS:
        snprintf(buf, cap, "%s%s < %g%s", not, a->kind == ATOM_ALPHA ? "alpha"
                 : a->kind == ATOM_EVALS ? "evals" : "gevals", a->value, when);
        break;
    case ATOM_DIVERGE:
        snprintf(buf, cap, "%sdiverge%s", not, when);
        break;
    case ATOM_REACH:
        snprintf(buf, cap, "%sreach (%g, %g) tol %g%s", not, a->point[0],
                 a->point[1], a->value, when);
        break;
    case ATOM_BEAT:
        snprintf(buf, cap, "%sbeat step '%s'", not, a->step);
        break;
    case ATOM_SETTING:
        snprintf(buf, cap, "%s%s %s", not,
                 option_by_id(run_option_table, a->option)->name, a->setting);
        break;
    default:
        goal_view_text(a, buf, cap);
    }
}

void goal_text(const lesson_goal *g, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < g->n && len < cap; i++) {
        char part[256];
        goal_part_text(&g->a[i], part, sizeof part);
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? " and " : "",
                                part);
    }
}

long goal_deadline(const lesson_goal *g)
{
    long n = 0;
    for (size_t i = 0; i < g->n; i++)
        if (g->a[i].kind != ATOM_BEAT && g->a[i].within > n)
            n = g->a[i].within;
    return n;
}

void goal_resolve(lesson_goal *g, long limit)
{
    for (size_t i = 0; i < g->n; i++) {
        goal_atom *a = &g->a[i];
        bool timed = a->kind != ATOM_BEAT && !goal_atom_now(a);
        if (timed && !a->within_written)
            a->within = limit;
    }
}
