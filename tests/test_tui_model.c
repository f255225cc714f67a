/* The TUI's pure model: layout, history (exact back steps), session
 * commands, the step anatomy and ASCII stand-ins. */
#include <string.h>

#include "builtins.h"
#include "grid.h"
#include "layout.h"
#include "session.h"
#include "stepdoc.h"
#include "suites.h"
#include "toy_optim.h"
#include "translit.h"

static int overlaps(rect a, rect b)
{
    return a.w && b.w && a.x < b.x + b.w && b.x < a.x + a.w &&
           a.y < b.y + b.h && b.y < a.y + a.h;
}

static void layouts_do_not_overlap(void)
{
    static const int sizes[][2] = {{80, 24}, {120, 36}, {200, 60}, {60, 20},
                                   {45, 14}, {100, 28}, {99, 40}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++)
        for (int mode = 0; mode < 6; mode++) {
            bool acc = mode >= 3; /* a classifier's fourth chart */
            layout l;
            layout_compute(&l, sizes[k][0], sizes[k][1], mode % 3 == 2,
                           mode % 3 == 1 ? TAB_CHARTS : TAB_STEP, acc);
            CU_ASSERT_FALSE(l.too_small);
            for (int i = 0; i < PANE_COUNT; i++) {
                rect r = l.r[i];
                if (!r.w)
                    continue;
                CU_ASSERT_TRUE(r.x >= 0 && r.y >= 0 && r.x + r.w <= sizes[k][0] &&
                               r.y + r.h <= sizes[k][1]);
                for (int j = i + 1; j < PANE_COUNT; j++)
                    CU_ASSERT_FALSE(overlaps(r, l.r[j]));
            }
            CU_ASSERT_TRUE(layout_visible(&l, PANE_SURFACE));
        }
    layout l;
    layout_compute(&l, 200, 60, false, TAB_STEP, false);
    CU_ASSERT_FALSE(l.tabbed);
    CU_ASSERT_TRUE(layout_visible(&l, PANE_STEP) && layout_visible(&l, PANE_GRAD));
    layout_compute(&l, 80, 24, false, TAB_STEP, false);
    CU_ASSERT_TRUE(l.tabbed);
    CU_ASSERT_TRUE(layout_visible(&l, PANE_STEP));
    CU_ASSERT_FALSE(layout_visible(&l, PANE_LOSS));
    layout_compute(&l, 200, 60, false, TAB_STEP, true);
    CU_ASSERT_TRUE(layout_visible(&l, PANE_ACC) && layout_visible(&l, PANE_GRAD));
    layout_compute(&l, 120, 36, false, TAB_STEP, true);
    CU_ASSERT_TRUE(layout_visible(&l, PANE_ACC) && l.r[PANE_ACC].h >= 5);
    layout_compute(&l, 30, 10, false, TAB_STEP, false);
    CU_ASSERT_TRUE(l.too_small);
}

/* In place: runs point at the session's objective, so it cannot move. */
static void open_session(session *s, const char *opt, double lr)
{
    char err[128];
    run_settings set = run_settings_default();
    set.opt = optimizer_find(opt);
    set.lr = lr;
    CU_ASSERT_EQUAL_FATAL(session_init(s, "rosenbrock", &set, NULL, NULL,
                                       err, sizeof err), 0);
}

