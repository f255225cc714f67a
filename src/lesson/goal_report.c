/* How a judged goal stands, in words (goal_track_report). Each part says
 * what was measured at the step that counts for it: a failed deadline
 * reports the run at the deadline, never the run after it. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "goal_track.h"
#include "goal_views.h"
#include "option.h"
#include "run_values.h"

static void metric(const goal_atom *a, const part_state *p, char *buf,
                   size_t cap)
{
    const char *name = a->kind == ATOM_LOSS ? "loss"
                       : a->kind == ATOM_VAL_LOSS ? "validation loss"
                       : a->kind == ATOM_ALPHA ? "α"
                       : a->kind == ATOM_EVALS ? "function evaluations"
                       : a->kind == ATOM_GEVALS ? "gradient evaluations"
                       : "validation accuracy";
    const char *op = a->kind == ATOM_VAL_ACC ? "above" : "below";
    if (p->status == GOAL_PENDING && isnan(p->value))
        snprintf(buf, cap, "%s judged at step %ld, %ld steps done", name,
                 a->within, p->at);
    else if (p->status == GOAL_PENDING)
        snprintf(buf, cap, "%s %.3g after %ld of %ld steps", name, p->value,
                 p->at, a->within);
    else if (p->status == GOAL_MET)
        snprintf(buf, cap, "%s %.3g at step %ld, %s %g", name, p->value, p->at,
                 op, a->value);
    else if (p->run == RUN_DIVERGED)
        snprintf(buf, cap, "the run diverged at step %ld", p->at);
    else if (isnan(p->value) && p->at > a->within)
        snprintf(buf, cap, "not %s %g %s step %ld", op, a->value,
                 a->at ? "at" : "by", a->within);
    else if (p->run == RUN_CONVERGED || p->run == RUN_STOPPED)
        snprintf(buf, cap, "the run %s at step %ld with %s %.3g",
                 run_status_name(p->run), p->at, name, p->value);
    else
        snprintf(buf, cap, "%s %.3g at step %ld, not %s %g", name, p->value,
                 p->at, op, a->value);
}

static void diverge(const goal_atom *a, const part_state *p, char *buf,
                    size_t cap)
{
    if (p->status == GOAL_MET)
        snprintf(buf, cap, "diverged at step %ld", p->at);
    else if (p->status == GOAL_PENDING)
        snprintf(buf, cap, "not diverged after %ld of %ld steps", p->at,
                 a->within);
    else if (p->run == RUN_CONVERGED || p->run == RUN_STOPPED)
        snprintf(buf, cap, "the run %s at step %ld", run_status_name(p->run),
                 p->at);
    else if (isnan(p->value))
        snprintf(buf, cap, "not diverged by step %ld", a->within);
    else
        snprintf(buf, cap, "not diverged by step %ld (loss %.3g)", p->at,
                 p->value);
}

static void reach(const goal_atom *a, const part_state *p, char *buf,
                  size_t cap)
{
    char pt[64];
    snprintf(pt, sizeof pt, "(%g, %g)", a->point[0], a->point[1]);
    if (p->status == GOAL_PENDING)
        snprintf(buf, cap, "%.3g from %s after %ld of %ld steps", p->value, pt,
                 p->at, a->within);
    else if (p->status == GOAL_MET)
        snprintf(buf, cap, "%.3g from %s at step %ld, within %g", p->value, pt,
                 p->at, a->value);
    else if (isnan(p->value))
        snprintf(buf, cap, "not within %g of %s by step %ld", a->value, pt,
                 a->within);
    else if (p->run != RUN_RUNNING && p->run != RUN_MAX_STEPS)
        snprintf(buf, cap, "the run %s at step %ld, %.3g from %s",
                 run_status_name(p->run), p->at, p->value, pt);
    else
        snprintf(buf, cap, "%.3g from %s at step %ld, not within %g", p->value,
                 pt, p->at, a->value);
}

static void beat(const goal_track *t, const goal_atom *a, const part_state *p,
                 char *buf, size_t cap)
{
    const lesson_goal *other = &t->l->steps[a->step_index].goal;
    char took[96];
    if (t->ref > goal_deadline(other))
        snprintf(took, sizeof took, "its own run did not meet it in %ld "
                 "steps", goal_deadline(other));
    else
        snprintf(took, sizeof took, "its own run took %ld updates", t->ref);
    if (t->ref <= 0)
        snprintf(buf, cap, "the run of step '%s' is not known yet", a->step);
    else if (p->status == GOAL_MET)
        snprintf(buf, cap, "step '%s''s goal met at step %ld; %s", a->step,
                 p->at, took);
    else if (p->status == GOAL_FAILED)
        snprintf(buf, cap, "step '%s''s goal not met by step %ld; %s",
                 a->step, p->at, took);
    else
        snprintf(buf, cap, "step '%s''s goal not met after %ld steps; %s",
                 a->step, p->at, took);
}

static void detail(const goal_track *t, const goal_atom *a,
                   const part_state *p, char *buf, size_t cap)
{
    const char *name = a->kind == ATOM_SETTING
        ? option_by_id(run_option_table, a->option)->name : "";
    if (t->last < 0) {
        snprintf(buf, cap, "not started");
        return;
    }
    switch (a->kind) {
    case ATOM_LOSS:
    case ATOM_VAL_LOSS:
    case ATOM_VAL_ACC:
    case ATOM_ALPHA:
    case ATOM_EVALS:
    case ATOM_GEVALS: metric(a, p, buf, cap); return;
    case ATOM_DIVERGE: diverge(a, p, buf, cap); return;
    case ATOM_REACH: reach(a, p, buf, cap); return;
    case ATOM_BEAT: beat(t, a, p, buf, cap); return;
    case ATOM_SETTING:
        snprintf(buf, cap, "%s is %s%s", name,
                 p->status == GOAL_MET ? "" : "not ", a->setting);
        return;
    default:
        goal_view_detail(a, p, buf, cap);
    }
}

/* Appends "; " and s, or s first with a capital. */
static void add(char *buf, size_t cap, size_t *len, const char *s)
{
    if (*len >= cap)
        return;
    int n = snprintf(buf + *len, cap - *len, "%s%s", *len ? "; " : "", s);
    if (*len == 0)
        buf[0] = (char)toupper((unsigned char)buf[0]);
    *len += n > 0 ? (size_t)n : 0;
}

