/* The reference methods of DESIGN §3d make a whole update themselves,
 * from the objective rather than from a clipped gradient: Newton from
 * the Hessian, GSL's minimisers through gsl_multimin. An optimiser type
 * with a `whole` entry is one of them; the run (run_whole.c) calls it in
 * its update stage and skips the stages the method does not have.
 *
 * GSL keeps a minimiser's state behind an opaque pointer, so it cannot
 * live in the run's block or be copied with it. Such a method keeps it
 * as live state beside the run, opened at the point where the method
 * (re)started (its first state vector) and advanced one iterate per
 * update. A copy of the run has none until it is needed: it is then
 * rebuilt by replaying the iterates since the start, which are
 * deterministic. */
#ifndef DESCENT_OPTIM_WHOLE_H
#define DESCENT_OPTIM_WHOLE_H

#include <stddef.h>

#include "core_error.h"

struct run;

/* The evaluations a method asked for: values of f, gradients by the
 * run's method, Hessians by the run's means (hessian.h). The run turns
 * them into its counts: a gradient by differences costs function
 * values (gradient_cost). */
typedef struct {
    long f, g, h;
} optim_cost;

/* What a method looked at in its last update, for the surface: every
 * point it evaluated (line-search probes, simplex trials) with what it
 * asked for there, and its simplex when it keeps one. */
enum { OPTIM_PROBES = 64, PROBE_F = 1, PROBE_DF = 2 };

typedef struct {
    const double *probes;      /* count × n, in the order evaluated */
    const unsigned char *kind; /* PROBE_* flags of each */
    size_t count;              /* the first OPTIM_PROBES are kept */
    size_t total;              /* evaluations made, kept or not */
    const double *simplex;     /* vertices × n, or NULL */
    size_t vertices;
} optim_shape;

/* Lines of the step panel about the last update, numbers in them. */
enum { OPTIM_NOTES = 8, OPTIM_NOTE = 112 };

typedef struct {
    char text[OPTIM_NOTE];
} optim_note;

/* How an update can end the run, θ unchanged: GSL says no further
 * progress is possible (converged when ‖g‖ ≤ 1e-8·max(1, |f|), else
 * stopped), or the method cannot go on (stopped). */
enum { OPTIM_NOPROGRESS = 1, OPTIM_STOP = 2 };

typedef struct optim_whole {
    /* Methods without live state (Newton): update r->step + 1 from r's θ
     * and g, into theta (θ_t) and d (θ_t = θ − α d); may write the
     * method's state in r. Returns 0, OPTIM_NOPROGRESS or OPTIM_STOP
     * with *why, or a core_error. */
    int (*step)(struct run *r, double *theta, double *d, optim_cost *cost,
                const char **why);
    /* Methods with live state: opens it at x0 for r's objective and
     * settings (r->lr is GSL's initial step size), frees it. */
    core_error (*open)(const struct run *r, const double *x0, void **live);
    void (*close)(void *live);
    /* One iterate of the live state: 0, OPTIM_NOPROGRESS or OPTIM_STOP
     * with *why (the point unchanged), or a core_error. */
    int (*iterate)(void *live, optim_cost *cost, const char **why);
    /* The live state's point after its last iterate: θ. */
    const double *(*point)(const void *live);
    /* The evaluations of a start (GSL's set) for n parameters. */
    optim_cost (*start_cost)(size_t n);
    /* What the last update looked at; NULL for methods without live
     * state. */
    void (*shape)(const void *live, optim_shape *out);
    /* The step panel's lines after update r->step (live: the live state,
     * or NULL when there is none): the first names the method, the last
     * says the evaluations so far. Returns how many, ≤ OPTIM_NOTES. */
    int (*notes)(const struct run *r, const void *live, optim_note *out);
} optim_whole;

/* The state of a method with live state: the point where it (re)started,
 * which a copy replays from. */
extern const char *const optim_whole_origin[];

/* Fills one note (a notes() helper). */
void optim_note_set(optim_note *n, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* scale·v as text for a note: "(a, b)" for two numbers, its norm and
 * the first for more. Returns buf. */
const char *optim_vec_text(char *buf, size_t cap, const double *v, size_t n,
                           double scale);

#endif
