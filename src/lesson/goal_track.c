/* Goals judged state by state (goal_track.h). */
#include <math.h>
#include <string.h>

#include "goal_track.h"
#include "goal_views.h"
#include "model.h"

lesson_state lesson_state_of(const run *r)
{
    return (lesson_state){r->step, r->loss, r->status, r->theta, r->n, &r->s,
                          r->obj, NULL, r->lr, r->evals, r->gevals};
}

void goal_track_init(goal_track *t, const lesson *l, const lesson_goal *g,
                     long ref)
{
    memset(t, 0, sizeof *t);
    t->l = l;
    t->g = g;
    t->ref = ref;
    t->last = -1;
    t->met_at = -1;
    for (size_t i = 0; i < GOAL_MAX_PARTS; i++) {
        t->part[i].value = NAN;
        t->sub[i].value = NAN;
    }
}

/* Whether applying the part's setting to the settings in force changes
 * nothing: then it is the setting in force. */
static bool setting_holds(const goal_atom *a, const run_settings *in_force)
{
    if (!in_force)
        return false;
    run_options o;
    run_options_default(&o);
    memcpy(&o.s, in_force, sizeof o.s);
    option_error e;
    return run_options_set(&o, a->option, a->setting, &e) == 0 &&
           memcmp(&o.s, in_force, sizeof o.s) == 0;
}

/* A model's metrics at one state, computed once however many parts ask
 * (a pass over every row each: the costliest thing a goal measures). */
typedef struct {
    bool done;
    model_metrics m;
} metrics_once;

static model_metrics metrics(const lesson_state *s, metrics_once *c)
{
    model *m = s->obj ? model_of(s->obj) : NULL;
    if (!c->done)
        c->m = m ? model_evaluate(m, s->theta)
                 : (model_metrics){NAN, NAN, NAN};
    c->done = true;
    return c->m;
}

/* What the part measures on s: the loss, a validation metric, the
 * distance to the point; NaN where it does not apply. */
static double measure(const goal_atom *a, const lesson_state *s,
                      metrics_once *c)
{
    switch (a->kind) {
    case ATOM_LOSS:
    case ATOM_DIVERGE:
        return s->loss;
    case ATOM_VAL_LOSS:
        return metrics(s, c).val_loss;
    case ATOM_VAL_ACC:
        return metrics(s, c).val_acc;
    case ATOM_ALPHA:
        return s->lr;
    case ATOM_EVALS:
        return (double)s->evals;
    case ATOM_GEVALS:
        return (double)s->gevals;
    case ATOM_REACH:
        return s->n >= 2 ? hypot(s->theta[0] - a->point[0],
                                 s->theta[1] - a->point[1]) : NAN;
    case ATOM_BEAT:
    case ATOM_SETTING:
        return NAN;
    default:
        return goal_view_measure(a, s);
    }
}

/* Whether the part's condition holds on s, whose measure is v. */
static bool holds(const goal_atom *a, const lesson_state *s, double v)
{
    bool diverged = s->status == RUN_DIVERGED;
    switch (a->kind) {
    case ATOM_LOSS:
    case ATOM_VAL_LOSS:
    case ATOM_ALPHA:
    case ATOM_EVALS:
    case ATOM_GEVALS: return !diverged && v < a->value;
    case ATOM_VAL_ACC: return !diverged && v > a->value;
    case ATOM_DIVERGE: return diverged;
    case ATOM_REACH: return v <= a->value;
    case ATOM_SETTING: return setting_holds(a, s->settings);
    case ATOM_BEAT: break;
    default: return goal_view_holds(a, v);
    }
    return false;
}

static void decide(part_state *p, goal_status st, bool final,
                   const lesson_state *s, double v)
{
    *p = (part_state){st, final, s->step, v, s->status};
}

/* A run that can take no more updates: a pause at its limit is not one. */
static bool ended(const lesson_state *s)
{
    return s->status == RUN_CONVERGED || s->status == RUN_DIVERGED ||
           s->status == RUN_STOPPED;
}

/* A part with a deadline: decided once and for all at it or before (an
 * "at step N" part at N: what it measures there). */
