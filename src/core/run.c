/* One update in five stages (DESIGN §2). The run keeps f and ∇f at the
 * current θ: update t ends by evaluating them at θ_t, so trace row t is
 * complete when run_step returns, and the evaluate and gradient stages of
 * update t+1 present those values rather than computing them again. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "precision.h"
#include "run.h"
#include "run_whole.h"
#include "vec.h"

static const char *const stage_names[RUN_STAGE_COUNT] = {
    "evaluate", "gradient", "clip", "hypergrad", "update"};

const char *run_stage_name(run_stage s) { return stage_names[s]; }

const char *run_status_name(run_status s)
{
    static const char *const names[] = {
        "running", "converged", "diverged", "max_steps", "stopped"};
    return names[s];
}

run_settings run_settings_default(void)
{
    return (run_settings){
        .opt = &optim_adam,
        .op = optim_params_default(),
        .lr = 1e-3,
        .grad = GRAD_ANALYTIC,
        .h = 1e-7,
        .clip = {CLIP_NONE, 0.0},
        .hd = {HD_OFF, 0.0, 0.0, INFINITY},
        .sched = {SCHED_NONE, 0, 0.0, 0.0, 0.0},
        .max_steps = 1000,
        .tol = 0.0,
        .batch = 0,
        .seed = 0,
    };
}

bool run_value_diverged(double v) { return !(fabs(v) <= 1e100); }

static bool any_diverged(const double *v, size_t n)
{
    return vec_any_beyond(v, n, 1e100);
}

static double norm2(const double *v, size_t n)
{
    return sqrt(vec_dot(v, v, n));
}

/* In float32 the run's numbers are float32 values: the few it computes
 * itself in double (norms, clipping) are rounded. */
static bool single(const run *r) { return r->obj->single; }

static bool batching(const run *r) { return r->s.batch > 0; }

/* The gradient at θ: of the current minibatch when batching. */
static int gradient_here(run *r)
{
    if (!batching(r))
        return gradient_eval(r->obj, r->s.grad, r->s.h, r->theta, r->g);
    r->batch_loss = r->obj->ops->batch(r->obj->ctx, r->theta,
                                       r->order + r->batch_start,
                                       r->batch_len, r->g);
    return 0;
}

/* The next minibatch's rows; a new epoch reshuffles. */
static void next_batch(run *r)
{
    size_t rows = r->obj->rows;
    r->batch_start += r->batch_len;
    if (r->epoch == 0 || r->batch_start >= rows) {
        rng_shuffle(&r->rng, r->order, rows);
        r->batch_start = 0;
        r->epoch++;
    }
    r->batch_len = rows - r->batch_start < r->s.batch ? rows - r->batch_start
                                                      : r->s.batch;
}

/* Counts the evaluation at θ as the method's own, unless it counts its
 * calls itself. */
static void count_evaluation(run *r)
{
    if (run_whole_counts_own(r))
        return;
    r->evals++;
    gradient_cost(r->s.grad, r->n, &r->evals, &r->gevals);
}

/* f and ∇f at θ: one pass when the objective has value_grad; with
 * minibatches, f on every training row and g on the next batch. */
static int value_gradient_here(run *r)
{
    if (!batching(r))
        return gradient_value_eval(r->obj, r->s.grad, r->s.h, r->theta,
                                   &r->loss, r->g);
    r->loss = r->obj->ops->value(r->obj->ctx, r->theta);
    next_batch(r);
    return gradient_here(r);
}

/* Evaluates f and ∇f at θ and settles the status after update r->step. */
static void evaluate_here(run *r)
{
    count_evaluation(r);
    int rc = value_gradient_here(r);
    if (rc < 0) {
        r->status = RUN_STOPPED; /* out of memory: nothing sound to do */
        r->error = (core_error)rc;
        return;
    }
    r->grad_norm = prec_round(single(r), norm2(r->g, r->n));
    if (any_diverged(r->theta, r->n))
        r->diverged_what = "a parameter is not finite or above 1e100";
    else if (run_value_diverged(r->loss))
        r->diverged_what = isnan(r->loss) ? "loss is NaN"
                           : isinf(r->loss) ? "loss is infinite"
                                            : "loss is above 1e100";
    else if (any_diverged(r->g, r->n))
        r->diverged_what = "gradient is not finite or above 1e100";
    else if (run_value_diverged(r->lr))
        r->diverged_what = "learning rate is not finite or above 1e100";
    if (r->diverged_what)
        r->status = RUN_DIVERGED;
    else if (r->s.tol > 0.0 && r->grad_norm < r->s.tol)
        r->status = RUN_CONVERGED;
    else if (r->step >= r->s.max_steps)
        r->status = RUN_MAX_STEPS;
}

static void free_arrays(run *r)
{
    free(r->theta);
    free(r->order);
    r->theta = NULL;
    r->order = NULL;
}