static void back_is_exact(void)
{
    session s;
    open_session(&s, "adam", 0.05);
    for (int i = 0; i < 10; i++)
        session_step(&s);
    run *r = session_focused(&s);
    double theta[2] = {r->theta[0], r->theta[1]};
    for (int i = 0; i < 5; i++)
        session_step(&s);
    CU_ASSERT_EQUAL(s.runs[0].h.nrows, 16);
    for (int i = 0; i < 5; i++)
        CU_ASSERT_EQUAL(session_back(&s), 1);
    r = session_focused(&s);
    CU_ASSERT_EQUAL(r->step, 10);
    CU_ASSERT_EQUAL(r->theta[0], theta[0]);
    CU_ASSERT_EQUAL(r->theta[1], theta[1]);
    CU_ASSERT_EQUAL(s.runs[0].h.nrows, 11);
    /* Mid-update, back returns to the start of that update. */
    session_stage(&s);
    session_stage(&s);
    session_stage(&s);
    CU_ASSERT_EQUAL(session_focused(&s)->next, STAGE_HYPERGRAD);
    session_back(&s);
    CU_ASSERT_EQUAL(session_focused(&s)->next, STAGE_EVALUATE);
    CU_ASSERT_EQUAL(session_focused(&s)->step, 10);
    /* Stepping again gives the same θ as before. */
    for (int i = 0; i < 10; i++)
        session_back(&s);
    CU_ASSERT_EQUAL(session_back(&s), 0);
    CU_ASSERT_EQUAL(session_focused(&s)->step, 0);
    for (int i = 0; i < 10; i++)
        session_step(&s);
    CU_ASSERT_EQUAL(session_focused(&s)->theta[0], theta[0]);
    session_free(&s);
}

static void stages_and_compare(void)
{
    session s;
    open_session(&s, "sgd", 1e-3);
    CU_ASSERT_EQUAL(session_add_run(&s), 0);
    CU_ASSERT_EQUAL(s.nruns, 2);
    CU_ASSERT_EQUAL(s.focus, 1);
    run_set_optimizer(session_focused(&s), optimizer_find("momentum"));
    for (int k = 0; k < RUN_STAGE_COUNT; k++) {
        CU_ASSERT_EQUAL(session_stage(&s), 2);
        CU_ASSERT_EQUAL(s.runs[0].r.next, (k + 1) % RUN_STAGE_COUNT);
    }
    CU_ASSERT_EQUAL(s.runs[0].r.step, 1);
    CU_ASSERT_EQUAL(s.runs[1].h.nrows, 2);
    /* Plain sgd and momentum agree on the first update. */
    CU_ASSERT_EQUAL(s.runs[0].r.theta[0], s.runs[1].r.theta[0]);
    session_step(&s);
    CU_ASSERT_NOT_EQUAL(s.runs[0].r.theta[0], s.runs[1].r.theta[0]);
    CU_ASSERT_EQUAL(session_add_run(&s), 0);
    CU_ASSERT_EQUAL(session_add_run(&s), 0);
    CU_ASSERT_EQUAL(session_add_run(&s), CORE_ERANGE);
    CU_ASSERT_EQUAL(s.runs[0].r.step, 0); /* restarted together */
    CU_ASSERT_EQUAL(session_remove_run(&s), 0);
    CU_ASSERT_EQUAL(s.nruns, 3);
    session_free(&s);
}

static void divergence(void)
{
    session s;
    open_session(&s, "sgd", 1.0);
    for (int i = 0; i < 20; i++)
        session_step(&s);
    run *r = session_focused(&s);
    CU_ASSERT_EQUAL(r->status, RUN_DIVERGED);
    char buf[128];
    session_status_text(&s, 0, buf, sizeof buf);
    CU_ASSERT_EQUAL(strncmp(buf, "diverged at step ", 17), 0);
    CU_ASSERT_FALSE(session_any_running(&s));
    CU_ASSERT_EQUAL(session_step(&s), 0);
    session_free(&s);
}

static int has_line(const stepdoc *d, int stage, const char *text)
{
    for (int i = 0; i < d->n; i++)
        if (d->lines[i].stage == stage && strstr(d->lines[i].text, text))
            return 1;
    return 0;
}

