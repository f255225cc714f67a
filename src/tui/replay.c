#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "replay.h"

static const char *const col_names[REPLAY_COLS] = {
    "loss", "grad_norm", "lr", "hypergrad", "clipped", "lr_clamped",
    "update_norm", "val_loss", "train_acc", "val_acc", "batch_loss"};

static double at(const trace_data *t, size_t i, int c)
{
    return c < 0 ? NAN : t->v[i * t->cols + (size_t)c];
}

hist_row replay_hist_row(const replay *rp, size_t i)
{
    const trace_data *t = &rp->t;
    const int *c = rp->col;
    int x0 = rp->params > 0 ? rp->x0 : -1, x1 = rp->params > 1 ? rp->x0 + 1 : -1;
    hist_row r = {
        .step = (long)i,
        .loss = at(t, i, c[REPLAY_COL_LOSS]),
        .grad_norm = at(t, i, c[REPLAY_COL_GRAD_NORM]),
        .lr = at(t, i, c[REPLAY_COL_LR]),
        .hypergrad = at(t, i, c[REPLAY_COL_HYPERGRAD]),
        .update_norm = at(t, i, c[REPLAY_COL_UPDATE_NORM]),
        /* Not in a trace: the clipped gradient's norm is not drawn. */
        .clip_scale = NAN, .gclip_norm = NAN,
        .val_loss = at(t, i, c[REPLAY_COL_VAL_LOSS]),
        .train_acc = at(t, i, c[REPLAY_COL_TRAIN_ACC]),
        .val_acc = at(t, i, c[REPLAY_COL_VAL_ACC]),
        .batch_loss = at(t, i, c[REPLAY_COL_BATCH_LOSS]),
        .theta = {at(t, i, x0), at(t, i, x1)},
        .clipped = at(t, i, c[REPLAY_COL_CLIPPED]) != 0.0,
        .lr_clamped = at(t, i, c[REPLAY_COL_LR_CLAMPED]) != 0.0};
    return r;
}

/* Whether name is "x" and the decimal j. */
static bool is_x(const char *name, size_t j)
{
    char want[24];
    snprintf(want, sizeof want, "x%zu", j);
    return strcmp(name, want) == 0;
}

/* The box of x0, x1 over the rows (a diverged last row left out: its θ
 * may be 1e100), padded by a tenth, never empty. */
static void path_box(replay *rp)
{
    double b[4] = {INFINITY, -INFINITY, INFINITY, -INFINITY};
    size_t n = rp->nrows - (replay_diverged(rp) && rp->nrows > 1 ? 1 : 0);
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 2; k++) {
            double v = rp->rows[i].theta[k];
            if (isfinite(v) && fabs(v) < 1e100) {
                b[2 * k] = fmin(b[2 * k], v);
                b[2 * k + 1] = fmax(b[2 * k + 1], v);
            }
        }
    for (int k = 0; k < 2; k++) {
        double lo = b[2 * k], hi = b[2 * k + 1];
        if (!(lo <= hi))
            lo = -1.0, hi = 1.0;
        double pad = (hi - lo) / 10.0;
        if (!(pad > 0.0))
            pad = fabs(lo) > 0.0 ? fabs(lo) / 10.0 : 1.0;
        rp->box[2 * k] = lo - pad;
        rp->box[2 * k + 1] = hi + pad;
    }
}

int replay_init(replay *rp, const char *file, trace_data *t)
{
    memset(rp, 0, sizeof *rp);
    snprintf(rp->file, sizeof rp->file, "%s", file);
    rp->t = *t;
    memset(t, 0, sizeof *t);
    /* Every column is found once: a model's trace has a column a
     * parameter (98,314 for a wide MLP), so nothing here may look names
     * up a row or a parameter at a time. */
    for (int c = 0; c < REPLAY_COLS; c++)
        rp->col[c] = trace_data_col(&rp->t, col_names[c]);
    rp->x0 = trace_data_col(&rp->t, "x0");
    /* The checked trace has x0, x1, ... side by side. */
    while (rp->x0 >= 0 && (size_t)rp->x0 + rp->params < rp->t.cols &&
           is_x(rp->t.names[(size_t)rp->x0 + rp->params], rp->params))
        rp->params++;
    rp->dim = rp->t.dim > 0 ? rp->t.dim : (long)rp->params;
    rp->accuracy = rp->col[REPLAY_COL_TRAIN_ACC] >= 0;
    rp->nrows = rp->t.rows;
    rp->rows = malloc(rp->nrows * sizeof *rp->rows);
    if (!rp->rows) {
        replay_free(rp);
        return -1;
    }
    for (size_t i = 0; i < rp->nrows; i++)
        rp->rows[i] = replay_hist_row(rp, i);
    path_box(rp);
    return 0;
}

void replay_free(replay *rp)
{
    trace_data_free(&rp->t);
    free(rp->rows);
    rp->rows = NULL;
}

double replay_value(const replay *rp, replay_col c, size_t i)
{
    return at(&rp->t, i, rp->col[c]);
}