/* One block holds every array: 6 vectors, then the optimiser's state. */
enum { RUN_VECTORS = 6 };

static size_t block_len(const run *r)
{
    return RUN_VECTORS * r->n + r->state_len;
}

static void point_into(run *r, double *block)
{
    size_t n = r->n;
    r->theta = block;
    r->g = block + n;
    r->g_clipped = block + 2 * n;
    r->d = block + 3 * n;
    r->d_prev = block + 4 * n;
    r->theta_prev = block + 5 * n;
    r->state = block + 6 * n;
}

/* The arrays of a run whose n, state_len and settings are set; on
 * failure it holds none. */
static core_error alloc_arrays(run *r)
{
    double *block = calloc(block_len(r), sizeof *block);
    r->theta = NULL;
    r->order = NULL;
    if (!block)
        return CORE_ENOMEM;
    point_into(r, block);
    if (batching(r) && !(r->order = malloc(r->obj->rows * sizeof *r->order))) {
        free_arrays(r);
        return CORE_ENOMEM;
    }
    return CORE_OK;
}

/* Room for len doubles of optimiser state, the rest kept; on failure the
 * run is as it was. */
static core_error resize_state(run *r, size_t len)
{
    if (len == r->state_len)
        return CORE_OK;
    double *block = realloc(r->theta, (RUN_VECTORS * r->n + len) *
                                          sizeof *block);
    if (!block && len > r->state_len)
        return CORE_ENOMEM;
    if (block) /* a block that failed to shrink serves as it is */
        point_into(r, block);
    r->state_len = len;
    return CORE_OK;
}

/* Whether s can run on obj (run_init's errors but memory). */
static core_error check_settings(const objective *obj, const run_settings *s)
{
    if (!s->opt)
        return CORE_ERANGE;
    if (!gradient_available(obj, s->grad))
        return CORE_ENOGRAD;
    if (s->batch > 0 && (obj->rows == 0 || !obj->ops->batch ||
                         s->grad != GRAD_ANALYTIC || s->opt->whole))
        return CORE_EBATCH;
    if (!(s->h > 0.0) || !isfinite(s->h))
        return CORE_ERANGE;
    if (s->clip.mode != CLIP_NONE) {
        if (!(s->opt->caps & OPTIM_TAKES_CLIP))
            return CORE_EUNSUPPORTED;
        if (!(s->clip.c > 0.0) || !isfinite(s->clip.c))
            return CORE_ERANGE;
    }
    if (s->hd.mode != HD_OFF) {
        if (!(s->opt->caps & OPTIM_TAKES_HD))
            return CORE_EUNSUPPORTED;
        if (!isfinite(s->hd.beta) || !(s->hd.lr_min < s->hd.lr_max))
            return CORE_ERANGE;
    }
    if (s->sched.kind != SCHED_NONE) {
        if (!(s->opt->caps & OPTIM_TAKES_SCHEDULE))
            return CORE_EUNSUPPORTED;
        if (s->hd.mode != HD_OFF)
            return CORE_ECONFLICT;
        if (!schedule_valid(&s->sched))
            return CORE_ERANGE;
    }
    return CORE_OK;
}

core_error run_init(run *r, const objective *obj, const run_settings *s,
                    const double *start)
{
    memset(r, 0, sizeof *r);
    core_error rc = check_settings(obj, s);
    if (rc != CORE_OK)
        return rc;
    r->obj = obj;
    r->s = *s;
    r->s.op.single = obj->single;
    r->n = obj->dim;
    r->state_len = optim_state_len(s->opt, &s->op, r->n);
    if ((rc = alloc_arrays(r)) != CORE_OK) {
        memset(r, 0, sizeof *r);
        return rc;
    }
    optim_init(s->opt, &r->s.op, r->state, r->n);
    r->batch_loss = NAN;
    rng_seed(&r->rng, s->seed);
    for (size_t i = 0; r->order && i < obj->rows; i++)
        r->order[i] = i;
    memcpy(r->theta, start, r->n * sizeof *r->theta);
    memcpy(r->theta_prev, start, r->n * sizeof *r->theta);
    r->lr = schedule_start(&s->sched, s->lr);
    r->status = RUN_RUNNING;
    r->next = STAGE_EVALUATE;
    r->last = (run_update_info){.clip_scale = 1.0, .lr_prev = r->lr};
    evaluate_here(r);
    run_whole_restart(r);
    return CORE_OK;
}

void run_free(run *r)
{
    run_whole_close(r);
    free_arrays(r);
}

size_t run_bytes(const run *r)
{
    return sizeof *r + block_len(r) * sizeof(double) +
           (r->order ? r->obj->rows * sizeof *r->order : 0);
}

