/* The TUI's pure helpers for models and hyperparameter search: the
 * lattice sampled across frames, slices in a session (paths, PCA, the
 * gradient check's cache), the history's bounded path and the HPO
 * view's replay clock. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "hpo_view.h"
#include "lattice.h"
#include "layout.h"
#include "model_open.h"
#include "session.h"
#include "stepdoc.h"
#include "suites.h"

static double plane(void *ctx, double x, double y)
{
    (void)ctx;
    return 3.0 * x - 2.0 * y + 1.0;
}

/* Samples come a budget at a time (one at least, so a costly surface
 * never holds a frame for a whole row); bilinear interpolation is exact
 * for a linear function inside the samples. */
static void lattice_in_steps(void)
{
    lattice l = {0};
    const double view[4] = {-1, 1, -2, 2};
    CU_ASSERT_EQUAL_FATAL(lattice_start(&l, 8, 6, view), 0);
    CU_ASSERT_FALSE(lattice_work(&l, plane, NULL, 0.0)); /* one sample */
    CU_ASSERT_EQUAL(l.rows_done, 0);
    CU_ASSERT_EQUAL(l.cols_done, 1);
    while (!lattice_work(&l, plane, NULL, 0.0))
        ;
    CU_ASSERT_TRUE(lattice_done(&l));
    CU_ASSERT_DOUBLE_EQUAL(lattice_at(&l, 0.1, 0.3), plane(NULL, 0.1, 0.3),
                           1e-12);
    CU_ASSERT_DOUBLE_EQUAL(lattice_at(&l, -0.5, -1.2),
                           plane(NULL, -0.5, -1.2), 1e-12);
    surface_grid g = {0};
    CU_ASSERT_EQUAL(surface_grid_from_lattice(&g, &l, 8, 6), 0);
    CU_ASSERT_DOUBLE_EQUAL(g.cells[0], l.v[0], 1e-12); /* same centres */
    surface_grid_free(&g);
    CU_ASSERT_EQUAL(lattice_start(&l, 2, 2, view), 0); /* reuses memory */
    CU_ASSERT_FALSE(lattice_done(&l));
    lattice_free(&l);
}

static void open_mlp(session *s, const char *opt, size_t batch)
{
    objective obj;
    data_file_error e;
    model_spec spec = model_spec_default();
    CU_ASSERT_EQUAL_FATAL(model_open(&model_mlp, &spec, &obj, &e), 0);
    run_settings set = run_settings_default();
    set.opt = optimizer_find(opt);
    set.lr = 0.01;
    set.batch = batch;
    char err[128];
    CU_ASSERT_EQUAL_FATAL(session_init_objective(s, &obj, &set, NULL, NULL,
                                                 err, sizeof err), 0);
    CU_ASSERT_PTR_NULL(obj.ctx); /* taken over */
}

