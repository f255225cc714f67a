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

enum { SESSION_MAX_RUNS = 4, SESSION_SPEEDS = 11 };

/* Updates per second of live running, slowest first. */
extern const int session_speeds[SESSION_SPEEDS];

/* The step panel's gradient check of one update (stepdoc.c). */
typedef struct {
    long update;        /* -1: none */
    grad_method method; /* the run's method and h it was made against */
    double h;
    double err[GRAD_METHOD_COUNT];
} gradcheck_cache;

typedef struct {
    run r;
    hist h;
    gradcheck_cache check;
    long steps_granted; /* max_steps as first given, to extend by */
    slice_proj proj;    /* its path on the slice (more than 2 parameters) */
} session_run;

typedef struct {
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
} session;

/* Opens spec (NULL: rosenbrock) and starts one run with settings s at
 * start (NULL: the objective's) in view (NULL: the objective's). Returns
 * 0, or -1 with a message in err (bad objective, no such gradient). */
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
/* Every run back to the start with its current settings. Returns 0, or
 * the first run's error (a run that cannot start stays as it was). */
core_error session_reset(session *s);
/* A new run with the focused run's settings, all runs restarted so they
 * step together. Returns 0, CORE_ERANGE when there are SESSION_MAX_RUNS
 * already, or why a run could not start (the new one is then not added;
 * an old one that cannot restart stays as it was). */
core_error session_add_run(session *s);
/* Removes the focused run unless it is the only one. */
int session_remove_run(session *s);
/* Call after changing the focused run's settings between updates, so a
 * later step back keeps them. */
void session_settings_changed(session *s);

/* Switches the objective; the runs keep their settings (a gradient
 * method the new objective lacks falls back to AD, then central) and
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
 * step 12", "diverged at step 7: loss is NaN", "max steps 1000". */
void session_status_text(const session *s, int i, char *buf, size_t cap);

#endif