void goal_track_report(const goal_track *t, goal_report *r)
{
    const lesson_goal *g = t->g;
    memset(r, 0, sizeof *r);
    r->status = t->status;
    r->final = t->status == GOAL_FAILED && goal_track_final(t);
    r->n = g->n;
    goal_text(g, r->goal, sizeof r->goal);
    char parts[sizeof r->summary - 16] = ""; /* room for the lead */
    size_t len = 0;
    for (size_t i = 0; i < g->n; i++) {
        goal_part_report *pr = &r->part[i];
        const part_state *p = &t->part[i];
        pr->status = p->status;
        if (g->a[i].negated && p->status != GOAL_PENDING)
            pr->status = p->status == GOAL_MET ? GOAL_FAILED : GOAL_MET;
        goal_part_text(&g->a[i], pr->text, sizeof pr->text);
        detail(t, &g->a[i], p, pr->detail, sizeof pr->detail);
        /* The parts that decide: all when met, the failed ones when
         * failed, the first pending one while pending. */
        if (pr->status == t->status &&
            (t->status != GOAL_PENDING || len == 0))
            add(parts, sizeof parts, &len, pr->detail);
    }
    const char *lead = t->status == GOAL_MET ? "Goal met: "
                       : t->status == GOAL_FAILED ? "Not met: " : "";
    if (*lead && len)
        parts[0] = (char)tolower((unsigned char)parts[0]);
    snprintf(r->summary, sizeof r->summary, "%s%s.", lead, parts);
}
