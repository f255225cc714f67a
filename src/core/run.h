/* A run: an objective, an optimiser, its settings and its state, stepped
 * one update (or one stage of an update) at a time. A run is a value: it
 * can be copied (run_copy), stepped and freed; the objective it points to
 * is shared, immutable and must outlive every copy. Settings may change
 * between steps without a reset (DESIGN §2). */
#ifndef DESCENT_RUN_H
#define DESCENT_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "clip.h"
#include "core_error.h"
#include "gradient.h"
#include "hypergrad.h"
#include "objective.h"
#include "optim_whole.h"
#include "optimizer.h"
#include "rng.h"
#include "schedule.h"

typedef struct {
    const optimizer_type *opt;
    optim_params op;
    double lr;          /* α_0 at the start; after that, set by the user */
    grad_method grad;
    double h;           /* central-difference step */
    clip_setting clip;
    hd_setting hd;
    schedule sched;     /* the rate by update (DESIGN §3c); not with hd */
    long max_steps;     /* ≥ 1 */
    double tol;         /* stop when ‖g‖ < tol; 0: off */
    size_t batch;       /* minibatch size (objectives with rows); 0: full */
    uint64_t seed;      /* seeds the minibatch shuffling */
} run_settings;

/* DESIGN defaults: adam, lr 1e-3, analytic, h 1e-7, no clip, HD off,
 * 1000 steps, tol off, full batch, seed 0. */
run_settings run_settings_default(void);

/* The stages of one update (DESIGN §2), in order. */
typedef enum {
    STAGE_EVALUATE, STAGE_GRADIENT, STAGE_CLIP, STAGE_HYPERGRAD, STAGE_UPDATE
} run_stage;

enum { RUN_STAGE_COUNT = 5 };

const char *run_stage_name(run_stage s);

typedef enum {
    RUN_RUNNING, RUN_CONVERGED, RUN_DIVERGED, RUN_MAX_STEPS, RUN_STOPPED
} run_status;

const char *run_status_name(run_status s);

/* What update t did; the trace row t is these plus the state after it. */
typedef struct {
    bool clipped;
    double clip_scale;  /* min(1, C/‖g‖) for norm clipping, else 1 */
    double hypergrad;   /* h_t */
    bool lr_clamped;
    double lr_prev;     /* α_{t-1} */
    double update_norm; /* ‖α_t d_t‖ */
} run_update_info;

typedef struct run {
    const objective *obj;
    run_settings s;
    size_t n;
    long step;          /* updates done: θ is θ_step */
    long opt_step;      /* updates since the optimiser's state was zeroed */
    run_stage next;     /* the stage the next run_stage_step performs */
    run_status status;
    double lr;          /* α in effect (α_step) */
    long sched_from;    /* r->step when the schedule (re)started */
    double loss;        /* f(θ) */
    double grad_norm;   /* ‖g‖ of the raw gradient at θ */
    run_update_info last;
    /* Arrays of n doubles. */
    double *theta;
    double *g;          /* raw gradient at θ by s.grad */
    double *g_clipped;  /* ĝ of the update in progress or the last one */
    double *d;          /* direction of the last update (zero before) */
    double *d_prev;     /* direction before that, for HD */
    double *theta_prev; /* θ before the last update */
    double *state;      /* the optimiser's state, state_len doubles */
    size_t state_len;   /* optim_state_len(s.opt, n) */
    /* Set when status is RUN_DIVERGED: what went non-finite or huge. */
    const char *diverged_what;
    /* Set when the run stopped itself (RUN_STOPPED): why. */
    core_error error;
    /* Minibatches (s.batch > 0): every evaluation at θ_t draws the rows
     * for update t+1, so g (and grad_norm, and the tol test) is that
     * minibatch's gradient at θ_t and batch_loss its loss, while loss
     * stays the whole training objective. Each epoch takes the training
     * rows in a fresh order from rng, batch by batch; the last batch of
     * an epoch may be smaller. NaN batch_loss when not batching. */
    double batch_loss;
    long epoch;         /* epochs begun */
    size_t *order;      /* obj->rows row indices, this epoch's order */
    size_t batch_start, batch_len; /* the current batch in order */
    rng rng;
    /* Evaluations so far (DESIGN §6 evals, gevals; Hessians beside them),
     * counted as the method asked for them: a first-order update and
     * Newton's evaluate f and ∇f at θ_t (Newton also H at θ_{t-1}); GSL's
     * minimisers count their own calls, and the run's f and ∇f at θ for
     * the screen are not theirs. A gradient by differences counts as
     * its function values (gradient_cost). */
    long evals, gevals, hevals;
    /* Why a reference method ended the run (no further progress
     * possible, a singular Hessian: converged or stopped), or NULL. */
    const char *stop_why;
    /* A reference method's live state (optim_whole.h), or NULL. A copy
     * has none: it is rebuilt when needed, by replaying the opt_step
     * iterates since the method's start. */
    void *live;
} run;

