/* A demo script played headless for `descent lint --play`: its lessons'
 * steps opened, settings set and runs stepped as the screen does them
 * (src/tui/lesson_play.c), and each `check` judged on the focused run
 * where it stands. Keys are played where their meaning for the runs is
 * known (docs/lessons.md lists them); after any other, later checks
 * cannot be judged and fail as such. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_sim.h"

void sim_lose(demo_sim *s, int line, const char *fmt, const char *what)
{
    if (s->lost_line)
        return;
    s->lost_line = line;
    snprintf(s->lost, sizeof s->lost, fmt, what);
}

/* The run's trackers judge it afresh from its start. */
static void track_start(demo_sim *s, sim_run *sr)
{
    lesson_state st = lesson_state_of(&sr->r);
    for (size_t k = 0; k < s->n_checks; k++) {
        const sim_check *c = &s->checks[k];
        goal_track_init(&sr->t[k], c->l, c->cmd->goal, c->ref);
        goal_track_feed(&sr->t[k], &st);
    }
}

static void track(demo_sim *s, sim_run *sr)
{
    lesson_state st = lesson_state_of(&sr->r);
    for (size_t k = 0; k < s->n_checks; k++)
        goal_track_feed(&sr->t[k], &st);
}

static int run_start(demo_sim *s, sim_run *sr, const run_settings *set)
{
    if (run_init(&sr->r, &s->obj, set, s->start) < 0)
        return -1;
    track_start(s, sr);
    return 0;
}

static void free_runs(demo_sim *s)
{
    for (int i = 0; i < s->nruns; i++)
        run_free(&s->runs[i].r);
    s->nruns = 0;
    s->focus = 0;
}

static void close_session(demo_sim *s)
{
    free_runs(s);
    if (s->open)
        objective_free(&s->obj);
    free(s->start);
    s->start = NULL;
    s->open = false;
}

/* One run of the settings cur on obj (taken over), as lsession_open. */
void sim_open(demo_sim *s, objective *obj, int line)
{
    close_session(s);
    s->obj = *obj;
    s->open = true;
    const double *from = run_options_start(&s->cur, &s->obj);
    s->start = malloc(s->obj.dim * sizeof *s->start);
    if (!s->start) {
        sim_lose(s, line, "%s", "out of memory");
        return;
    }
    memcpy(s->start, from, s->obj.dim * sizeof *s->start);
    if (run_start(s, &s->runs[0], &s->cur.s) < 0) {
        sim_lose(s, line, "%s", "the run does not start");
        return;
    }
    s->runs[0].granted = s->cur.s.max_steps;
    s->nruns = 1;
}

/* The current step's settings, with its solution after a skip. */
void sim_open_step(demo_sim *s, int line)
{
    objective obj;
    option_error e;
    if (lesson_step_open(&s->l->steps[s->step], s->solved, &s->cur, &obj,
                         &e) < 0) {
        sim_lose(s, line, "the step does not open: %s", e.message);
        return;
    }
    sim_open(s, &obj, line);
}

void sim_restart(demo_sim *s, sim_run *sr)
{
    run_settings set = sr->r.s;
    set.lr = sr->r.lr;
    set.max_steps = sr->granted;
    run_free(&sr->r);
    run_start(s, sr, &set);
}

int sim_add_run(demo_sim *s)
{
    if (s->nruns == DEMO_SIM_RUNS)
        return -1;
    sim_run *from = &s->runs[s->focus], *sr = &s->runs[s->nruns];
    run_settings set = from->r.s;
    set.max_steps = from->granted;
    if (run_start(s, sr, &set) < 0)
        return -1;
    sr->granted = from->granted;
    s->focus = s->nruns++;
    for (int i = 0; i < s->nruns - 1; i++)
        sim_restart(s, &s->runs[i]);
    return 0;
}

void sim_remove_run(demo_sim *s)
{
    if (s->nruns < 2)
        return;
    run_free(&s->runs[s->focus].r);
    goal_track *t = s->runs[s->focus].t;
    memmove(&s->runs[s->focus], &s->runs[s->focus + 1],
            (size_t)(s->nruns - s->focus - 1) * sizeof s->runs[0]);
    s->nruns--;
    s->runs[s->nruns].t = t; /* the trackers stay with the slots */
    if (s->focus >= s->nruns)
        s->focus = s->nruns - 1;
}

