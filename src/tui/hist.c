#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "hist.h"
#include "model.h"

static void bands_clear(hist *h)
{
    for (size_t i = 0; i < HS_COUNT * HIST_BANDS; i++)
        h->bands[i] = (hist_band){NAN, NAN, NAN, NAN};
    h->band_steps = 1;
    h->band_end = 0;
    h->band_rows = 0;
}

int hist_init(hist *h)
{
    memset(h, 0, sizeof *h);
    h->snap_cap = HIST_SNAPSHOTS;
    h->stride = 1;
    h->snaps = calloc(HIST_SNAPSHOTS, sizeof *h->snaps);
    h->bands = malloc(HS_COUNT * HIST_BANDS * sizeof *h->bands);
    if (!h->snaps || !h->bands) {
        free(h->snaps);
        free(h->bands);
        return -1;
    }
    bands_clear(h);
    return 0;
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
    free(h->bands);
    path_free(&h->path);
    memset(h, 0, sizeof *h);
}

/* ---- bands ---- */

/* a and b (b later) as one band. */
static hist_band band_merge(hist_band a, hist_band b)
{
    if (isnan(a.first))
        return b;
    if (isnan(b.first))
        return a;
    return (hist_band){fmin(a.lo, b.lo), fmax(a.hi, b.hi), a.first, b.last};
}

/* Halves the resolution: bucket i becomes buckets 2i and 2i+1. */
static void bands_halve(hist *h)
{
    for (int s = 0; s < HS_COUNT; s++) {
        hist_band *b = h->bands + s * HIST_BANDS;
        for (size_t i = 0; i < HIST_BANDS / 2; i++)
            b[i] = band_merge(b[2 * i], b[2 * i + 1]);
        for (size_t i = HIST_BANDS / 2; i < HIST_BANDS; i++)
            b[i] = (hist_band){NAN, NAN, NAN, NAN};
    }
    h->band_steps *= 2;
}

void hist_band_add(hist_band *b, double v)
{
    if (!isfinite(v))
        return;
    *b = band_merge(*b, (hist_band){v, v, v, v});
}

/* The series' values at update step, from its row and the ‖g‖ before. */
static void bands_feed(hist *h, long step, const hist_row *row,
                       double prev_grad_norm)
{
    while (step / h->band_steps >= HIST_BANDS)
        bands_halve(h);
    const double v[HS_COUNT] = {
        [HS_LOSS] = row->loss, [HS_VAL_LOSS] = row->val_loss,
        [HS_BATCH_LOSS] = row->batch_loss, [HS_TRAIN_ACC] = row->train_acc,
        [HS_VAL_ACC] = row->val_acc, [HS_LR] = row->lr,
        [HS_GRAD_RAW] = step > 0 ? prev_grad_norm : NAN,
        [HS_GRAD_CLIPPED] = step > 0 ? row->gclip_norm : NAN};
    size_t b = (size_t)(step / h->band_steps);
    for (int s = 0; s < HS_COUNT; s++)
        hist_band_add(&h->bands[s * HIST_BANDS + b], v[s]);
    if (step + 1 > h->band_end)
        h->band_end = step + 1;
}

/* Forgets the buckets that start after update last. */
static void bands_truncate(hist *h, long last)
{
    size_t keep = (size_t)(last / h->band_steps) + 1;
    for (int s = 0; s < HS_COUNT; s++)
        for (size_t i = keep; i < HIST_BANDS; i++)
            h->bands[s * HIST_BANDS + i] = (hist_band){NAN, NAN, NAN, NAN};
    h->band_end = last + 1;
}

void hist_follow_rows(hist *h)
{
    /* The first time, the bands hold what the live run had recorded. */
    if (h->band_rows == 0 || h->band_rows > h->nrows)
        bands_clear(h);
    for (size_t i = h->band_rows; i < h->nrows; i++)
        bands_feed(h, (long)i, &h->rows[i],
                   i ? h->rows[i - 1].grad_norm : NAN);
    h->band_rows = h->nrows;
}

int hist_column(long step, double xmax, int cols)
{
    int c = (int)((double)step / xmax * (cols - 1));
    return c >= cols ? cols - 1 : c;
}

