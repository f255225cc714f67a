#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "session.h"

const int session_speeds[SESSION_SPEEDS] = {1, 2, 5, 10, 20, 50, 100, 200,
                                            500, 1000, 5000};

static int start_run(session *s, session_run *sr, const run_settings *set)
{
    if (run_init(&sr->r, &s->obj, set, s->start) < 0)
        return -1;
    return hist_restart(&sr->h, &sr->r);
}

int session_init(session *s, const char *spec, const run_settings *set,
                 const double *start, const double *view,
                 char *err, size_t errcap)
{
    memset(s, 0, sizeof *s);
    s->speed = 6; /* 100 updates/s: rosenbrock solved in ~10 s */
    if (!spec)
        spec = "rosenbrock";
    objective_error oe;
    if (objective_open(spec, &s->obj, &oe) < 0) {
        snprintf(err, errcap, "%s", oe.message);
        return -1;
    }
    if (s->obj.dim != 2) {
        snprintf(err, errcap, "the TUI shows objectives of two parameters; "
                              "'%s' has %zu", spec, s->obj.dim);
        objective_free(&s->obj);
        return -1;
    }
    snprintf(s->spec, sizeof s->spec, "%s", spec);
    memcpy(s->view, view ? view : s->obj.view, sizeof s->view);
    memcpy(s->start, start ? start : s->obj.start, sizeof s->start);
    session_run *sr = &s->runs[0];
    if (hist_init(&sr->h) < 0 || start_run(s, sr, set) < 0) {
        snprintf(err, errcap, "the %s gradient is not available for %s",
                 grad_method_name(set->grad), s->obj.name);
        hist_free(&sr->h);
        objective_free(&s->obj);
        return -1;
    }
    sr->steps_granted = set->max_steps;
    s->nruns = 1;
    return 0;
}

static void free_run(session_run *sr)
{
    run_free(&sr->r);
    hist_free(&sr->h);
}

void session_free(session *s)
{
    for (int i = 0; i < s->nruns; i++)
        free_run(&s->runs[i]);
    objective_free(&s->obj);
    s->nruns = 0;
}

run *session_focused(session *s) { return &s->runs[s->focus].r; }

/* A run that used up its steps is given as many again when asked to go
 * on: in the TUI the limit is a pause, not an end. */
static void extend(session_run *sr)
{
    run *r = &sr->r;
    if (r->status == RUN_MAX_STEPS) {
        r->s.max_steps += sr->steps_granted;
        r->status = RUN_RUNNING;
    }
}

/* One whole update or one stage of every run that can go on; a
 * completed update goes into the run's history. */
static int advance_runs(session *s, bool whole)
{
    int n = 0;
    for (int i = 0; i < s->nruns; i++) {
        session_run *sr = &s->runs[i];
        extend(sr);
        if (sr->r.status != RUN_RUNNING)
            continue;
        if (whole)
            run_step(&sr->r);
        else
            run_stage_step(&sr->r);
        if (sr->r.next == STAGE_EVALUATE)
            hist_record(&sr->h, &sr->r);
        n++;
    }
    return n;
}

int session_step(session *s) { return advance_runs(s, true); }
int session_stage(session *s) { return advance_runs(s, false); }

int session_back(session *s)
{
    int n = 0;
    for (int i = 0; i < s->nruns; i++)
        if (hist_back(&s->runs[i].h, &s->runs[i].r) == 0)
            n++;
    return n;
}

static void restart(session *s, session_run *sr)
{
    run_settings set = sr->r.s;
    set.lr = sr->r.lr;
    set.max_steps = sr->steps_granted;
    run_free(&sr->r);
    start_run(s, sr, &set);
}

void session_reset(session *s)
{
    for (int i = 0; i < s->nruns; i++)
        restart(s, &s->runs[i]);
}

int session_add_run(session *s)
{
    if (s->nruns == SESSION_MAX_RUNS)
        return -1;
    session_run *from = &s->runs[s->focus], *sr = &s->runs[s->nruns];
    if (hist_init(&sr->h) < 0)
        return -1;
    run_settings set = from->r.s;
    set.max_steps = from->steps_granted;
    if (start_run(s, sr, &set) < 0) {
        hist_free(&sr->h);
        return -1;
    }
    sr->steps_granted = from->steps_granted;
    s->focus = s->nruns++;
    for (int i = 0; i < s->nruns - 1; i++)
        restart(s, &s->runs[i]);
    return 0;
}

