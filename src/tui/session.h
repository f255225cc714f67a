/* What the TUI shows and changes: one objective, its view, a start point
 * and up to four runs stepped together (compare), each with its history.
 * Commands here are the verbs of the key bindings; they know nothing of
 * the terminal. Pure. A session must not move once initialised: its
 * runs point at its objective. */
#ifndef DESCENT_TUI_SESSION_H
#define DESCENT_TUI_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "hist.h"
#include "objective_open.h"
#include "run.h"
#include "slice_view.h"
#include "theory_view.h"
#include "stepdoc.h"
#include "watch.h"

enum { SESSION_MAX_RUNS = 4, SESSION_SPEEDS = 11 };

/* Updates per second of live running, slowest first. */
extern const int session_speeds[SESSION_SPEEDS];

typedef struct {
    run r;
    hist h;
    gradcheck_cache check;
    /* The step limit (--steps, a lesson's steps:): the run pauses every
     * limit updates, and going on grants as many again. 0: none. */
    long limit;
    bool changed;       /* a setting changed since its last update */
    run_watch watch;    /* converged or stalled, for the status */
    slice_proj proj;    /* its path on the slice (more than 2 parameters) */
} session_run;

struct session;
/* Called after every change of the runs, once the session is up to date
 * (session_changed). */
typedef void (*session_hook)(struct session *s, void *ctx);

typedef struct session {
    objective obj;
    char spec[256];      /* what opened obj */
    double view[4];      /* x0, x1, y0, y1: of θ, or of the slice plane */
    double *start;       /* obj.dim numbers */
    session_run runs[SESSION_MAX_RUNS];
    int nruns, focus;
    bool running;        /* live running (space) */
    int speed;           /* index into session_speeds */
    unsigned view_gen;   /* changes with the objective or the view */
    /* Objectives of more than 2 parameters are shown on a slice; view is
     * then in its coordinates (a, b). */
    slice_view slice;
    slice_kind slice_want; /* PCA waits for a path that spans a plane */
    theory_view theory;  /* the objective as a quadratic, if it is one */
    /* What the panels show, brought up to date before a frame (never by
     * a panel) when a change made it stale: the focused run's update
     * taken apart. Formatting it costs tens of μs, so live running
     * builds it once a frame, not once an update. */
    stepdoc doc;
    bool doc_stale;
    double *scratch;       /* 3 obj.dim doubles for the anatomy */
    session_hook hook;     /* NULL: none */
    void *hook_ctx;
} session;

/* Opens spec (NULL: rosenbrock) and starts one run (s is all new: a hook
 * is installed after) with settings s at
 * start (NULL: the objective's) in view (NULL: the objective's). The
 * step limit is set->max_steps (LONG_MAX: none). Returns 0, or -1 with a
 * message in err (bad objective, no such gradient). */
int session_init(session *s, const char *spec, const run_settings *set,
                 const double *start, const double *view,
                 char *err, size_t errcap);
/* The same with an objective already opened (a model), which the
 * session takes over (*obj is zeroed, and freed on failure too); start
 * has obj->dim numbers (NULL: the model's θ0, or the objective's). */
int session_init_objective(session *s, objective *obj,
                           const run_settings *set, const double *start,
                           const double *view, char *err, size_t errcap);
void session_free(session *s);

run *session_focused(session *s);
const run *session_focused_c(const session *s);

/* The after-update hook: every command below ends with it, and code that
 * changes a run directly (run_set_*) calls it through
 * session_settings_changed. It takes the PCA slice again when due,
 * projects the paths on the slice, marks the step panel's anatomy for
 * rebuilding, then calls s->hook (convergence and stalls are watched as
 * each update is recorded). */
void session_changed(session *s);
/* The focused run's anatomy (gradient check included), rebuilt if a
 * change made it stale: before a frame, or in a test. */
const stepdoc *session_doc(session *s);
/* Live running on or off; the focus on run i. */
void session_set_running(session *s, bool on);
void session_focus(session *s, int i);
/* Whether run i stands at its step limit (paused there). */
bool session_at_limit(const session *s, int i);

/* One update of every run still running. Returns how many ran. */
int session_step(session *s);
/* After updates, before a frame: what the histories still owe the
 * newest rows (a model's metrics, hist_settle). */
void session_settle(session *s);
/* One stage of every run still running. */
int session_stage(session *s);
/* Every run back one update (exact, from snapshots). Returns how many
 * moved. */
int session_back(session *s);
/* Every run back to the start with its current settings (the learning
 * rate the user set). Returns 0, or the first run's error (a run that
 * cannot start stays as it was). */
core_error session_reset(session *s);
/* A new run with the focused run's settings, all runs restarted so they
 * step together. Returns 0, CORE_ERANGE when there are SESSION_MAX_RUNS
 * already, or why a run could not start (the new one is then not added;
 * an old one that cannot restart stays as it was). */
core_error session_add_run(session *s);
/* Removes the focused run unless it is the only one. */
int session_remove_run(session *s);
/* Call after changing the focused run's settings between updates, so a
 * later step back keeps them and the step panel shows the next update
 * with them (not the last one's numbers under the new names). */
void session_settings_changed(session *s);
/* The step limit of every run (0: none); runs past it pause at their
 * next multiple of it. */
void session_set_limit(session *s, long limit);

/* Switches the objective; the runs keep their settings (a gradient
 * method the new objective lacks falls back to AD, then central; the
 * learning rate the user set, not one hypergradients adapted) and
 * restart at its default start in its view. Returns 0, or -1 with err
 * filled and nothing changed. */
int session_set_objective(session *s, const char *spec, objective_error *err);
/* The objective in float32 (single) or double, reopened from its spec
 * (built-ins and expressions); the runs keep their settings and restart
 * at the session's start, the view kept. 0, or -1 with err filled and
 * nothing changed. */
int session_set_precision(session *s, bool single, objective_error *err);
/* Moves the start point of a 2-parameter objective; the runs restart
 * there (as session_reset). */
core_error session_set_start(session *s, double x, double y);

/* Zooms by factor (< 1 zooms in) about (cx, cy); pans by fractions of
 * the view's width and height; goes back to the objective's view. */
void session_zoom(session *s, double factor, double cx, double cy);
void session_pan(session *s, double fx, double fy);
void session_view_reset(session *s);
/* The view around every run's path, the start and θ (on a slice, their
 * projections), padded; values that are not finite or above 1e100 left
 * out. Returns 0, or -1 when nothing is left to fit (view unchanged). */
int session_view_fit(session *s);

/* Whether the surface is a slice (more than 2 parameters). */
bool session_sliced(const session *s);
/* Slices through the focused run's θ: of kind k (PCA: -1 when its path
 * does not span a plane yet; nothing changes), or random with the next
 * seed. The view becomes the slice's. */
int session_slice_kind(session *s, slice_kind k);
int session_slice_reseed(session *s);
/* After updates: takes the PCA slice again when it is due. Returns
 * whether the slice changed. */
bool session_slice_follow(session *s);

/* Whether any run can still take a step. */
bool session_any_running(const session *s);
/* One line on the state of run i: "running", "paused", "converged at
 * step 12", "diverged at step 7: loss is NaN", "paused at the step limit
 * 200", and while it goes on "stalled since step 310" or "converged: ‖g‖
 * 1e-12". */
void session_status_text(const session *s, int i, char *buf, size_t cap);

#endif
