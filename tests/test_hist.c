/* The history within its bound: a long run keeps as many rows, and a
 * chart reads as many buckets, at 3·10^5 updates as at 3·10^3 (work
 * counts, not times); short runs are kept exactly; stepping back after
 * thinning leaves a consistent history. */
#include <math.h>
#include <stdlib.h>

#include "builtins.h"
#include "hist.h"
#include "suites.h"

/* A run of n updates of sgd on rosenbrock, recorded into h. */
static void record(hist *h, run *r, objective *o, long n)
{
    objective_builtin(o, builtin_find("rosenbrock"));
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    s.lr = 1e-4;
    s.max_steps = n;
    CU_ASSERT_EQUAL_FATAL(run_init(r, o, &s, o->start), 0);
    CU_ASSERT_EQUAL_FATAL(hist_init(h), 0);
    CU_ASSERT_EQUAL_FATAL(hist_restart(h, r), 0);
    for (long t = 0; t < n; t++) {
        run_step(r);
        CU_ASSERT_EQUAL_FATAL(hist_record(h, r), 0);
    }
}

static void release(hist *h, run *r, objective *o)
{
    hist_free(h);
    run_free(r);
    objective_free(o);
}

/* Rows sorted, row 0 and the newest kept, at most HIST_ROWS + 1. */
static void rows_sane(const hist *h, long newest)
{
    CU_ASSERT_TRUE(h->nrows <= HIST_ROWS + 1);
    CU_ASSERT_EQUAL(h->rows[0].step, 0);
    CU_ASSERT_EQUAL(h->rows[h->nrows - 1].step, newest);
    bool sorted = true;
    for (size_t i = 1; i < h->nrows; i++)
        sorted &= h->rows[i].step > h->rows[i - 1].step;
    CU_ASSERT_TRUE(sorted);
}

static void work_is_bounded(void)
{
    static const long sizes[2] = {3000, 300000};
    size_t buckets[2], rows[2];
    enum { COLS = 400 };
    hist_band band[COLS];
    for (int k = 0; k < 2; k++) {
        hist h;
        run r;
        objective o;
        record(&h, &r, &o, sizes[k]);
        rows_sane(&h, sizes[k]);
        buckets[k] = 0;
        for (int s = 0; s < HS_COUNT; s++)
            buckets[k] += hist_envelope(&h, (hist_series)s,
                                        (double)sizes[k], COLS, band);
        rows[k] = h.nrows;
        /* The loss column's envelope holds every update's loss: the
         * first and the last are the run's. */
        hist_envelope(&h, HS_LOSS, (double)sizes[k], COLS, band);
        CU_ASSERT_EQUAL(band[0].first, h.rows[0].loss);
        CU_ASSERT_EQUAL(hist_latest(&h, HS_LOSS), r.loss);
        CU_ASSERT_TRUE(h.count <= HIST_SNAPSHOTS);
        release(&h, &r, &o);
    }
    /* 100 times the updates, at most twice the work (the old history
     * walked every row: 100 times). */
    CU_ASSERT_TRUE(buckets[1] <= 2 * buckets[0]);
    CU_ASSERT_TRUE(buckets[1] <= (size_t)HS_COUNT * HIST_BANDS);
    CU_ASSERT_TRUE(rows[1] <= 2 * rows[0]);
}

/* A short run is kept whole: a row per update, a bucket per update. */
static void short_runs_exact(void)
{
    hist h;
    run r;
    objective o;
    record(&h, &r, &o, 50);
    CU_ASSERT_EQUAL(h.nrows, 51);
    CU_ASSERT_FALSE(hist_thinned(&h));
    enum { COLS = 1000 };
    hist_band band[COLS];
    CU_ASSERT_EQUAL(hist_envelope(&h, HS_LOSS, 50.0, COLS, band), 51);
    for (int i = 0; i <= 50; i++) {
        int c = (int)((double)i / 50.0 * (COLS - 1)); /* as the charts */
        CU_ASSERT_TRUE(band[c].lo == h.rows[i].loss &&
                       band[c].hi == h.rows[i].loss);
    }
    hist_envelope(&h, HS_GRAD_RAW, 50.0, COLS, band);
    CU_ASSERT_TRUE(isnan(band[0].first)); /* no update before row 0 */
    CU_ASSERT_EQUAL(band[(int)(7 / 50.0 * (COLS - 1))].first,
                    h.rows[6].grad_norm);
    CU_ASSERT_EQUAL(hist_row_at(&h, 20)->step, 20);
    release(&h, &r, &o);
}

/* Back after thinning: the rows end at the restored update, which is a
 * row whether or not it is on the stride, and recording goes on. */
static void back_after_thinning(void)
{
    hist h;
    run r;
    objective o;
    const long n = 3 * HIST_ROWS + 2; /* the stride is 4 by then */
    record(&h, &r, &o, n);
    CU_ASSERT_TRUE(hist_thinned(&h));
    CU_ASSERT_EQUAL(hist_back(&h, &r), 0);
    rows_sane(&h, n - 1);
    CU_ASSERT_EQUAL(r.step, n - 1);
    CU_ASSERT_EQUAL(hist_steps(&h), n);
    r.s.max_steps += 10;
    run_step(&r);
    CU_ASSERT_EQUAL(hist_record(&h, &r), 0);
    rows_sane(&h, n);
    CU_ASSERT_PTR_NULL(hist_row_at(&h, n - 1)); /* off the stride */
    CU_ASSERT_PTR_NOT_NULL(hist_row_at(&h, n - 2));
    release(&h, &r, &o);
}

void suite_hist(void)
{
    static const test_case tests[] = {
        {"work and rows bounded at 10^5 updates", work_is_bounded},
        {"short runs kept exactly", short_runs_exact},
        {"back after thinning", back_after_thinning},
        {NULL, NULL}};
    add_suite("hist", tests);
}
