/* Headless runs of lesson steps (lesson_run.h). */
#include <stdio.h>

#include "lesson_run.h"
#include "run_live.h"
#include "screen_spec.h"

int lesson_run_goal(const run_options *o, const objective *obj, long horizon,
                    goal_track *t, lesson_budget *budget, option_error *e)
{
    run r;
    run_settings s = o->s;
    s.max_steps = horizon > 0 ? horizon : 1;
    if (budget && *budget < s.max_steps)
        return option_fail(e, "", "not played: the file's budget of %d "
                           "updates is spent", LESSON_PLAY_BUDGET);
    /* A search's facts: the HPO view's searches they read, made once. */
    hpo_trace searches[HPO_METHOD_COUNT] = {{0}};
    bool hpo = goal_has_hpo(t->g);
    if (hpo && screen_hpo_search(o, obj, goal_hpo_methods(t->g), searches,
                                 e) < 0)
        return -1;
    core_error rc = run_init(&r, obj, &s, run_options_start(o, obj));
    if (rc == CORE_OK) {
        lesson_state st = lesson_state_of(&r);
        st.hpo = hpo ? searches : NULL;
        /* The settings never change here: a part that names one is
         * decided. */
        while (goal_track_feed(t, &st) == GOAL_PENDING &&
               r.status == RUN_RUNNING) {
            run_step(&r);
            st = lesson_state_of(&r);
            st.hpo = hpo ? searches : NULL;
        }
        if (budget)
            *budget -= r.step;
        run_free(&r);
    }
    for (int m = 0; m < HPO_METHOD_COUNT; m++)
        hpo_trace_free(&searches[m]);
    return rc == CORE_OK ? 0 : run_live_fail(e, OPT_GRAD, rc, obj, &s);
}

/* Opens st's settings (with its solution when solved) and runs them
 * judged by t. */
static int run_step_goal(const lesson_step *st, bool solved, goal_track *t,
                         lesson_budget *budget, option_error *e)
{
    run_options o;
    objective obj;
    if (lesson_step_open(st, solved, &o, &obj, e) < 0)
        return -1;
    long horizon = goal_deadline(t->g);
    if (goal_has(t->g, ATOM_BEAT) && t->ref > horizon)
        horizon = t->ref;
    int rc = lesson_run_goal(&o, &obj, horizon, t, budget, e);
    objective_free(&obj);
    return rc;
}

int lesson_reference(const lesson *l, size_t k, long *steps,
                     lesson_budget *budget, option_error *e)
{
    const lesson_step *other = &l->steps[k];
    goal_track t;
    goal_track_init(&t, l, &other->goal, 0);
    if (run_step_goal(other, other->n_solution > 0, &t, budget, e) < 0)
        return -1;
    *steps = t.status == GOAL_MET ? t.met_at : goal_deadline(&other->goal) + 1;
    return 0;
}

int lesson_goal_reference(const lesson *l, const lesson_goal *g, long *ref,
                          lesson_budget *budget, option_error *e)
{
    *ref = 0;
    for (size_t i = 0; i < g->n; i++)
        if (g->a[i].kind == ATOM_BEAT)
            return lesson_reference(l, g->a[i].step_index, ref, budget, e);
    return 0;
}

int lesson_simulate(const lesson *l, size_t i, bool solved, goal_report *out,
                    lesson_budget *budget, option_error *e)
{
    const lesson_step *st = &l->steps[i];
    long ref;
    if (lesson_goal_reference(l, &st->goal, &ref, budget, e) < 0)
        return -1;
    goal_track t;
    goal_track_init(&t, l, &st->goal, ref);
    if (run_step_goal(st, solved, &t, budget, e) < 0)
        return -1;
    goal_track_report(&t, out);
    return 0;
}
