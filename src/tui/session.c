#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "model.h"
#include "run_live.h"
#include "session.h"

const int session_speeds[SESSION_SPEEDS] = {1, 2, 5, 10, 20, 50, 100, 200,
                                            500, 1000, 5000};

/* The run's max_steps: the next multiple of the limit after update
 * from, or no end without a limit. */
static long next_pause(long limit, long from)
{
    if (limit <= 0)
        return LONG_MAX;
    long k = from / limit + 1;
    return k > LONG_MAX / limit ? LONG_MAX : k * limit;
}

/* Puts a started run in sr's place and restarts its history. The run is
 * whole either way; CORE_ENOMEM says its history could not begin. */
static core_error install(session_run *sr, run *fresh)
{
    run_free(&sr->r);
    sr->r = *fresh;
    sr->check.update = -1;
    sr->changed = false;
    watch_reset(&sr->watch, &sr->r);
    return hist_restart(&sr->h, &sr->r) < 0 ? CORE_ENOMEM : CORE_OK;
}

/* A run's settings to start again with: its own, with the learning rate
 * the user set (hypergradients may have moved α since) and the first
 * pause of its step limit. */
static run_settings restart_settings(const session_run *sr)
{
    run_settings set = sr->r.s;
    set.max_steps = next_pause(sr->limit, 0);
    return set;
}

/* sr from the start with set; a run that cannot start leaves sr as it
 * was. */
static core_error start_run(session *s, session_run *sr,
                            const run_settings *set)
{
    run fresh;
    core_error rc = run_init(&fresh, &s->obj, set, s->start);
    return rc != CORE_OK ? rc : install(sr, &fresh);
}

/* Room for the anatomy's scratch at the objective's size. */
static int size_scratch(session *s)
{
    double *p = realloc(s->scratch, 3 * s->obj.dim * sizeof *p);
    if (!p)
        return -1;
    s->scratch = p;
    return 0;
}

/* Why a run could not start, in the words of the options. */
static void start_failed(char *err, size_t cap, core_error rc,
                         const objective *obj, const run_settings *set)
{
    option_error e;
    run_live_fail(&e, OPT_GRAD, rc, obj, set);
    snprintf(err, cap, "%s", e.message);
}

int session_init(session *s, const char *spec, const run_settings *set,
                 const double *start, const double *view,
                 char *err, size_t errcap)
{
    objective obj;
    objective_error oe;
    if (!spec)
        spec = "rosenbrock";
    if (objective_open(spec, &obj, &oe) < 0) {
        memset(s, 0, sizeof *s);
        snprintf(err, errcap, "%s", oe.message);
        return -1;
    }
    if (obj.dim != 2) {
        snprintf(err, errcap, "give models of more than two parameters "
                              "with --model; '%s' has %zu", spec, obj.dim);
        objective_free(&obj);
        return -1;
    }
    if (session_init_objective(s, &obj, set, start, view, err, errcap) < 0)
        return -1;
    snprintf(s->spec, sizeof s->spec, "%s", spec);
    return 0;
}

/* Where runs start by default: a model's θ0 (all its parameters), else
 * the objective's own start. */
static const double *default_start(const objective *obj)
{
    const model *m = model_of(obj);
    return m ? m->theta0 : obj->start;
}

/* start (obj.dim numbers) as the session's start point. 0 or -1. */
static int set_start(session *s, const double *start)
{
    double *p = realloc(s->start, s->obj.dim * sizeof *p);
    if (!p)
        return -1;
    s->start = p;
    memcpy(p, start ? start : default_start(&s->obj), s->obj.dim * sizeof *p);
    return 0;
}

int session_init_objective(session *s, objective *obj,
                           const run_settings *set, const double *start,
                           const double *view, char *err, size_t errcap)
{
    memset(s, 0, sizeof *s);
    s->speed = 6; /* 100 updates/s: rosenbrock solved in ~10 s */
    s->obj = *obj;
    memset(obj, 0, sizeof *obj);
    snprintf(s->spec, sizeof s->spec, "%s", s->obj.name);
    memcpy(s->view, view ? view : s->obj.view, sizeof s->view);
    session_run *sr = &s->runs[0];
    core_error rc = CORE_ENOMEM;
    sr->limit = set->max_steps == LONG_MAX ? 0 : set->max_steps;
    run_settings first = *set;
    first.max_steps = next_pause(sr->limit, 0);
    if (set_start(s, start) < 0 || size_scratch(s) < 0 ||
        hist_init(&sr->h) < 0 ||
        (rc = start_run(s, sr, &first)) != CORE_OK) {
        start_failed(err, errcap, rc, &s->obj, set);
        run_free(&sr->r);
        hist_free(&sr->h);
        free(s->start);
        free(s->scratch);
        objective_free(&s->obj);
        return -1;
    }
    s->nruns = 1;
    theory_view_open(&s->theory, &s->obj, s->start);
    if (session_sliced(s) && session_slice_kind(s, SLICE_RANDOM) < 0) {
        snprintf(err, errcap, "out of memory");
        session_free(s);
        return -1;
    }
    if (session_sliced(s) && view) {
        memcpy(s->view, view, sizeof s->view);
        s->view_gen++;
    }
    session_changed(s);
    return 0;
}