/* Starts a run at start (obj->dim values). Returns 0, or
 * CORE_ENOGRAD   the gradient method is not available for obj,
 * CORE_EBATCH    s->batch > 0 on an objective without rows, with a
 *                method other than analytic, or with a reference method,
 * CORE_ERANGE    h, a clip threshold or the hypergradient's β or clamp
 *                out of range (α may be anything: HD may make it so),
 * CORE_EUNSUPPORTED clipping, hypergradients or a schedule for an
 *                optimiser that takes none,
 * CORE_ECONFLICT a schedule and hypergradients at once,
 * CORE_ENOMEM.
 * On failure r holds nothing (run_free is safe on it). The initial point
 * is evaluated, so the run may begin diverged. */
core_error run_init(run *r, const objective *obj, const run_settings *s,
                    const double *start);
void run_free(run *r);
/* Deep copy, one allocation (two with minibatches); 0, or CORE_ENOMEM
 * with dst holding nothing. */
core_error run_copy(run *dst, const run *src);
/* The bytes a copy of r takes, its struct included. */
size_t run_bytes(const run *r);

/* Whether r's optimiser has stage s: the reference methods have no
 * clipping or hypergradient stage, Nelder-Mead no gradient stage. */
bool run_stage_applies(const run *r, run_stage s);

/* One whole update (finishing the one in progress). Returns the status. */
run_status run_step(run *r);
/* One stage of the update; the stage done is r->next before the call. */
run_status run_stage_step(run *r);

/* Asks the run to stop: status becomes RUN_STOPPED. */
void run_stop(run *r);

/* The α of the run's next n updates as its schedule will make them from
 * now (out[0]: update step + 1, the one under way mid-update), the
 * current α throughout without one: what the lr chart draws ahead. */
void run_lr_ahead(const run *r, double *out, size_t n);

/* Setting changes that keep the run's state. Each returns 0, or an error
 * (those of run_init; CORE_ERANGE for an α not > 0 and finite, CORE_EBATCH
 * for another minibatch size) and then leaves the run unchanged.
 * run_set_settings changes any at once; start from run_settings_of(r).
 * Its s->lr is the α to go on with: the α in effect, or with a schedule
 * the schedule's base. When it differs, α and the rate set (r->s.lr)
 * both become it, otherwise the α that hypergradients reached stays.
 * With a schedule, a new α, like a new schedule, (re)starts the schedule
 * at this update with that α as its base, as a new torch scheduler
 * would (a schedule switched on starts from the α in effect). Another
 * optimiser starts from its initial state (run_set_optimizer restarts it
 * even when it is the same, and a run on the old one's default α goes
 * on with the new one's: optim_follow_lr); a GSL minimiser also starts
 * again on a new α or gradient method; another gradient method, or
 * another h of central differences, recomputes the gradient at θ. */
run_settings run_settings_of(const run *r);
core_error run_set_settings(run *r, const run_settings *s);
core_error run_set_lr(run *r, double lr);
core_error run_set_optimizer(run *r, const optimizer_type *opt);
core_error run_set_grad(run *r, grad_method m, double h);
core_error run_set_clip(run *r, clip_setting c);
core_error run_set_hd(run *r, hd_setting hd);
/* The optimiser's state back to its start (update counter included). */
void run_reset_optimizer(run *r);

/* Reference methods (run_whole.c). Builds a copy's live state now
 * (replaying; otherwise its next update does), so that run_shape can
 * show what the last update looked at. 0 or CORE_ENOMEM. */
core_error run_prepare(run *r);
/* What the last update of a method with live state looked at; false
 * when there is nothing to show (first-order, Newton, no live state). */
bool run_shape(const run *r, optim_shape *out);
/* The step panel's lines about the last update of a reference method;
 * 0 for the first-order optimisers. */
int run_notes(const run *r, optim_note *out);

/* Whether a value counts as diverged (non-finite or |v| > 1e100). */
bool run_value_diverged(double v);

#endif