static void judge_timed(const goal_atom *a, part_state *p,
                        const lesson_state *s, metrics_once *c)
{
    if (p->final)
        return;
    /* An "at step N" part waits for N; a validation metric, a pass
     * over every row, is not even measured before it. */
    if (a->at && s->step < a->within && !ended(s)) {
        bool costly = a->kind == ATOM_VAL_LOSS || a->kind == ATOM_VAL_ACC;
        decide(p, GOAL_PENDING, false, s, costly ? NAN : measure(a, s, c));
        return;
    }
    double v = measure(a, s, c);
    bool ok = holds(a, s, v);
    if (a->within == 0) /* a demo's check: now */
        decide(p, ok ? GOAL_MET : GOAL_FAILED, false, s, v);
    else if (a->at && s->step == a->within)
        decide(p, ok ? GOAL_MET : GOAL_FAILED, true, s, v);
    else if (a->at && s->step < a->within) /* an end before N fails */
        decide(p, GOAL_FAILED, true, s, v);
    else if (ok && s->step <= a->within)
        decide(p, GOAL_MET, true, s, v);
    else if (s->step > a->within)
        decide(p, GOAL_FAILED, true, s, NAN); /* the deadline went unseen */
    else if (s->step == a->within || ended(s))
        decide(p, GOAL_FAILED, true, s, v);
    else
        decide(p, GOAL_PENDING, false, s, v);
}

/* A part judged on the run as it stands (a setting, a view's fact). */
static void judge_now(const goal_atom *a, part_state *p, const lesson_state *s,
                      metrics_once *c)
{
    double v = measure(a, s, c);
    decide(p, holds(a, s, v) ? GOAL_MET : GOAL_FAILED, false, s, v);
}

static goal_status combine(const goal_atom *a, const part_state *p, size_t n,
                           bool *final)
{
    bool pending = false;
    *final = false;
    goal_status out = GOAL_MET;
    for (size_t i = 0; i < n; i++) {
        goal_status st = p[i].status;
        if (a[i].negated && st != GOAL_PENDING)
            st = st == GOAL_MET ? GOAL_FAILED : GOAL_MET;
        if (st == GOAL_FAILED) {
            out = GOAL_FAILED;
            *final |= p[i].final;
        }
        pending |= st == GOAL_PENDING;
    }
    return out == GOAL_FAILED ? out : pending ? GOAL_PENDING : GOAL_MET;
}

/* beat: the other step's goal met on this run in fewer updates than its
 * own run needed (t->ref). */
static void judge_beat(goal_track *t, const goal_atom *a, part_state *p,
                       const lesson_state *s, metrics_once *c)
{
    if (p->final)
        return;
    const lesson_goal *other = &t->l->steps[a->step_index].goal;
    for (size_t i = 0; i < other->n; i++) {
        if (goal_atom_now(&other->a[i]))
            judge_now(&other->a[i], &t->sub[i], s, c);
        else
            judge_timed(&other->a[i], &t->sub[i], s, c);
    }
    bool final;
    goal_status st = combine(other->a, t->sub, other->n, &final);
    if (t->ref <= 0)
        decide(p, GOAL_PENDING, false, s, NAN);
    else if (st == GOAL_MET && s->step < t->ref)
        decide(p, GOAL_MET, true, s, NAN);
    else if ((st == GOAL_FAILED && final) || s->step + 1 >= t->ref ||
             ended(s))
        decide(p, GOAL_FAILED, true, s, NAN);
    else
        decide(p, GOAL_PENDING, false, s, NAN);
}

static bool judged_now(const lesson_goal *g)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->a[i].within == 0 && g->a[i].kind != ATOM_BEAT &&
            !goal_atom_now(&g->a[i]))
            return true;
    return false;
}

goal_status goal_track_feed(goal_track *t, const lesson_state *s)
{
    if (s->step < t->last) /* restarted */
        goal_track_init(t, t->l, t->g, t->ref);
    t->last = s->step;
    const lesson_goal *g = t->g;
    /* Met stays met, but a demo's part judged now follows the run: a
     * check of what holds now must not answer with what held once. */
    if (t->status == GOAL_MET && !judged_now(g))
        return GOAL_MET;
    metrics_once c = {false, {NAN, NAN, NAN}};
    for (size_t i = 0; i < g->n; i++) {
        const goal_atom *a = &g->a[i];
        part_state *p = &t->part[i];
        if (goal_atom_now(a))
            judge_now(a, p, s, &c);
        else if (a->kind == ATOM_BEAT)
            judge_beat(t, a, p, s, &c);
        else
            judge_timed(a, p, s, &c);
    }
    bool final;
    t->status = combine(g->a, t->part, g->n, &final);
    if (t->status == GOAL_MET)
        t->met_at = s->step;
    return t->status;
}

bool goal_track_final(const goal_track *t)
{
    bool final;
    return combine(t->g->a, t->part, t->g->n, &final) == GOAL_FAILED && final;
}
