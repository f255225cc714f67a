/* Steps of a lesson run headless with the engine: the reference run of a
 * "converge faster than" goal, and whole runs of a step to its goal (for
 * the tests, and for `descent lint`, which checks that each solution
 * meets its goal). */
#include <stdio.h>

#include "player.h"
#include "run_live.h"

/* Runs the settings o on obj until the goal is met or failed or the run
 * ends, at most horizon updates; *at is the step where it was decided. */
static int run_to_goal(const lesson *l, const lesson_goal *g,
                       run_options *o, objective *obj, long horizon,
                       long ref, goal_result *out, long *at, option_error *e)
{
    run r;
    run_settings s = o->s;
    s.max_steps = horizon;
    core_error rc = run_init(&r, obj, &s, run_options_start(o, obj));
    if (rc != CORE_OK)
        return run_live_fail(e, OPT_GRAD, rc, obj, &s);
    lesson_state st = lesson_state_of(&r);
    *out = lesson_goal_check(l, g, &st, ref);
    while (out->status == GOAL_PENDING && r.status == RUN_RUNNING) {
        run_step(&r);
        st = lesson_state_of(&r);
        *out = lesson_goal_check(l, g, &st, ref);
    }
    if (out->status == GOAL_PENDING) {
        out->status = GOAL_FAILED;
        snprintf(out->message, sizeof out->message, "The run ended (%s at "
                 "step %ld) before the goal was met.",
                 run_status_name(r.status), r.step);
    }
    *at = r.step;
    run_free(&r);
    return 0;
}

/* Opens step i's settings and runs them to goal g. */
static int simulate(const lesson *l, size_t i, bool solved,
                    const lesson_goal *g, long horizon, long ref,
                    goal_result *out, long *at, option_error *e)
{
    run_options o;
    objective obj;
    if (lesson_step_open(&l->steps[i], solved, &o, &obj, e) < 0)
        return -1;
    if (horizon <= 0)
        horizon = o.s.max_steps;
    int rc = run_to_goal(l, g, &o, &obj, horizon, ref, out, at, e);
    objective_free(&obj);
    return rc;
}

int lesson_reference(const lesson *l, size_t i, long *steps, option_error *e)
{
    size_t k = l->steps[i].goal.than_step;
    const lesson_step *other = &l->steps[k];
    goal_result r;
    long at;
    if (simulate(l, k, other->n_solution > 0, &other->goal,
                 other->goal.within, 0, &r, &at, e) < 0)
        return -1;
    *steps = r.status == GOAL_MET ? at : other->goal.within + 1;
    return 0;
}

int lesson_simulate(const lesson *l, size_t i, bool solved, goal_result *out,
                    option_error *e)
{
    const lesson_goal *g = &l->steps[i].goal;
    long ref = 0, horizon = 0;
    if (g->kind == GOAL_FASTER) {
        if (lesson_reference(l, i, &ref, e) < 0)
            return -1;
        horizon = ref;
    } else if (g->kind == GOAL_LOSS || g->kind == GOAL_DIVERGE) {
        horizon = g->within;
    }
    long at;
    return simulate(l, i, solved, g, horizon, ref, out, &at, e);
}

void lesson_verify(const lesson *l, diag_list *d)
{
    for (size_t i = 0; i < l->n_steps; i++) {
        const lesson_step *st = &l->steps[i];
        if (st->goal.kind == GOAL_NONE)
            continue;
        goal_result r;
        option_error e;
        bool solved = st->n_solution > 0;
        if (lesson_simulate(l, i, solved, &r, &e) < 0)
            diag_add(d, st->goal.line, 0, "goal: the run cannot be made: %s",
                     e.message);
        else if (r.status != GOAL_MET)
            diag_add(d, st->goal.line, 0, "goal: not met by the step's %s: %s",
                     solved ? "solution" : "settings (and it has no "
                     "solution)", r.message);
    }
}