static void free_run(session_run *sr)
{
    run_free(&sr->r);
    hist_free(&sr->h);
    slice_proj_free(&sr->proj);
}

void session_free(session *s)
{
    for (int i = 0; i < s->nruns; i++)
        free_run(&s->runs[i]);
    objective_free(&s->obj);
    free(s->start);
    s->start = NULL;
    free(s->scratch);
    s->scratch = NULL;
    slice_view_free(&s->slice);
    s->nruns = 0;
}

run *session_focused(session *s) { return &s->runs[s->focus].r; }
const run *session_focused_c(const session *s) { return &s->runs[s->focus].r; }

void session_changed(session *s)
{
    if (!s->nruns)
        return;
    session_slice_follow(s);
    for (int i = 0; i < s->nruns && session_sliced(s); i++)
        slice_proj_update(&s->runs[i].proj, &s->slice, &s->runs[i].h.path);
    /* A reference method's live state after a copy (step back, restart):
     * rebuilt now, so that its probes or simplex show. */
    for (int i = 0; i < s->nruns; i++)
        run_prepare(&s->runs[i].r);
    s->doc_stale = true;
    if (s->hook)
        s->hook(s, s->hook_ctx);
}

const stepdoc *session_doc(session *s)
{
    if (s->doc_stale && s->nruns) {
        session_run *sr = &s->runs[s->focus];
        stepdoc_source src = {&sr->r, &sr->h, &sr->check, s->running,
                              sr->changed, s->scratch, &s->theory};
        stepdoc_build(&src, &s->doc);
        s->doc_stale = false;
    }
    return &s->doc;
}

/* A run that used up its steps is given as many again when asked to go
 * on: in the TUI the limit is a pause, not an end. */
static void extend(session_run *sr)
{
    run *r = &sr->r;
    if (r->status == RUN_MAX_STEPS) {
        r->s.max_steps = next_pause(sr->limit, r->step);
        r->status = RUN_RUNNING;
    }
}

void session_set_running(session *s, bool on)
{
    if (s->running == on)
        return;
    s->running = on;
    /* Going on from a step limit grants as many again. */
    for (int i = 0; on && i < s->nruns; i++)
        extend(&s->runs[i]);
    session_changed(s); /* a model's gradient check waits for a pause */
}

void session_focus(session *s, int i)
{
    s->focus = i;
    session_changed(s);
}

bool session_at_limit(const session *s, int i)
{
    const session_run *sr = &s->runs[i];
    return sr->limit > 0 && sr->r.status == RUN_MAX_STEPS;
}

void session_set_limit(session *s, long limit)
{
    for (int i = 0; i < s->nruns; i++) {
        session_run *sr = &s->runs[i];
        sr->limit = limit;
        sr->r.s.max_steps = next_pause(limit, sr->r.step - 1);
        if (sr->r.status == RUN_MAX_STEPS && sr->r.step < sr->r.s.max_steps)
            sr->r.status = RUN_RUNNING;
    }
    session_changed(s);
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
        sr->changed = false;
        if (sr->r.next == STAGE_EVALUATE) {
            hist_record(&sr->h, &sr->r);
            watch_update(&sr->watch, &sr->r);
        }
        n++;
    }
    if (n)
        session_changed(s);
    return n;
}

int session_step(session *s) { return advance_runs(s, true); }

void session_settle(session *s)
{
    for (int i = 0; i < s->nruns; i++)
        hist_settle(&s->runs[i].h, &s->runs[i].r);
}
int session_stage(session *s) { return advance_runs(s, false); }

int session_back(session *s)
{
    int n = 0;
    for (int i = 0; i < s->nruns; i++) {
        session_run *sr = &s->runs[i];
        if (hist_back(&sr->h, &sr->r) == 0) {
            n++;
            sr->changed = false;
            watch_reset(&sr->watch, &sr->r);
        }
    }
    if (n)
        session_changed(s);
    return n;
}