/* One update of every run that can go on; a run paused at its limit is
 * given as many steps again (the screen's limit is a pause). Returns
 * whether a run moved and one can still go on (as session_step and
 * session_any_running together). */
bool sim_step(demo_sim *s)
{
    int moved = 0, going = 0;
    for (int i = 0; i < s->nruns; i++) {
        sim_run *sr = &s->runs[i];
        run *r = &sr->r;
        if (r->status == RUN_MAX_STEPS) {
            r->s.max_steps += sr->granted;
            r->status = RUN_RUNNING;
        }
        if (r->status == RUN_RUNNING) {
            run_step(r);
            track(s, sr);
            moved++;
        }
        going += r->status == RUN_RUNNING || r->status == RUN_MAX_STEPS;
    }
    if (s->budget)
        *s->budget -= moved;
    return moved && going;
}

int sim_init(demo_sim *s, const demo *d, demo_find_lesson find, void *ctx,
             lesson_budget *budget)
{
    memset(s, 0, sizeof *s);
    s->d = d;
    s->budget = budget;
    for (size_t i = 0; i < d->n; i++)
        s->n_checks += d->c[i].kind == DEMO_CHECK && d->c[i].goal;
    s->checks = calloc(s->n_checks + 1, sizeof *s->checks);
    for (int i = 0; i < DEMO_SIM_RUNS; i++)
        s->runs[i].t = calloc(s->n_checks + 1, sizeof *s->runs[i].t);
    bool ok = s->checks != NULL;
    for (int i = 0; i < DEMO_SIM_RUNS; i++)
        ok &= s->runs[i].t != NULL;
    /* Each check's lesson (the last `lesson` before it), for beat. */
    const lesson *l = NULL;
    size_t k = 0;
    for (size_t i = 0; ok && i < d->n; i++) {
        const demo_command *c = &d->c[i];
        if (c->kind == DEMO_LESSON)
            l = find ? find(ctx, c->text) : NULL;
        if (c->kind != DEMO_CHECK || !c->goal)
            continue;
        s->checks[k] = (sim_check){c, l, 0};
        option_error e;
        if (l && lesson_goal_reference(l, c->goal, &s->checks[k].ref, budget,
                                       &e) < 0)
            sim_lose(s, c->line, "beat: %s", e.message);
        k++;
    }
    return ok ? 0 : -1;
}

void sim_free(demo_sim *s)
{
    close_session(s);
    for (int i = 0; i < DEMO_SIM_RUNS; i++)
        free(s->runs[i].t);
    free(s->checks);
    memset(s, 0, sizeof *s);
}

/* Check k of the script on the focused run. */
static void judge(demo_sim *s, size_t k, play_verdict *v)
{
    if (s->lost_line) {
        snprintf(v->why, sizeof v->why, "cannot be played headless after "
                 "line %d: %s", s->lost_line, s->lost);
        return;
    }
    if (!s->nruns) {
        snprintf(v->why, sizeof v->why, "no run yet: a 'lesson' command "
                 "opens one");
        return;
    }
    sim_run *sr = &s->runs[s->focus];
    goal_track *t = &sr->t[k];
    /* Settings set since the last update count now. */
    lesson_state st = lesson_state_of(&sr->r);
    goal_track_feed(t, &st);
    goal_report r;
    goal_track_report(t, &r);
    if (r.status == GOAL_MET)
        v->ok = true;
    else
        snprintf(v->why, sizeof v->why, "%s", r.summary);
}

size_t demo_play_checks(const demo *d, demo_find_lesson find, void *find_ctx,
                        lesson_budget *budget, play_report report, void *ctx)
{
    demo_sim s;
    size_t failed = 0, k = 0;
    if (sim_init(&s, d, find, find_ctx, budget) < 0)
        sim_lose(&s, 0, "%s", "out of memory");
    for (size_t i = 0; i < d->n; i++) {
        const demo_command *c = &d->c[i];
        if (c->kind != DEMO_CHECK) {
            sim_command(&s, c, find, find_ctx);
            continue;
        }
        if (!c->goal)
            continue;
        play_verdict v = {c->line, s.l ? s.l->steps[s.step].id : "-", false,
                          ""};
        judge(&s, k++, &v);
        failed += !v.ok;
        report(ctx, &v);
    }
    sim_free(&s);
    return failed;
}
