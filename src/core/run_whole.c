/* Updates by the reference methods, and their evaluation counts. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run_whole.h"

const char *const optim_whole_origin[] = {"θ₀", NULL};

static const optim_whole *whole_of(const run *r) { return r->s.opt->whole; }

bool run_whole_counts_own(const run *r)
{
    const optim_whole *w = whole_of(r);
    return w && w->open;
}

static void add_cost(run *r, optim_cost c)
{
    long fe = 0, ge = 0;
    gradient_cost(r->s.grad, r->n, &fe, &ge);
    r->evals += c.f + c.g * fe;
    r->gevals += c.g * ge;
    r->hevals += c.h;
}

void run_whole_close(run *r)
{
    if (r->live)
        whole_of(r)->close(r->live);
    r->live = NULL;
}

void run_whole_restart(run *r)
{
    const optim_whole *w = whole_of(r);
    run_whole_close(r);
    if (!w || !w->open)
        return;
    memcpy(r->state, r->theta, r->n * sizeof *r->theta);
    add_cost(r, w->start_cost(r->n));
}

/* Opens the live state at the method's start and replays the updates
 * since (the cost of a copy's first step: opt_step iterates). */
static core_error ensure_live(run *r)
{
    const optim_whole *w = whole_of(r);
    if (r->live || !w || !w->open)
        return CORE_OK;
    void *live;
    core_error rc = w->open(r, r->state, &live);
    if (rc != CORE_OK)
        return rc;
    optim_cost ignored = {0, 0, 0};
    const char *why;
    for (long k = 0; k < r->opt_step; k++) {
        int st = w->iterate(live, &ignored, &why);
        if (st < 0) {
            w->close(live);
            return (core_error)st;
        }
    }
    r->live = live;
    return CORE_OK;
}

core_error run_prepare(run *r) { return ensure_live(r); }

static int method_update(run *r, double *theta, double *d, optim_cost *cost,
                         const char **why)
{
    const optim_whole *w = whole_of(r);
    if (w->step)
        return w->step(r, theta, d, cost, why);
    int rc = ensure_live(r);
    if (rc == 0)
        rc = w->iterate(r->live, cost, why);
    if (rc != 0)
        return rc;
    memcpy(theta, w->point(r->live), r->n * sizeof *theta);
    for (size_t i = 0; i < r->n; i++)
        d[i] = r->theta[i] - theta[i];
    return 0;
}

/* θ moves to theta with direction d. */
static void commit(run *r, const double *theta, const double *d)
{
    size_t n = r->n;
    memcpy(r->d_prev, r->d, n * sizeof *r->d);
    memcpy(r->theta_prev, r->theta, n * sizeof *r->theta);
    memcpy(r->theta, theta, n * sizeof *r->theta);
    memcpy(r->d, d, n * sizeof *r->d);
    double ss = 0.0;
    for (size_t i = 0; i < n; i++) {
        double u = r->theta[i] - r->theta_prev[i];
        ss += u * u;
    }
    r->last = (run_update_info){.clip_scale = 1.0, .lr_prev = r->lr,
                                .update_norm = sqrt(ss)};
    r->opt_step++;
}

int run_whole_update(run *r)
{
    double *b = malloc(2 * r->n * sizeof *b);
    optim_cost cost = {0, 0, 0};
    const char *why = NULL;
    int rc = b ? method_update(r, b, b + r->n, &cost, &why) : CORE_ENOMEM;
    add_cost(r, cost);
    if (rc == 0)
        commit(r, b, b + r->n);
    else if (rc < 0) {
        r->status = RUN_STOPPED;
        r->error = (core_error)rc;
    } else {
        bool small = r->grad_norm <= 1e-8 * fmax(1.0, fabs(r->loss));
        r->status = rc == OPTIM_NOPROGRESS && small ? RUN_CONVERGED
                                                    : RUN_STOPPED;
        r->stop_why = why;
    }
    free(b);
    return rc;
}

bool run_stage_applies(const run *r, run_stage s)
{
    unsigned caps = r->s.opt->caps;
    if (!whole_of(r))
        return true;
    return !((s == STAGE_GRADIENT && !(caps & OPTIM_NEEDS_GRADIENT)) ||
             (s == STAGE_CLIP && !(caps & OPTIM_TAKES_CLIP)) ||
             (s == STAGE_HYPERGRAD && !(caps & OPTIM_TAKES_HD)));
}

run_stage run_whole_next_stage(const run *r, run_stage s)
{
    do
        s = (run_stage)((s + 1) % RUN_STAGE_COUNT);
    while (!run_stage_applies(r, s));
    return s;
}

bool run_shape(const run *r, optim_shape *out)
{
    const optim_whole *w = whole_of(r);
    if (!w || !w->shape || !r->live)
        return false;
    w->shape(r->live, out);
    return true;
}

int run_notes(const run *r, optim_note *out)
{
    const optim_whole *w = whole_of(r);
    return w && w->notes ? w->notes(r, r->live, out) : 0;
}