int session_remove_run(session *s)
{
    if (s->nruns < 2)
        return -1;
    free_run(&s->runs[s->focus]);
    memmove(&s->runs[s->focus], &s->runs[s->focus + 1],
            (size_t)(s->nruns - s->focus - 1) * sizeof s->runs[0]);
    s->nruns--;
    if (s->focus >= s->nruns)
        s->focus = s->nruns - 1;
    return 0;
}

void session_settings_changed(session *s)
{
    session_run *sr = &s->runs[s->focus];
    if (sr->r.next == STAGE_EVALUATE)
        hist_refresh(&sr->h, &sr->r);
}

static grad_method usable_method(const objective *obj, grad_method m)
{
    if (gradient_available(obj, m))
        return m;
    return gradient_available(obj, GRAD_AD) ? GRAD_AD : GRAD_CENTRAL;
}

int session_set_objective(session *s, const char *spec, objective_error *err)
{
    objective next;
    if (objective_open(spec, &next, err) < 0)
        return -1;
    if (next.dim != 2) {
        err->column = 0;
        snprintf(err->message, sizeof err->message,
                 "the TUI shows objectives of two parameters");
        objective_free(&next);
        return -1;
    }
    run_settings sets[SESSION_MAX_RUNS];
    for (int i = 0; i < s->nruns; i++) {
        sets[i] = s->runs[i].r.s;
        sets[i].lr = s->runs[i].r.lr;
        sets[i].max_steps = s->runs[i].steps_granted;
        sets[i].grad = usable_method(&next, sets[i].grad);
        run_free(&s->runs[i].r);
    }
    objective_free(&s->obj);
    s->obj = next;
    snprintf(s->spec, sizeof s->spec, "%s", spec);
    memcpy(s->view, s->obj.view, sizeof s->view);
    memcpy(s->start, s->obj.start, sizeof s->start);
    s->view_gen++;
    for (int i = 0; i < s->nruns; i++)
        start_run(s, &s->runs[i], &sets[i]);
    return 0;
}

void session_set_start(session *s, double x, double y)
{
    s->start[0] = x;
    s->start[1] = y;
    session_reset(s);
}

void session_zoom(session *s, double factor, double cx, double cy)
{
    double *v = s->view;
    v[0] = cx + (v[0] - cx) * factor;
    v[1] = cx + (v[1] - cx) * factor;
    v[2] = cy + (v[2] - cy) * factor;
    v[3] = cy + (v[3] - cy) * factor;
    s->view_gen++;
}

void session_pan(session *s, double fx, double fy)
{
    double dx = (s->view[1] - s->view[0]) * fx;
    double dy = (s->view[3] - s->view[2]) * fy;
    s->view[0] += dx;
    s->view[1] += dx;
    s->view[2] += dy;
    s->view[3] += dy;
    s->view_gen++;
}

void session_view_reset(session *s)
{
    memcpy(s->view, s->obj.view, sizeof s->view);
    s->view_gen++;
}

bool session_any_running(const session *s)
{
    for (int i = 0; i < s->nruns; i++) {
        run_status st = s->runs[i].r.status;
        if (st == RUN_RUNNING || st == RUN_MAX_STEPS)
            return true;
    }
    return false;
}

void session_status_text(const session *s, int i, char *buf, size_t cap)
{
    const run *r = &s->runs[i].r;
    switch (r->status) {
    case RUN_RUNNING:
        snprintf(buf, cap, "%s", s->running ? "running" : "paused");
        break;
    case RUN_CONVERGED:
        snprintf(buf, cap, "converged at step %ld", r->step);
        break;
    case RUN_DIVERGED:
        snprintf(buf, cap, "diverged at step %ld: %s", r->step,
                 r->diverged_what ? r->diverged_what : "?");
        break;
    case RUN_MAX_STEPS:
        snprintf(buf, cap, "max steps %ld", r->step);
        break;
    case RUN_STOPPED:
        snprintf(buf, cap, "stopped at step %ld", r->step);
        break;
    }
}