core_error run_copy(run *dst, const run *src)
{
    *dst = *src;
    dst->live = NULL;
    if (alloc_arrays(dst) != CORE_OK) {
        memset(dst, 0, sizeof *dst);
        return CORE_ENOMEM;
    }
    memcpy(dst->theta, src->theta, block_len(src) * sizeof *src->theta);
    if (src->order)
        memcpy(dst->order, src->order, src->obj->rows * sizeof *src->order);
    return CORE_OK;
}

static void stage_clip(run *r)
{
    r->last.clipped = clip_apply(r->s.clip, r->g, r->n, r->g_clipped,
                                 &r->last.clip_scale);
    if (r->last.clipped && single(r))
        for (size_t i = 0; i < r->n; i++)
            r->g_clipped[i] = prec_round(true, r->g_clipped[i]);
}

/* The schedule's α for the update after `done` updates, from lr, the
 * α of the update before: update t finds it after t − 1 steps, counted
 * from where the schedule started. */
static double sched_rate(const run *r, double lr, long done)
{
    long e = done - r->sched_from;
    return e >= 1 ? schedule_next(&r->s.sched, lr, r->s.lr, e) : lr;
}

void run_lr_ahead(const run *r, double *out, size_t n)
{
    double lr = r->lr;
    bool scheduled = r->s.sched.kind != SCHED_NONE;
    /* Past its hypergrad stage the update under way has its α. */
    bool set = r->next > STAGE_HYPERGRAD;
    for (size_t k = 0; k < n; k++) {
        if (scheduled && (k > 0 || !set))
            lr = sched_rate(r, lr, r->step + (long)k);
        out[k] = lr;
    }
}

/* α_t: by hypergradient descent, or by the schedule. */
static void stage_hypergrad(run *r)
{
    r->last.lr_prev = r->lr;
    if (r->s.sched.kind != SCHED_NONE) {
        r->lr = sched_rate(r, r->lr, r->step);
        r->last.hypergrad = 0.0;
        r->last.lr_clamped = false;
        return;
    }
    /* d holds d_{t-1} until the update stage replaces it. */
    hd_result h = hd_update(r->s.hd, r->lr, r->g, r->d, r->n);
    r->last.hypergrad = h.h;
    r->last.lr_clamped = h.clamped;
    r->lr = h.lr;
}

/* θ − α d as the paper writes it. */
static inline void step_plain(double *theta, const double *d, double lr,
                              size_t n, bool single)
{
    double a = PR(lr);
    for (size_t i = 0; i < n; i++)
        theta[i] = PR(theta[i] - PR(a * d[i]));
}

static void stage_update(run *r)
{
    size_t n = r->n;
    if (r->s.opt->whole) {
        if (run_whole_update(r) != 0)
            return; /* the method stopped the run where it was */
        r->step++;
        evaluate_here(r);
        return;
    }
    memcpy(r->d_prev, r->d, n * sizeof *r->d);
    memcpy(r->theta_prev, r->theta, n * sizeof *r->theta);
    r->opt_step++;
    const optimizer_type *o = r->s.opt;
    optim_direction(o, &r->s.op, r->state, n, r->opt_step, r->g_clipped,
                    r->theta, r->d);
    /* Plain optimisers round the update as torch.optim does, so runs
     * compare with PyTorch bit for bit; with hypergradients on, the update
     * is the paper's θ - α d as written. */
    if (r->s.hd.mode == HD_OFF)
        o->apply(&r->s.op, r->state, n, r->opt_step, r->g_clipped, r->d,
                 r->lr, r->theta);
    else
        PREC_DISPATCH(single(r), step_plain, r->theta, r->d, r->lr, n);
    r->last.update_norm =
        prec_round(single(r), sqrt(vec_sumsq_scaled(r->lr, r->d, n)));
    r->step++;
    evaluate_here(r);
}

run_status run_stage_step(run *r)
{
    if (r->status != RUN_RUNNING)
        return r->status;
    switch (r->next) {
    case STAGE_EVALUATE:
    case STAGE_GRADIENT: break;
    case STAGE_CLIP: stage_clip(r); break;
    case STAGE_HYPERGRAD: stage_hypergrad(r); break;
    case STAGE_UPDATE: stage_update(r); break;
    }
    r->next = run_whole_next_stage(r, r->next);
    return r->status;
}

run_status run_step(run *r)
{
    if (r->status != RUN_RUNNING)
        return r->status;
    if (r->next == STAGE_EVALUATE) {
        /* A whole update: its evaluate and gradient stages present what
         * the last one left, so only these three do anything. */
        stage_clip(r);
        stage_hypergrad(r);
        stage_update(r);
        return r->status;
    }
    do
        run_stage_step(r);
    while (r->next != STAGE_EVALUATE && r->status == RUN_RUNNING);
    return r->status;
}

void run_stop(run *r)
{
    if (r->status == RUN_RUNNING)
        r->status = RUN_STOPPED;
}