static core_error restart(session *s, session_run *sr)
{
    run_settings set = restart_settings(sr);
    return start_run(s, sr, &set);
}

/* Every run restarted; the first failure, if any. */
static core_error restart_all(session *s, int n)
{
    core_error rc = CORE_OK;
    for (int i = 0; i < n; i++) {
        core_error one = restart(s, &s->runs[i]);
        if (rc == CORE_OK)
            rc = one;
    }
    return rc;
}

/* After a restart the path is gone: a random slice through the start
 * (the PCA one comes back when the new path spans a plane). */
static void slice_restart(session *s)
{
    if (!session_sliced(s))
        return;
    slice_kind want = s->slice_want;
    session_slice_kind(s, SLICE_RANDOM);
    s->slice_want = want;
}

core_error session_reset(session *s)
{
    core_error rc = restart_all(s, s->nruns);
    slice_restart(s);
    session_changed(s);
    return rc;
}

core_error session_add_run(session *s)
{
    if (s->nruns == SESSION_MAX_RUNS)
        return CORE_ERANGE;
    session_run *from = &s->runs[s->focus], *sr = &s->runs[s->nruns];
    /* The slot may still hold the bytes of a removed run. */
    memset(sr, 0, sizeof *sr);
    if (hist_init(&sr->h) < 0)
        return CORE_ENOMEM;
    run_settings set = restart_settings(from);
    sr->limit = from->limit;
    core_error rc = start_run(s, sr, &set);
    if (rc != CORE_OK) {
        run_free(&sr->r);
        hist_free(&sr->h);
        return rc;
    }
    s->focus = s->nruns++;
    rc = restart_all(s, s->nruns - 1);
    slice_restart(s);
    session_changed(s);
    return rc;
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
    session_changed(s);
    return 0;
}

void session_settings_changed(session *s)
{
    session_run *sr = &s->runs[s->focus];
    if (sr->r.next == STAGE_EVALUATE) {
        hist_refresh(&sr->h, &sr->r);
        sr->changed = sr->r.step > 0;
    }
    session_changed(s);
}

static grad_method usable_method(const objective *obj, grad_method m)
{
    if (gradient_available(obj, m))
        return m;
    return gradient_available(obj, GRAD_AD) ? GRAD_AD : GRAD_CENTRAL;
}

/* The runs of s restarted on next, each with its settings (a gradient
 * method next lacks falls back to AD, then central), into fresh. The
 * runs start on next where it will live, s->obj; the session's own
 * objective waits in *old. On failure s is as it was. */
static core_error start_on(session *s, objective *next, objective *old,
                           run *fresh, const double *at)
{
    double start[2] = {at[0], at[1]};
    *old = s->obj;
    s->obj = *next;
    core_error rc = CORE_OK;
    int i;
    for (i = 0; i < s->nruns; i++) {
        run_settings set = restart_settings(&s->runs[i]);
        set.grad = usable_method(next, set.grad);
        if ((rc = run_init(&fresh[i], &s->obj, &set, start)) != CORE_OK)
            break;
    }
    if (rc != CORE_OK) {
        while (i-- > 0)
            run_free(&fresh[i]);
        s->obj = *old;
    }
    return rc;
}

/* The runs restarted on next (which the session takes) at start; the
 * old objective freed. 0, or -1 with err filled, next freed and s as it
 * was. */
static int restart_on(session *s, objective *next, const double *start,
                      objective_error *err)
{
    objective old;
    run fresh[SESSION_MAX_RUNS];
    core_error rc = start_on(s, next, &old, fresh, start);
    if (rc != CORE_OK) {
        snprintf(err->message, sizeof err->message, "%s",
                 core_error_message(rc));
        objective_free(next);
        return -1;
    }
    objective_free(&old);
    s->view_gen++;
    for (int i = 0; i < s->nruns; i++)
        install(&s->runs[i], &fresh[i]);
    return 0;
}