/* The session builds the anatomy after every change. */
static void anatomy(void)
{
    session s;
    open_session(&s, "adam", 0.05);
    run_set_clip(session_focused(&s), (clip_setting){CLIP_NORM, 5.0});
    session_settings_changed(&s);
    const stepdoc *d = session_doc(&s);
    CU_ASSERT_EQUAL(d->update, 1);
    CU_ASSERT_EQUAL(d->done, 0);
    CU_ASSERT_TRUE(has_line(d, STAGE_EVALUATE, "f = 12.50000"));
    session_stage(&s);
    session_stage(&s);
    session_stage(&s);
    d = session_doc(&s);
    CU_ASSERT_EQUAL(d->shown, STAGE_CLIP);
    CU_ASSERT_STRING_EQUAL(d->title, "update 1 · stage 3/5: clip");
    /* ‖g‖ at (-1.5, 2): g = (-155, -50). */
    CU_ASSERT_TRUE(has_line(d, STAGE_CLIP, "‖g‖ 162.8650 > C=5 → ĝ = g·0.0307"));
    CU_ASSERT_TRUE(has_line(d, STAGE_GRADIENT, "(-155.000,-50.0000)"));
    session_stage(&s);
    session_stage(&s);
    d = session_doc(&s);
    CU_ASSERT_EQUAL(d->done, 5);
    CU_ASSERT_TRUE(has_line(d, STAGE_UPDATE, "m̂ = m/0.1 = (-4.75854,-1.53501)"));
    CU_ASSERT_TRUE(has_line(d, STAGE_UPDATE, "d = m̂/(√v̂ + 1e-08) = (-1.00000,-1.00000)"));
    session_free(&s);
}

/* An optimiser the step panel has never heard of shows its own lines,
 * its state vectors by their names. */
static void anatomy_from_type(void)
{
    session s;
    open_session(&s, "sgd", 0.01);
    CU_ASSERT_EQUAL_FATAL(run_set_optimizer(session_focused(&s), &toy3),
                          CORE_OK);
    session_step(&s);
    const stepdoc *d = session_doc(&s);
    CU_ASSERT_TRUE(has_line(d, STAGE_UPDATE, "a = ĝ = ("));
    CU_ASSERT_TRUE(has_line(d, STAGE_UPDATE, "b = a + b = ("));
    CU_ASSERT_TRUE(has_line(d, STAGE_UPDATE, "c = c/2 + ĝ = ("));
    CU_ASSERT_TRUE(has_line(d, STAGE_UPDATE, "d = ĝ (t = 1) = ("));
    session_free(&s);
}

/* The grid of x² + y² and its contour levels by area. */
static void grid_levels(void)
{
    objective o;
    CU_ASSERT_EQUAL_FATAL(objective_builtin(&o, builtin_find("quadratic")), 0);
    surface_grid g = {0};
    CU_ASSERT_EQUAL_FATAL(surface_grid_compute(&g, &o, o.view, 10, 5), 0);
    /* Dot centres over [-2,2]²: x = ±0.1, y = ±0.1 are the nearest. */
    CU_ASSERT_DOUBLE_EQUAL(g.scale.lo, 0.02, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(g.scale.hi, 2 * 1.9 * 1.9, 1e-12);
    double lv[4];
    CU_ASSERT_EQUAL(surface_grid_levels(&g, 4, lv), 4);
    for (int k = 0; k < 4; k++)
        CU_ASSERT_TRUE(lv[k] >= g.scale.lo && lv[k] <= g.scale.hi &&
                       (k == 0 || lv[k] >= lv[k - 1]));
    /* The lowest level encloses about (1/8)² of the area: a disc of
     * radius 4·sqrt(1/64/π) ≈ 0.28, so x² + y² ≈ 0.08. */
    CU_ASSERT_DOUBLE_EQUAL(lv[0], 0.08, 0.03);
    surface_grid_free(&g);
    objective_free(&o);
}

static void ascii(void)
{
    char buf[64];
    translit_ascii("θ ← θ − α·‖g‖²", buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "th <- th - a*|g|^2");
    translit_ascii("★ ⠁", buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "* ?");
    CU_ASSERT_EQUAL(translit_ascii("θθθ", buf, 4), 2);
}

void suite_tui_model(void)
{
    static const test_case tests[] = {
        {"layouts do not overlap", layouts_do_not_overlap},
        {"back is exact", back_is_exact},
        {"stages and compare", stages_and_compare},
        {"divergence", divergence}, {"step anatomy", anatomy},
        {"step anatomy from the optimiser type", anatomy_from_type},
        {"grid levels", grid_levels}, {"ascii stand-ins", ascii},
        {NULL, NULL}};
    add_suite("tui_model", tests);
}