run_settings run_settings_of(const run *r)
{
    run_settings s = r->s;
    if (s.sched.kind == SCHED_NONE)
        s.lr = r->lr;
    return s;
}

void run_reset_optimizer(run *r)
{
    optim_init(r->s.opt, &r->s.op, r->state, r->n);
    r->opt_step = 0;
    run_whole_restart(r);
}

/* The schedule from this update on, with base α. */
static void restart_schedule(run *r, double base)
{
    r->s.lr = base;
    r->lr = schedule_start(&r->s.sched, base);
    r->sched_from = r->step;
}

/* Every check and every step that can fail comes before the first
 * change, so a failure leaves the run as it was. */
core_error run_set_settings(run *r, const run_settings *s)
{
    core_error rc = check_settings(r->obj, s);
    if (rc != CORE_OK)
        return rc;
    if (s->batch != r->s.batch)
        return CORE_EBATCH;
    /* An α that diverged to NaN is the α in effect too. */
    double lr_now = run_settings_of(r).lr;
    bool new_lr = s->lr != lr_now && !(isnan(s->lr) && isnan(lr_now));
    if (new_lr && (!(s->lr > 0.0) || !isfinite(s->lr)))
        return CORE_ERANGE;
    double *g = NULL;
    if (s->grad != r->s.grad || (grad_method_uses_h(s->grad) && s->h != r->s.h)) {
        if (!(g = malloc(r->n * sizeof *g)))
            return CORE_ENOMEM;
        rc = gradient_eval(r->obj, s->grad, s->h, r->theta, g);
    }
    optim_params op = s->op;
    op.single = r->s.op.single;
    size_t old_len = r->state_len, len = optim_state_len(s->opt, &op, r->n);
    if (rc == CORE_OK)
        rc = resize_state(r, len);
    if (rc != CORE_OK) {
        free(g);
        return rc;
    }
    bool new_opt = s->opt != r->s.opt;
    bool new_sched = !schedule_equal(&s->sched, &r->s.sched);
    /* A GSL minimiser starts again on a new α, or a new gradient if it
     * uses one. */
    bool new_grad = (s->grad != r->s.grad ||
                     (grad_method_uses_h(s->grad) && s->h != r->s.h)) &&
                    (s->opt->caps & OPTIM_NEEDS_GRADIENT);
    bool restart = !new_opt && run_whole_counts_own(r) && (new_lr || new_grad);
    double lr_set = r->s.lr, base = new_lr ? s->lr
                                 : r->s.sched.kind != SCHED_NONE ? lr_set
                                                                 : r->lr;
    if (new_opt)
        run_whole_close(r); /* by the type that opened it */
    r->s = *s;
    r->s.op = op;
    if (new_lr)
        r->lr = s->lr;
    else
        r->s.lr = lr_set;
    if (s->sched.kind != SCHED_NONE && (new_sched || new_lr))
        restart_schedule(r, base);
    if (new_opt || restart)
        run_reset_optimizer(r);
    else if (len > old_len) /* amsgrad on: its maximum starts at zero */
        memset(r->state + old_len, 0, (len - old_len) * sizeof *r->state);
    if (g) {
        memcpy(r->g, g, r->n * sizeof *g);
        r->grad_norm = norm2(r->g, r->n);
        free(g);
    }
    return CORE_OK;
}

core_error run_set_lr(run *r, double lr)
{
    if (!(lr > 0.0) || !isfinite(lr))
        return CORE_ERANGE;
    bool restart = lr != r->lr && run_whole_counts_own(r);
    r->lr = lr;
    r->s.lr = lr;
    if (restart) /* GSL's step size is set at its start */
        run_reset_optimizer(r);
    if (r->s.sched.kind != SCHED_NONE)
        restart_schedule(r, lr);
    return CORE_OK;
}

core_error run_set_optimizer(run *r, const optimizer_type *opt)
{
    bool same = opt == r->s.opt; /* another one starts afresh anyway */
    run_settings s = run_settings_of(r);
    s.opt = opt;
    if (opt)
        s.lr = optim_follow_lr(r->s.opt, opt, s.lr);
    core_error rc = run_set_settings(r, &s);
    if (rc == CORE_OK && same)
        run_reset_optimizer(r);
    return rc;
}

core_error run_set_grad(run *r, grad_method m, double h)
{
    run_settings s = run_settings_of(r);
    s.grad = m;
    s.h = h;
    return run_set_settings(r, &s);
}

core_error run_set_clip(run *r, clip_setting c)
{
    run_settings s = run_settings_of(r);
    s.clip = c;
    return run_set_settings(r, &s);
}

core_error run_set_hd(run *r, hd_setting hd)
{
    run_settings s = run_settings_of(r);
    s.hd = hd;
    return run_set_settings(r, &s);
}
