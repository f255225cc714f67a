#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hist.h"

int hist_init(hist *h)
{
    memset(h, 0, sizeof *h);
    h->snaps = calloc(HIST_SNAPSHOTS, sizeof *h->snaps);
    return h->snaps ? 0 : -1;
}

static void drop_snapshots(hist *h)
{
    for (size_t i = 0; i < h->count; i++)
        run_free(&h->snaps[(h->head + HIST_SNAPSHOTS - i) % HIST_SNAPSHOTS]);
    h->count = 0;
    h->head = 0;
}

void hist_free(hist *h)
{
    if (h->snaps)
        drop_snapshots(h);
    free(h->snaps);
    free(h->rows);
    memset(h, 0, sizeof *h);
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
    if (h->nrows == h->cap) {
        size_t cap = h->cap ? 2 * h->cap : 1024;
        hist_row *rows = realloc(h->rows, cap * sizeof *rows);
        if (!rows)
            return -1;
        h->rows = rows;
        h->cap = cap;
    }
    hist_row *row = &h->rows[h->nrows++];
    *row = (hist_row){
        .loss = r->loss, .grad_norm = r->grad_norm, .lr = r->lr,
        .hypergrad = r->last.hypergrad, .update_norm = r->last.update_norm,
        .clip_scale = r->last.clip_scale,
        .gclip_norm = r->step > 0 ? norm2(r->g_clipped, r->n) : 0.0,
        .theta = {r->theta[0], r->n > 1 ? r->theta[1] : 0.0},
        .clipped = r->last.clipped, .lr_clamped = r->last.lr_clamped};
    return 0;
}

static int push_snapshot(hist *h, const run *r)
{
    size_t slot = h->count ? (h->head + 1) % HIST_SNAPSHOTS : h->head;
    if (h->count == HIST_SNAPSHOTS)
        run_free(&h->snaps[slot]); /* the oldest */
    if (run_copy(&h->snaps[slot], r) < 0)
        return -1;
    h->head = slot;
    if (h->count < HIST_SNAPSHOTS)
        h->count++;
    return 0;
}

int hist_restart(hist *h, const run *r)
{
    drop_snapshots(h);
    h->nrows = 0;
    return hist_record(h, r);
}

int hist_record(hist *h, const run *r)
{
    if (push_row(h, r) < 0)
        return -1;
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
    h->head = (h->head + HIST_SNAPSHOTS - 1) % HIST_SNAPSHOTS;
    h->count--;
    h->nrows = (size_t)h->snaps[h->head].step + 1;
    return restore(r, &h->snaps[h->head]);
}
