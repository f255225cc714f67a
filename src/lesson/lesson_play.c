/* lint --play over a lesson (lesson_play.h). */
#include <stdio.h>
#include <string.h>

#include "lesson_play.h"

/* What skip applies, as the learner reads it: "lr: 0.5, optimizer: adam". */
static void solution_text(const lesson_step *st, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < st->n_solution && len < cap; i++) {
        const lesson_setting *s = &st->solution[i];
        len += (size_t)snprintf(buf + len, cap - len, "%s%s: %s",
                                i ? ", " : "",
                                option_by_id(run_option_table, s->id)->name,
                                s->value ? s->value : "");
    }
}

static void goal_verdict(const lesson *l, size_t i, lesson_budget *budget,
                         play_verdict *v)
{
    const lesson_step *st = &l->steps[i];
    goal_report as_is, solved;
    option_error e;
    char sol[256];
    if (lesson_simulate(l, i, false, &as_is, budget, &e) < 0) {
        snprintf(v->why, sizeof v->why, "%s", e.message);
        return;
    }
    if (as_is.status == GOAL_MET) {
        snprintf(v->why, sizeof v->why, "the step as it starts meets its "
                 "goal: %s", as_is.summary);
        return;
    }
    if (!st->n_solution) {
        snprintf(v->why, sizeof v->why, "no 'solution:' to show that the "
                 "goal can be met");
        return;
    }
    solution_text(st, sol, sizeof sol);
    if (lesson_simulate(l, i, true, &solved, budget, &e) < 0)
        snprintf(v->why, sizeof v->why, "with its solution (%s): %s", sol,
                 e.message);
    else if (solved.status != GOAL_MET)
        snprintf(v->why, sizeof v->why, "its solution (%s) does not meet it: "
                 "%s", sol, solved.summary);
    else
        v->ok = true;
}

static void check_verdict(const lesson *l, const lesson_step *st,
                          const lesson_check *c, lesson_budget *budget,
                          play_verdict *v)
{
    run_options o;
    objective obj;
    option_error e;
    long ref;
    if (lesson_goal_reference(l, &c->outcome, &ref, budget, &e) < 0 ||
        lesson_check_settings(st, c, &o, &e) < 0) {
        snprintf(v->why, sizeof v->why, "%s", e.message);
        return;
    }
    if (run_options_open(&o, &obj, &e) < 0) {
        snprintf(v->why, sizeof v->why, "%s%s%s", e.where, *e.where ? ": " : "",
                 e.message);
        return;
    }
    goal_track t;
    goal_track_init(&t, l, &c->outcome, ref);
    long horizon = goal_deadline(&c->outcome);
    if (ref > horizon)
        horizon = ref;
    int rc = lesson_run_goal(&o, &obj, horizon, &t, budget, &e);
    objective_free(&obj);
    goal_report r;
    goal_track_report(&t, &r);
    if (rc < 0)
        snprintf(v->why, sizeof v->why, "%s", e.message);
    else if (r.status != GOAL_MET)
        snprintf(v->why, sizeof v->why, "%s", r.summary);
    else
        v->ok = true;
}

size_t lesson_play(const lesson *l, lesson_budget *budget, play_report report,
                   void *ctx)
{
    size_t failed = 0;
    for (size_t i = 0; i < l->n_steps; i++) {
        const lesson_step *st = &l->steps[i];
        bool goal_done = !lesson_has_goal(st);
        for (size_t k = 0; k <= st->n_checks; k++) {
            const lesson_check *c = k < st->n_checks ? &st->checks[k] : NULL;
            /* The goal in its place among the checks. */
            if (!goal_done && (!c || st->goal.line < c->line)) {
                play_verdict v = {st->goal.line, st->id, false, ""};
                goal_verdict(l, i, budget, &v);
                failed += !v.ok;
                report(ctx, &v);
                goal_done = true;
            }
            if (!c)
                continue;
            play_verdict v = {c->line, st->id, false, ""};
            check_verdict(l, st, c, budget, &v);
            failed += !v.ok;
            report(ctx, &v);
        }
    }
    return failed;
}

static void as_problem(void *ctx, const play_verdict *v)
{
    if (!v->ok)
        diag_add(ctx, v->line, 0, "%s: %s", v->step, v->why);
}

void lesson_verify(const lesson *l, lesson_budget budget, diag_list *d)
{
    lesson_play(l, &budget, as_problem, d);
}