double replay_theta(const replay *rp, size_t i, size_t j)
{
    return at(&rp->t, i, j < rp->params ? rp->x0 + (int)j : -1);
}

static double zero_value(const void *ctx, const double *x)
{
    (void)ctx;
    (void)x;
    return 0.0;
}

static void zero_gradient(const void *ctx, const double *x, double *g)
{
    (void)ctx;
    (void)x;
    g[0] = g[1] = 0.0;
}

void replay_plain_objective(const replay *rp, objective *obj)
{
    static const objective_ops ops = {.value = zero_value,
                                      .gradient = zero_gradient};
    memset(obj, 0, sizeof *obj);
    obj->name = "trace";
    obj->formula = "none";
    obj->dim = 2;
    memcpy(obj->view, rp->box, sizeof obj->view);
    obj->start[0] = rp->rows[0].theta[0];
    obj->start[1] = rp->rows[0].theta[1];
    obj->min_value = NAN;
    obj->ops = &ops;
}

int replay_attach(replay *rp, session *s)
{
    hist *h = &s->runs[0].h;
    free(h->rows);
    h->rows = rp->rows;
    h->cap = rp->nrows;
    rp->rows = NULL; /* the history frees them */
    s->start[0] = h->rows[0].theta[0];
    s->start[1] = h->rows[0].theta[1];
    replay_seek(rp, s, 0);
    return 0;
}

bool replay_at_end(const replay *rp) { return rp->cursor + 1 >= rp->t.rows; }

/* A CSV has no end record: its last row tells whether it diverged. */
static bool last_row_diverged(const replay *rp)
{
    size_t i = rp->t.rows - 1;
    for (size_t c = 1; c < rp->t.cols; c++)
        if (run_value_diverged(rp->t.v[i * rp->t.cols + c]) &&
            (int)c != rp->col[REPLAY_COL_CLIPPED])
            return true;
    return false;
}

bool replay_diverged(const replay *rp)
{
    if (rp->t.status)
        return strcmp(rp->t.status, "diverged") == 0;
    return last_row_diverged(rp);
}

static run_status end_status(const replay *rp)
{
    const char *st = rp->t.status;
    if (!st)
        return replay_diverged(rp) ? RUN_DIVERGED : RUN_STOPPED;
    return strcmp(st, "converged") == 0   ? RUN_CONVERGED
           : strcmp(st, "diverged") == 0  ? RUN_DIVERGED
           : strcmp(st, "max_steps") == 0 ? RUN_MAX_STEPS
                                          : RUN_STOPPED;
}

void replay_seek(replay *rp, session *s, size_t i)
{
    size_t n = rp->t.rows;
    rp->cursor = i < n ? i : n - 1;
    i = rp->cursor;
    session_run *sr = &s->runs[0];
    run *r = &sr->r;
    const hist_row *row = &sr->h.rows[i];
    sr->h.nrows = i + 1;
    hist_follow_rows(&sr->h);
    r->step = (long)i;
    r->loss = row->loss;
    r->grad_norm = row->grad_norm;
    r->lr = row->lr;
    r->last = (run_update_info){row->clipped, NAN, row->hypergrad,
                                row->lr_clamped,
                                i ? sr->h.rows[i - 1].lr : row->lr,
                                row->update_norm};
    const hist_row *prev = i ? &sr->h.rows[i - 1] : row;
    for (size_t k = 0; k < 2 && k < r->n; k++) {
        r->theta[k] = row->theta[k];
        r->theta_prev[k] = prev->theta[k];
        r->g[k] = 0.0;
    }
    if (rp->surface && isfinite(r->theta[0]) && isfinite(r->theta[1]) &&
        gradient_eval(r->obj, r->s.grad, r->s.h, r->theta, r->g) < 0)
        r->g[0] = r->g[1] = 0.0;
    bool end = replay_at_end(rp);
    r->status = end ? end_status(rp) : RUN_RUNNING;
    r->diverged_what = end && r->status == RUN_DIVERGED
        ? (rp->t.reason ? rp->t.reason : "a value is not finite or above 1e100")
        : NULL;
}

void replay_status_text(const replay *rp, char *buf, size_t cap)
{
    size_t last = rp->t.rows - 1;
    if (!replay_at_end(rp)) {
        snprintf(buf, cap, "%s", rp->running ? "playing" : "paused");
        return;
    }
    const char *st = rp->t.status;
    long steps = rp->t.end_steps >= 0 ? rp->t.end_steps : (long)last;
    if (st && strcmp(st, "diverged") == 0)
        snprintf(buf, cap, "diverged at step %ld%s%s", steps,
                 rp->t.reason ? ": " : "", rp->t.reason ? rp->t.reason : "");
    else if (st && strcmp(st, "max_steps") == 0)
        snprintf(buf, cap, "max steps %ld", steps);
    else if (st)
        snprintf(buf, cap, "%s at step %ld", st, steps);
    else if (last_row_diverged(rp))
        snprintf(buf, cap, "diverged at step %zu", last);
    else
        snprintf(buf, cap, "end of trace at step %zu", last);
}