static void mlp_on_a_slice(void)
{
    session s;
    open_mlp(&s, "sgd", 0);
    CU_ASSERT_TRUE(session_sliced(&s));
    CU_ASSERT_EQUAL(s.obj.dim, 769);
    CU_ASSERT_EQUAL(s.slice.sl.kind, SLICE_RANDOM);
    CU_ASSERT_EQUAL(s.view[0], -1.0); /* the random slice's own view */
    /* The centre is θ0: it projects to the origin. */
    double a, b;
    slice_project(&s.slice.sl, s.start, &a, &b);
    CU_ASSERT_DOUBLE_EQUAL(a, 0.0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(b, 0.0, 1e-12);
    CU_ASSERT_EQUAL(session_slice_kind(&s, SLICE_PCA), -1); /* no path */
    for (int i = 0; i < 30; i++)
        session_step(&s);
    CU_ASSERT_EQUAL(s.runs[0].h.path.count, 31);
    unsigned gen = s.slice.gen, view = s.view_gen;
    CU_ASSERT_EQUAL(session_slice_kind(&s, SLICE_PCA), 0);
    CU_ASSERT_NOT_EQUAL(s.slice.gen, gen);
    CU_ASSERT_NOT_EQUAL(s.view_gen, view);
    CU_ASSERT_TRUE(s.slice.sl.explained[0] + s.slice.sl.explained[1] > 0.5);
    /* The path's projections, kept as it grows, match a fresh one. */
    session_run *sr = &s.runs[0];
    CU_ASSERT_EQUAL(slice_proj_update(&sr->proj, &s.slice, &sr->h.path), 0);
    gen = s.slice.gen;
    for (int i = 0; i < 60; i++)
        session_step(&s);
    /* The after-update hook took it again when due (50 updates on, at
     * 80) and projected the path onto it. */
    CU_ASSERT_NOT_EQUAL(s.slice.gen, gen);
    CU_ASSERT_FALSE(session_slice_follow(&s));
    CU_ASSERT_EQUAL(sr->proj.slice_gen, s.slice.gen);
    CU_ASSERT_EQUAL(sr->proj.n, sr->h.path.count);
    slice_project(&s.slice.sl, sr->h.path.theta + 40 * 769, &a, &b);
    CU_ASSERT_DOUBLE_EQUAL(sr->proj.ab[80], a, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sr->proj.ab[81], b, 1e-12);
    char title[160];
    slice_view_title(&s.slice, false, title, sizeof title);
    CU_ASSERT_PTR_NOT_NULL(strstr(title, "slice: PCA of the path (explains "));
    CU_ASSERT_PTR_NOT_NULL(strstr(title, "through θ at step 80"));
    CU_ASSERT_EQUAL(session_slice_reseed(&s), 0);
    slice_view_title(&s.slice, true, title, sizeof title);
    CU_ASSERT_STRING_EQUAL(title, "slice: random seed 1");
    /* Back drops the path's points after the step gone back to. */
    session_back(&s);
    CU_ASSERT_EQUAL(sr->h.path.step[sr->h.path.count - 1], 89);
    session_free(&s);
}

/* Norms and the first components, not 769 numbers; the gradient check
 * of a minibatch run is of the full batch. */
static void anatomy_of_a_model(void)
{
    session s;
    open_mlp(&s, "adam", 16);
    session_step(&s);
    const stepdoc *d = session_doc(&s);
    bool norm = false, full = false;
    for (int i = 0; i < d->n; i++) {
        CU_ASSERT_TRUE(strlen(d->lines[i].text) < 120);
        norm |= strstr(d->lines[i].text, "θ = ‖·‖ ") != NULL;
        full |= strstr(d->lines[i].text, "full batch") != NULL;
    }
    CU_ASSERT_TRUE(norm);
    CU_ASSERT_TRUE(full);
    CU_ASSERT_EQUAL(s.runs[0].check.update, 1);
    /* Central differences of f ≈ 1.1 at h 1e-7 are good to about
     * ulp(f)/2h ≈ 1e-9, which for the smallest components (|g| ≈ 4e-6)
     * is a relative error of up to 3e-4 with exact arithmetic: a wrong
     * gradient is off by far more. */
    CU_ASSERT_TRUE(s.runs[0].check.err[GRAD_CENTRAL] < 1e-3);
    /* Minibatch loss and validation loss go into the rows. */
    const hist_row *row = &s.runs[0].h.rows[1];
    CU_ASSERT_TRUE(isfinite(row->batch_loss) && isfinite(row->val_loss));
    CU_ASSERT_TRUE(isnan(row->train_acc)); /* not a classifier */
    session_free(&s);
}

/* A long run keeps an even sample of its path within the bound. */
static void path_is_bounded(void)
{
    session s;
    open_mlp(&s, "sgd", 0);
    for (int i = 0; i < 2 * HIST_PATH_POINTS + 10; i++)
        session_step(&s);
    const hist_path *p = &s.runs[0].h.path;
    CU_ASSERT_TRUE(p->count <= HIST_PATH_POINTS);
    CU_ASSERT_EQUAL(p->stride, 4);
    CU_ASSERT_EQUAL(p->step[0], 0);
    CU_ASSERT_EQUAL(p->step[1], 4);
    /* Snapshots of a 769-parameter run stay within their budget. */
    CU_ASSERT_TRUE(s.runs[0].h.snap_cap < HIST_SNAPSHOTS);
    CU_ASSERT_TRUE(s.runs[0].h.count == s.runs[0].h.snap_cap);
    session_free(&s);
}

static int fake_eval(void *ctx, double h, double *value, double *deriv,
                     long *cost)
{
    (void)ctx;
    (void)deriv;
    *value = (log10(h) - 1) * (log10(h) - 1);
    *cost += 1;
    return 0;
}

/* The replay shows every method's evaluations made within the clock. */
static void hpo_replay(void)
{
    hpo_view v = {0};
    hpo_problem p = {fake_eval, NULL, 1e-2, 1e4};
    hpo_settings grid = {HPO_GRID, 7, 0, 0.0}, rnd = {HPO_RANDOM, 3, 1, 0.0};
    CU_ASSERT_EQUAL_FATAL(hpo_search(&p, &grid, &v.trace[HPO_GRID]), 0);
    CU_ASSERT_EQUAL_FATAL(hpo_search(&p, &rnd, &v.trace[HPO_RANDOM]), 0);
    CU_ASSERT_EQUAL(hpo_view_total(&v), 7);
    CU_ASSERT_PTR_NULL(hpo_view_last(&v, HPO_GRID));
    CU_ASSERT_EQUAL(hpo_view_back(&v), -1);
    CU_ASSERT_EQUAL(hpo_view_step(&v), 0);
    CU_ASSERT_EQUAL(v.clock, 1);
    CU_ASSERT_EQUAL(v.shown[HPO_GRID], 1);
    CU_ASSERT_EQUAL(v.shown[HPO_RANDOM], 1);
    hpo_view_step(&v);
    hpo_view_step(&v);
    hpo_view_step(&v);
    CU_ASSERT_EQUAL(v.shown[HPO_GRID], 4);
    CU_ASSERT_EQUAL(v.shown[HPO_RANDOM], 3); /* done after 3 */
    CU_ASSERT_EQUAL(hpo_view_back(&v), 0);
    CU_ASSERT_EQUAL(v.shown[HPO_GRID], 3);
    hpo_view_end(&v);
    CU_ASSERT_TRUE(hpo_view_done(&v));
    CU_ASSERT_EQUAL(hpo_view_step(&v), -1);
    /* The grid's point at h = 10 is the best. */
    CU_ASSERT_DOUBLE_EQUAL(hpo_view_last(&v, HPO_GRID)->best_h, 10.0, 1e-9);
    hpo_view_reset(&v);
    CU_ASSERT_EQUAL(v.shown[HPO_GRID], 0);
    CU_ASSERT_EQUAL(hpo_view_curve(&v, 5), 0);
    hpo_view_free(&v);
}

static void hpo_layouts(void)
{
    static const int sizes[][2] = {{80, 24}, {120, 36}, {200, 60}, {40, 12}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        layout l;
        layout_hpo(&l, sizes[k][0], sizes[k][1]);
        CU_ASSERT_FALSE(l.too_small);
        const pane_id shown[] = {PANE_SURFACE, PANE_LOSS, PANE_STEP};
        int area = 0;
        for (int i = 0; i < 3; i++) {
            rect r = l.r[shown[i]];
            CU_ASSERT_TRUE(r.w > 0 && r.h > 0 && r.x + r.w <= sizes[k][0] &&
                           r.y + r.h <= sizes[k][1] - 1);
            area += r.w * r.h;
        }
        CU_ASSERT_EQUAL(area, sizes[k][0] * (sizes[k][1] - 2)); /* tiled */
    }
}

void suite_tui_models(void)
{
    static const test_case tests[] = {
        {"lattice sampled in steps", lattice_in_steps},
        {"mlp on a slice", mlp_on_a_slice},
        {"anatomy of a model's update", anatomy_of_a_model},
        {"path bounded, snapshots budgeted", path_is_bounded},
        {"hpo replay by cost", hpo_replay},
        {"hpo layouts", hpo_layouts},
        {NULL, NULL}};
    add_suite("tui_models", tests);
}