size_t hist_envelope(const hist *h, hist_series s, double xmax, int cols,
                     hist_band *out)
{
    for (int c = 0; c < cols; c++)
        out[c] = (hist_band){NAN, NAN, NAN, NAN};
    const hist_band *b = h->bands + s * HIST_BANDS;
    size_t used = (size_t)((h->band_end + h->band_steps - 1) / h->band_steps);
    for (size_t i = 0; i < used; i++) {
        int c = hist_column((long)i * h->band_steps, xmax, cols);
        out[c] = band_merge(out[c], b[i]);
    }
    return used;
}

double hist_latest(const hist *h, hist_series s)
{
    const hist_band *b = h->bands + s * HIST_BANDS;
    for (size_t i = (size_t)((h->band_end + h->band_steps - 1) /
                             h->band_steps); i-- > 0;)
        if (!isnan(b[i].last))
            return b[i].last;
    return NAN;
}

long hist_steps(const hist *h) { return h->band_end; }

/* ---- rows ---- */

static bool is_model(const run *r) { return model_of(r->obj) != NULL; }

/* Keeps the rows on multiples of twice the stride (the tail is never
 * among the rows thinned: it was dropped before). */
static void rows_thin(hist *h)
{
    size_t k = 0;
    for (size_t i = 0; i < h->nrows; i++)
        if (h->rows[i].step % (2 * h->stride) == 0)
            h->rows[k++] = h->rows[i];
    h->nrows = k;
    h->stride *= 2;
}

static int push_row(hist *h, const run *r)
{
    if (h->tail)
        h->nrows--;
    bool kept = r->step % h->stride == 0;
    if (kept && h->nrows >= HIST_ROWS) {
        rows_thin(h);
        kept = r->step % h->stride == 0;
    }
    hist_row *rows = grow(h->rows, &h->cap, h->nrows, sizeof *rows, 1024);
    if (!rows)
        return -1;
    h->rows = rows;
    hist_row *row = &h->rows[h->nrows++];
    trace_row_of(row, r);
    if (kept)
        trace_row_metrics(row, r);
    h->tail = !kept;
    h->tail_pending = !kept && is_model(r);
    return 0;
}

void hist_settle(hist *h, const run *r)
{
    if (!h->tail_pending || !h->nrows)
        return;
    hist_row *row = &h->rows[h->nrows - 1];
    trace_row_metrics(row, r);
    h->tail_pending = false;
    hist_band *b = h->bands + (size_t)(row->step / h->band_steps);
    hist_band_add(b + HS_VAL_LOSS * HIST_BANDS, row->val_loss);
    hist_band_add(b + HS_TRAIN_ACC * HIST_BANDS, row->train_acc);
    hist_band_add(b + HS_VAL_ACC * HIST_BANDS, row->val_acc);
}

const hist_row *hist_row_at(const hist *h, long step)
{
    size_t lo = 0, hi = h->nrows;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (h->rows[mid].step < step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < h->nrows && h->rows[lo].step == step ? &h->rows[lo] : NULL;
}

bool hist_thinned(const hist *h) { return h->stride > 1; }

/* ---- the path of θ (more than 2 parameters) ---- */

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

/* ---- snapshots ---- */

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
    h->stride = 1;
    h->tail = h->tail_pending = false;
    h->prev_grad_norm = NAN;
    bands_clear(h);
    if (path_restart(&h->path, r->n) < 0)
        return -1;
    return hist_record(h, r);
}

int hist_record(hist *h, const run *r)
{
    if (push_row(h, r) < 0)
        return -1;
    bands_feed(h, r->step, &h->rows[h->nrows - 1], h->prev_grad_norm);
    h->prev_grad_norm = r->grad_norm;
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

/* The rows, bands and path back to snapshot snap's update. */
static void truncate_to(hist *h, const run *snap)
{
    long last = snap->step;
    while (h->nrows && h->rows[h->nrows - 1].step > last)
        h->nrows--;
    h->tail = h->tail_pending = false;
    if (!h->nrows || h->rows[h->nrows - 1].step != last) {
        /* Room is there: a row was just dropped. */
        trace_row_of(&h->rows[h->nrows++], snap);
        h->tail = last % h->stride != 0;
        h->tail_pending = is_model(snap);
    }
    bands_truncate(h, last);
    h->prev_grad_norm = snap->grad_norm;
    path_truncate(&h->path, last);
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
    truncate_to(h, &h->snaps[h->head]);
    return restore(r, &h->snaps[h->head]);
}

const run *hist_previous(const hist *h)
{
    if (h->count < 2)
        return NULL;
    return &h->snaps[(h->head + h->snap_cap - 1) % h->snap_cap];
}