int session_set_objective(session *s, const char *spec, objective_error *err)
{
    objective next;
    if (objective_open(spec, &next, err) < 0)
        return -1;
    err->column = 0;
    if (s->obj.single) /* the session's precision stays */
        objective_single(&next);
    if (next.dim != 2) {
        snprintf(err->message, sizeof err->message,
                 "the TUI shows objectives of two parameters");
        objective_free(&next);
        return -1;
    }
    double start[2] = {next.start[0], next.start[1]};
    if (restart_on(s, &next, start, err) < 0)
        return -1;
    slice_view_free(&s->slice);
    theory_view_open(&s->theory, &s->obj, s->obj.start);
    snprintf(s->spec, sizeof s->spec, "%s", spec);
    memcpy(s->view, s->obj.view, sizeof s->view);
    /* Two numbers, never more than the buffer had: if even shrinking it
     * fails, the old one serves. */
    if (set_start(s, NULL) < 0)
        memcpy(s->start, s->obj.start, sizeof s->obj.start);
    /* The scratch stays: two parameters fit whatever it was sized for. */
    session_changed(s);
    return 0;
}

int session_set_precision(session *s, bool single, objective_error *err)
{
    objective next;
    err->column = 0;
    if (s->obj.single == single)
        return 0;
    bool opened = s->obj.dim == 2 && objective_open(s->spec, &next, err) == 0;
    if (!opened || (single && objective_single(&next) != CORE_OK)) {
        if (opened)
            objective_free(&next);
        snprintf(err->message, sizeof err->message, "single precision is "
                 "for built-in objectives and expressions");
        return -1;
    }
    memcpy(next.view, s->obj.view, sizeof next.view);
    if (restart_on(s, &next, s->start, err) < 0)
        return -1;
    session_changed(s);
    return 0;
}

core_error session_set_start(session *s, double x, double y)
{
    s->start[0] = x;
    s->start[1] = y;
    return session_reset(s);
}

bool session_sliced(const session *s) { return s->obj.dim > 2; }

/* A new slice was installed: the view becomes its own. */
static void slice_shown(session *s)
{
    memcpy(s->view, s->slice.range, sizeof s->view);
    s->view_gen++;
}

int session_slice_kind(session *s, slice_kind k)
{
    const session_run *sr = &s->runs[s->focus];
    int rc = k == SLICE_PCA
        ? slice_view_pca(&s->slice, &sr->h.path, sr->r.theta, sr->r.step)
        : slice_view_random(&s->slice, &s->obj, sr->r.theta, sr->r.step,
                            s->slice.seed);
    if (rc == 0) {
        s->slice_want = k;
        slice_shown(s);
        session_changed(s);
    }
    return rc;
}

int session_slice_reseed(session *s)
{
    const session_run *sr = &s->runs[s->focus];
    if (slice_view_random(&s->slice, &s->obj, sr->r.theta, sr->r.step,
                          s->slice.seed + 1) < 0)
        return -1;
    s->slice_want = SLICE_RANDOM;
    slice_shown(s);
    session_changed(s);
    return 0;
}

bool session_slice_follow(session *s)
{
    if (!session_sliced(s) || s->slice_want != SLICE_PCA)
        return false;
    const session_run *sr = &s->runs[s->focus];
    bool pca = s->slice.sl.kind == SLICE_PCA;
    if (pca && !slice_view_pca_due(&s->slice, sr->r.step))
        return false;
    /* Until the path spans a plane the random slice stays. */
    if (!pca && sr->h.path.count < 3)
        return false;
    return session_slice_kind(s, SLICE_PCA) == 0;
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
    const session_run *sr = &s->runs[i];
    const run *r = &sr->r;
    const char *now = s->running ? "running" : "paused";
    switch (r->status) {
    case RUN_RUNNING:
        switch (watch_state_of(&sr->watch, r)) {
        case WATCH_CONVERGED:
            snprintf(buf, cap, "%s · converged: ‖g‖ %.1e", now, r->grad_norm);
            break;
        case WATCH_STALLED:
            snprintf(buf, cap, "%s · stalled since step %ld", now,
                     sr->watch.best_step);
            break;
        case WATCH_MOVING:
            snprintf(buf, cap, "%s", now);
            break;
        }
        break;
    case RUN_CONVERGED:
        snprintf(buf, cap, "converged at step %ld", r->step);
        break;
    case RUN_DIVERGED:
        snprintf(buf, cap, "diverged at step %ld: %s", r->step,
                 r->diverged_what ? r->diverged_what : "?");
        break;
    case RUN_MAX_STEPS:
        snprintf(buf, cap, "paused at the step limit %ld", r->step);
        break;
    case RUN_STOPPED:
        if (r->error != CORE_OK)
            snprintf(buf, cap, "stopped at step %ld: %s", r->step,
                     core_error_message(r->error));
        else
            snprintf(buf, cap, "stopped at step %ld", r->step);
        break;
    }
}
