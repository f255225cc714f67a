/* One update in five stages (DESIGN §2). The run keeps f and ∇f at the
 * current θ: update t ends by evaluating them at θ_t, so trace row t is
 * complete when run_step returns, and the evaluate and gradient stages of
 * update t+1 present those values rather than computing them again. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
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
    if (value_gradient_here(r) < 0) {
        r->status = RUN_STOPPED; /* out of memory: nothing sound to do */
        return;
    }
    r->grad_norm = norm2(r->g, r->n);
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

/* One block holds every array: 6 vectors and the optimiser state. */
enum { RUN_VECTORS = 6 };

static int alloc_arrays(run *r)
{
    size_t n = r->n;
    double *block = calloc((RUN_VECTORS + RUN_STATE_PER_PARAM) * n,
                           sizeof *block);
    if (!block)
        return -1;
    r->theta = block;
    r->g = block + n;
    r->g_clipped = block + 2 * n;
    r->d = block + 3 * n;
    r->d_prev = block + 4 * n;
    r->theta_prev = block + 5 * n;
    r->state = block + 6 * n;
    r->order = NULL;
    if (batching(r) && !(r->order = malloc(r->obj->rows * sizeof *r->order))) {
        free_arrays(r);
        return -1;
    }
    return 0;
}

int run_init(run *r, const objective *obj, const run_settings *s,
             const double *start)
{
    memset(r, 0, sizeof *r);
    if (!gradient_available(obj, s->grad))
        return -1;
    if (s->batch > 0 && (obj->rows == 0 || !obj->ops->batch ||
                         s->grad != GRAD_ANALYTIC))
        return -1;
    r->obj = obj;
    r->s = *s;
    r->n = obj->dim;
    if (alloc_arrays(r) < 0)
        return -1;
    r->batch_loss = NAN;
    rng_seed(&r->rng, s->seed);
    for (size_t i = 0; r->order && i < obj->rows; i++)
        r->order[i] = i;
    memcpy(r->theta, start, r->n * sizeof *r->theta);
    memcpy(r->theta_prev, start, r->n * sizeof *r->theta);
    r->lr = s->lr;
    r->status = RUN_RUNNING;
    r->next = STAGE_EVALUATE;
    r->last = (run_update_info){.clip_scale = 1.0, .lr_prev = s->lr};
    evaluate_here(r);
    return 0;
}

void run_free(run *r)
{
    free_arrays(r);
}

size_t run_bytes(const run *r)
{
    return sizeof *r + (RUN_VECTORS + RUN_STATE_PER_PARAM) * r->n * sizeof(double) +
           (r->order ? r->obj->rows * sizeof *r->order : 0);
}

int run_copy(run *dst, const run *src)
{
    *dst = *src;
    if (alloc_arrays(dst) < 0)
        return -1;
    memcpy(dst->theta, src->theta,
           (RUN_VECTORS + RUN_STATE_PER_PARAM) * src->n * sizeof *src->theta);
    if (src->order)
        memcpy(dst->order, src->order, src->obj->rows * sizeof *src->order);
    return 0;
}

static void stage_clip(run *r)
{
    r->last.clipped = clip_apply(r->s.clip, r->g, r->n, r->g_clipped,
                                 &r->last.clip_scale);
}

static void stage_hypergrad(run *r)
{
    /* d holds d_{t-1} until the update stage replaces it. */
    hd_result h = hd_update(r->s.hd, r->lr, r->g, r->d, r->n);
    r->last.lr_prev = r->lr;
    r->last.hypergrad = h.h;
    r->last.lr_clamped = h.clamped;
    r->lr = h.lr;
}

static void stage_update(run *r)
{
    size_t n = r->n;
    memcpy(r->d_prev, r->d, n * sizeof *r->d);
    memcpy(r->theta_prev, r->theta, n * sizeof *r->theta);
    r->opt_step++;
    const optimizer_type *o = r->s.opt;
    o->direction(&r->s.op, r->state, n, r->opt_step, r->g_clipped, r->d);
    /* Plain optimisers round the update as torch.optim does, so runs
     * compare with PyTorch bit for bit; with hypergradients on, the update
     * is the paper's θ - α d as written. */
    if (r->s.hd.mode == HD_OFF)
        o->apply(&r->s.op, r->state, n, r->opt_step, r->g_clipped, r->d,
                 r->lr, r->theta);
    else
        for (size_t i = 0; i < n; i++)
            r->theta[i] -= r->lr * r->d[i];
    r->last.update_norm = sqrt(vec_sumsq_scaled(r->lr, r->d, n));
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
    r->next = (run_stage)((r->next + 1) % RUN_STAGE_COUNT);
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

int run_set_lr(run *r, double lr)
{
    if (!(lr > 0.0) || !isfinite(lr))
        return -1;
    r->lr = lr;
    r->s.lr = lr;
    return 0;
}

int run_set_optimizer(run *r, const optimizer_type *opt)
{
    if (!opt)
        return -1;
    r->s.opt = opt;
    r->opt_step = 0;
    memset(r->state, 0, RUN_STATE_PER_PARAM * r->n * sizeof *r->state);
    return 0;
}

int run_set_grad(run *r, grad_method m, double h)
{
    if (!gradient_available(r->obj, m) || !(h > 0.0) || !isfinite(h) ||
        (batching(r) && m != GRAD_ANALYTIC))
        return -1;
    r->s.grad = m;
    r->s.h = h;
    if (gradient_here(r) < 0)
        return -1;
    r->grad_norm = norm2(r->g, r->n);
    return 0;
}

void run_set_clip(run *r, clip_setting c) { r->s.clip = c; }

void run_set_hd(run *r, hd_setting hd) { r->s.hd = hd; }
