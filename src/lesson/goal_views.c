#include <math.h>
#include <stdio.h>

#include "goal_views.h"
#include "hpo.h"
#include "hsweep.h"

static const char *const diff_names[] = {"central", "forward"};
static const char *const fact_names[] = {"h_error", "best_h", "hpo_best",
                                         "hpo_best_h", "hpo_reach"};

static const char *fact_name(const goal_atom *a)
{
    return fact_names[a->kind - ATOM_H_ERROR];
}

static const char *method_name(const goal_atom *a)
{
    return a->kind <= ATOM_BEST_H ? diff_names[a->method]
                                  : hpo_method_name((hpo_method)a->method);
}

static double sweep_fact(const goal_atom *a, const lesson_state *s)
{
    if (!s->obj || !hsweep_available(s->obj) || s->n != s->obj->dim)
        return NAN;
    if (a->kind == ATOM_BEST_H) {
        hsweep sw;
        if (hsweep_standard(&sw, s->obj, s->theta) != CORE_OK ||
            sw.best[a->method] == sw.n)
            return NAN;
        return sw.h[sw.best[a->method]];
    }
    double exact[HSWEEP_MAX_DIM];
    if (!s->settings || hsweep_exact(s->obj, s->theta, exact) != CORE_OK)
        return NAN;
    return hsweep_error(s->obj, s->theta, exact, s->settings->h, a->method);
}

static double hpo_fact(const goal_atom *a, const lesson_state *s)
{
    const hpo_trace *t = s->hpo ? &s->hpo[a->method] : NULL;
    const hpo_trace *grid = s->hpo ? &s->hpo[HPO_GRID] : NULL;
    if (!t || !t->n)
        return NAN;
    const hpo_eval *last = &t->e[t->n - 1];
    if (a->kind == ATOM_HPO_BEST)
        return last->best;
    if (a->kind == ATOM_HPO_BEST_H)
        return last->best_h;
    if (!grid->n)
        return NAN;
    long cost = hpo_cost_to_reach(t, grid->e[grid->n - 1].best, 0.01);
    return cost < 0 ? INFINITY : (double)cost;
}

double goal_view_measure(const goal_atom *a, const lesson_state *s)
{
    return a->kind <= ATOM_BEST_H ? sweep_fact(a, s) : hpo_fact(a, s);
}

bool goal_view_holds(const goal_atom *a, double v)
{
    return a->op == 'n' ? isnan(v) : a->op == '<' ? v < a->value
                                                  : v > a->value;
}

void goal_view_text(const goal_atom *a, char *buf, size_t cap)
{
    if (a->op == 'n')
        snprintf(buf, cap, "%s%s %s is nan", a->negated ? "not " : "",
                 fact_name(a), method_name(a));
    else
        snprintf(buf, cap, "%s%s %s %c %g", a->negated ? "not " : "",
                 fact_name(a), method_name(a), a->op, a->value);
}

void goal_view_detail(const goal_atom *a, const part_state *p, char *buf,
                      size_t cap)
{
    char what[96], value[48];
    switch (a->kind) {
    case ATOM_H_ERROR:
        snprintf(what, sizeof what, "the error of %s differences at h",
                 method_name(a));
        break;
    case ATOM_BEST_H:
        snprintf(what, sizeof what, "the best h of %s differences",
                 method_name(a));
        break;
    case ATOM_HPO_REACH:
        snprintf(what, sizeof what, "the cost at which %s search came "
                 "within 1%% of the grid's best", method_name(a));
        break;
    default:
        snprintf(what, sizeof what, "%s search's best %s", method_name(a),
                 a->kind == ATOM_HPO_BEST ? "validation loss" : "value");
    }
    if (isinf(p->value))
        snprintf(value, sizeof value, "never");
    else
        snprintf(value, sizeof value, "%.3g%s", p->value,
                 isnan(p->value) && a->kind == ATOM_H_ERROR
                     ? " (x + h == x: 0/0)" : "");
    bool holds = p->status == GOAL_MET;
    if (a->op == 'n')
        snprintf(buf, cap, "%s is %s", what, value);
    else
        snprintf(buf, cap, "%s is %s, %s%s %g", what, value,
                 holds ? "" : "not ", a->op == '<' ? "below" : "above",
                 a->value);
}

unsigned goal_hpo_methods(const lesson_goal *g)
{
    unsigned mask = 0;
    for (size_t i = 0; i < g->n; i++) {
        if (g->a[i].kind < ATOM_HPO_BEST)
            continue;
        mask |= 1u << g->a[i].method;
        if (g->a[i].kind == ATOM_HPO_REACH)
            mask |= 1u << HPO_GRID;
    }
    return mask;
}
