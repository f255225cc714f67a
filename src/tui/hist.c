#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hist.h"
#include "model.h"
#include "grow.h"

int hist_init(hist *h)
{
    memset(h, 0, sizeof *h);
    h->snap_cap = HIST_SNAPSHOTS;
    h->snaps = calloc(HIST_SNAPSHOTS, sizeof *h->snaps);
    return h->snaps ? 0 : -1;
}

static void drop_snapshots(hist *h)
{
    for (size_t i = 0; i < h->count; i++)
        run_free(&h->snaps[(h->head + h->snap_cap - i) % h->snap_cap]);
    h->count = 0;
    h->head = 0;
}

static void path_free(hist_path *p)
{
    free(p->theta);
    free(p->step);
    p->theta = NULL;
    p->step = NULL;
    p->n = p->count = 0;
}

void hist_free(hist *h)
{
    if (h->snaps)
        drop_snapshots(h);
    free(h->snaps);
    free(h->rows);
    path_free(&h->path);
    memset(h, 0, sizeof *h);
}

/* Empties the path, sized for runs of n parameters (none for n ≤ 2:
 * the rows hold their θ). 0 or -1 (memory). */
static int path_restart(hist_path *p, size_t n)
{
    if (p->n != (n > 2 ? n : 0)) {
        path_free(p);
        if (n > 2) {
            p->theta = malloc(HIST_PATH_POINTS * n * sizeof *p->theta);
            p->step = malloc(HIST_PATH_POINTS * sizeof *p->step);
            if (!p->theta || !p->step) {
                path_free(p);
                return -1;
            }
            p->n = n;
        }
    }
    p->count = 0;
    p->stride = 1;
    p->gen++;
    return 0;
}

/* Keeps the points on multiples of twice the stride. */
static void path_thin(hist_path *p)
{
    size_t k = 0;
    for (size_t i = 0; i < p->count; i++)
        if (p->step[i] % (long)(2 * p->stride) == 0) {
            memmove(p->theta + k * p->n, p->theta + i * p->n,
                    p->n * sizeof *p->theta);
            p->step[k++] = p->step[i];
        }
    p->count = k;
    p->stride *= 2;
    p->gen++;
}

static void path_push(hist_path *p, const run *r)
{
    if (!p->n)
        return;
    if (p->count == HIST_PATH_POINTS)
        path_thin(p);
    if (r->step % (long)p->stride)
        return;
    memcpy(p->theta + p->count * p->n, r->theta, p->n * sizeof *p->theta);
    p->step[p->count++] = r->step;
}

/* Drops the points after update last. */
static void path_truncate(hist_path *p, long last)
{
    size_t k = p->count;
    while (k && p->step[k - 1] > last)
        k--;
    if (k != p->count)
        p->gen++;
    p->count = k;
}

static double norm2(const double *v, size_t n)
{
    double ss = 0.0;
    for (size_t i = 0; i < n; i++)
        ss += v[i] * v[i];
    return sqrt(ss);
}

static int push_row(hist *h, const run *r)
{
    hist_row *rows = grow(h->rows, &h->cap, h->nrows, sizeof *rows, 1024);
    if (!rows)
        return -1;
    h->rows = rows;
    const model *m = model_of(r->obj);
    model_metrics x = m ? model_evaluate(m, r->theta)
                        : (model_metrics){NAN, NAN, NAN};
    hist_row *row = &h->rows[h->nrows++];
    *row = (hist_row){
        .loss = r->loss, .grad_norm = r->grad_norm, .lr = r->lr,
        .hypergrad = r->last.hypergrad, .update_norm = r->last.update_norm,
        .clip_scale = r->last.clip_scale,
        .val_loss = x.val_loss, .train_acc = x.train_acc,
        .val_acc = x.val_acc, .batch_loss = r->batch_loss,
        .gclip_norm = r->step > 0 ? norm2(r->g_clipped, r->n) : 0.0,
        .theta = {r->theta[0], r->n > 1 ? r->theta[1] : 0.0},
        .evals = r->evals, .gevals = r->gevals,
        .clipped = r->last.clipped, .lr_clamped = r->last.lr_clamped};
    return 0;
}

static int push_snapshot(hist *h, const run *r)
{
    size_t slot = h->count ? (h->head + 1) % h->snap_cap : h->head;
    if (h->count == h->snap_cap)
        run_free(&h->snaps[slot]); /* the oldest */
    if (run_copy(&h->snaps[slot], r) < 0)
        return -1;
    h->head = slot;
    if (h->count < h->snap_cap)
        h->count++;
    return 0;
}

/* Snapshots of r that fit the byte budget, at least 64. */
static size_t snapshot_slots(const run *r)
{
    size_t slots = HIST_SNAPSHOT_BYTES / run_bytes(r);
    return slots > HIST_SNAPSHOTS ? HIST_SNAPSHOTS : slots < 64 ? 64 : slots;
}

int hist_restart(hist *h, const run *r)
{
    drop_snapshots(h);
    h->snap_cap = snapshot_slots(r);
    h->nrows = 0;
    if (path_restart(&h->path, r->n) < 0)
        return -1;
    return hist_record(h, r);
}

int hist_record(hist *h, const run *r)
{
    if (push_row(h, r) < 0)
        return -1;
    path_push(&h->path, r);
    return push_snapshot(h, r);
}

int hist_refresh(hist *h, const run *r)
{
    if (!h->count)
        return -1;
    run copy;
    if (run_copy(&copy, r) < 0)
        return -1;
    run_free(&h->snaps[h->head]);
    h->snaps[h->head] = copy;
    return 0;
}

static int restore(run *r, const run *snap)
{
    run copy;
    if (run_copy(&copy, snap) < 0)
        return -1;
    run_free(r);
    *r = copy;
    return 0;
}

int hist_back(hist *h, run *r)
{
    if (!h->count)
        return -1;
    bool mid_update = r->next != STAGE_EVALUATE;
    if (mid_update || r->step != h->snaps[h->head].step)
        return restore(r, &h->snaps[h->head]);
    /* The newest snapshot is r itself: drop it and go to the one before. */
    if (h->count < 2)
        return -1;
    run_free(&h->snaps[h->head]);
    h->head = (h->head + h->snap_cap - 1) % h->snap_cap;
    h->count--;
    h->nrows = (size_t)h->snaps[h->head].step + 1;
    path_truncate(&h->path, h->snaps[h->head].step);
    return restore(r, &h->snaps[h->head]);
}

const run *hist_previous(const hist *h)
{
    if (h->count < 2)
        return NULL;
    return &h->snaps[(h->head + h->snap_cap - 1) % h->snap_cap];
}
