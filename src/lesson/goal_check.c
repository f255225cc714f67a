/* Goals judged on the state of a run (DESIGN §7). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "player.h"

lesson_state lesson_state_of(const run *r)
{
    return (lesson_state){r->step, r->loss, r->status, r->theta, r->n};
}

__attribute__((format(printf, 3, 4)))
static goal_result verdict(goal_status st, goal_result *r, const char *fmt, ...)
{
    r->status = st;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
    return *r;
}

static goal_result loss_below(const lesson_goal *g, const lesson_state *s)
{
    goal_result r;
    /* A diverged loss can be below anything (-inf on a saddle): it
     * counts as diverged. */
    if (s->status == RUN_DIVERGED)
        return verdict(GOAL_FAILED, &r, "The run diverged at step %ld; the "
                       "goal is a loss below %g within %ld steps.", s->step,
                       g->loss, g->within);
    if (s->loss < g->loss && s->step <= g->within)
        return verdict(GOAL_MET, &r, "Goal met: the loss is %.3g, below %g, "
                       "after %ld steps.", s->loss, g->loss, s->step);
    if (s->step >= g->within)
        return verdict(GOAL_FAILED, &r, "%ld steps done and the loss is %.3g, "
                       "not below %g.", s->step, s->loss, g->loss);
    return verdict(GOAL_PENDING, &r, "Loss %.3g after %ld of %ld steps; the "
                   "goal is below %g.", s->loss, s->step, g->within, g->loss);
}

static goal_result diverge(const lesson_goal *g, const lesson_state *s)
{
    goal_result r;
    if (s->status == RUN_DIVERGED && s->step <= g->within)
        return verdict(GOAL_MET, &r, "Goal met: the run diverged at step %ld.",
                       s->step);
    if (s->status == RUN_DIVERGED)
        return verdict(GOAL_FAILED, &r, "The run diverged, but only at step "
                       "%ld, after %ld.", s->step, g->within);
    if (s->status == RUN_CONVERGED)
        return verdict(GOAL_FAILED, &r, "The run converged at step %ld; the "
                       "goal is to make it diverge.", s->step);
    if (s->step >= g->within)
        return verdict(GOAL_FAILED, &r, "%ld steps done and the run has not "
                       "diverged (loss %.3g).", s->step, s->loss);
    return verdict(GOAL_PENDING, &r, "Step %ld of %ld, loss %.3g: not "
                   "diverged yet.", s->step, g->within, s->loss);
}

static goal_result reach(const lesson_goal *g, const lesson_state *s)
{
    goal_result r;
    if (s->n < 2)
        return verdict(GOAL_FAILED, &r, "This objective has no point (x, y) "
                       "to reach.");
    double dist = hypot(s->theta[0] - g->point[0], s->theta[1] - g->point[1]);
    if (dist <= g->tol)
        return verdict(GOAL_MET, &r, "Goal met: (%.4g, %.4g) is within %g "
                       "of (%g, %g) after %ld steps.", s->theta[0],
                       s->theta[1], g->tol, g->point[0], g->point[1], s->step);
    if (s->status != RUN_RUNNING)
        return verdict(GOAL_FAILED, &r, "The run ended (%s at step %ld) at "
                       "distance %.3g from (%g, %g).", run_status_name(s->status),
                       s->step, dist, g->point[0], g->point[1]);
    return verdict(GOAL_PENDING, &r, "Distance %.3g from (%g, %g) after %ld "
                   "steps; the goal is within %g.", dist, g->point[0],
                   g->point[1], s->step, g->tol);
}

static goal_result faster(const lesson *l, const lesson_goal *g,
                          const lesson_state *s, long ref)
{
    goal_result r;
    const lesson_step *other = &l->steps[g->than_step];
    double v = other->goal.loss;
    if (ref <= 0)
        return verdict(GOAL_PENDING, &r, "The run of step '%s' to compare "
                       "with is not known yet.", other->id);
    if (s->status == RUN_DIVERGED)
        return verdict(GOAL_FAILED, &r, "The run diverged at step %ld.",
                       s->step);
    if (s->loss < v && s->step < ref)
        return verdict(GOAL_MET, &r, "Goal met: the loss is below %g after "
                       "%ld steps; step '%s' took %ld.", v, s->step, other->id,
                       ref);
    if (s->step + 1 >= ref)
        return verdict(GOAL_FAILED, &r, "Step '%s' brought the loss below %g "
                       "in %ld steps; this run has not in %ld (loss %.3g).",
                       other->id, v, ref, s->step, s->loss);
    return verdict(GOAL_PENDING, &r, "Loss %.3g after %ld steps; step '%s' "
                   "took %ld to get below %g.", s->loss, s->step, other->id,
                   ref, v);
}

goal_result lesson_goal_check(const lesson *l, const lesson_goal *g,
                              const lesson_state *s, long ref_steps)
{
    goal_result r;
    switch (g->kind) {
    case GOAL_LOSS: return loss_below(g, s);
    case GOAL_DIVERGE: return diverge(g, s);
    case GOAL_REACH: return reach(g, s);
    case GOAL_FASTER: return faster(l, g, s, ref_steps);
    case GOAL_NONE: break;
    }
    return verdict(GOAL_PENDING, &r, "This step has no goal.");
}
