/* The screen's rough edges, on its curses-free parts: the step limit and
 * the convergence watch, the anatomy after a setting change, the
 * learning rate kept through an objective switch, text fitting, and the
 * lesson layout. */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "hpo_view.h"
#include "layout.h"
#include "run_live.h"
#include "run_values.h"
#include "session.h"
#include "settings_list.h"
#include "suites.h"
#include "textfit.h"
#include "theme.h"
#include "watch.h"

static void open_at(session *s, const char *spec, const char *opt, double lr,
                    long steps)
{
    char err[128];
    run_settings set = run_settings_default();
    set.opt = optimizer_find(opt);
    set.lr = lr;
    set.max_steps = steps;
    CU_ASSERT_EQUAL_FATAL(session_init(s, spec, &set, NULL, NULL, err,
                                       sizeof err), 0);
}

static bool doc_has(session *s, const char *text)
{
    const stepdoc *d = session_doc(s);
    for (int i = 0; i < d->n; i++)
        if (strstr(d->lines[i].text, text))
            return true;
    return false;
}

/* --steps N (a lesson's steps:) pauses at N, 2N, ...; no limit, never. */
static void step_limit_pauses(void)
{
    session s;
    open_at(&s, "rosenbrock", "adam", 0.05, 5);
    for (int i = 0; i < 5; i++)
        CU_ASSERT_EQUAL(session_step(&s), 1);
    CU_ASSERT_TRUE(session_at_limit(&s, 0));
    char buf[128];
    session_status_text(&s, 0, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "paused at the step limit 5");
    CU_ASSERT_TRUE(session_any_running(&s));
    /* Going on grants as many again. */
    CU_ASSERT_EQUAL(session_step(&s), 1);
    CU_ASSERT_FALSE(session_at_limit(&s, 0));
    for (int i = 0; i < 4; i++)
        session_step(&s);
    CU_ASSERT_EQUAL(session_focused(&s)->step, 10);
    CU_ASSERT_TRUE(session_at_limit(&s, 0));
    /* A limit set mid-run pauses at its next multiple. */
    session_set_limit(&s, 4);
    CU_ASSERT_FALSE(session_at_limit(&s, 0));
    session_step(&s);
    session_step(&s);
    CU_ASSERT_TRUE(session_at_limit(&s, 0));
    CU_ASSERT_EQUAL(session_focused(&s)->step, 12);
    session_free(&s);
    open_at(&s, "rosenbrock", "adam", 0.05, LONG_MAX);
    for (int i = 0; i < 1500; i++)
        session_step(&s);
    CU_ASSERT_FALSE(session_at_limit(&s, 0));
    CU_ASSERT_EQUAL(session_focused(&s)->status, RUN_RUNNING);
    session_free(&s);
}

/* Without a limit the status says when a run has converged or stalled. */
static void converged_or_stalled(void)
{
    session s;
    char buf[128];
    /* sgd at α = ½ on x² + y² lands on the minimum in one update. */
    open_at(&s, "quadratic", "sgd", 0.5, LONG_MAX);
    session_step(&s);
    session_status_text(&s, 0, buf, sizeof buf);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "converged"));
    session_free(&s);
    /* At α = 1 it jumps between (1.5, 1.5) and its mirror for ever. */
    open_at(&s, "quadratic", "sgd", 1.0, LONG_MAX);
    for (int i = 0; i < WATCH_STALL_UPDATES - 1; i++)
        session_step(&s);
    session_status_text(&s, 0, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "paused");
    session_step(&s);
    session_status_text(&s, 0, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "paused · stalled since step 0");
    session_free(&s);
}

/* After a setting changes between updates, the step panel shows the
 * next update under the new settings, not the last one's numbers beside
 * the new method's name. */
static void anatomy_after_a_change(void)
{
    session s;
    open_at(&s, "rosenbrock", "adam", 0.05, LONG_MAX);
    session_step(&s);
    CU_ASSERT_STRING_EQUAL(session_doc(&s)->title, "update 1 · stage 5/5: update");
    CU_ASSERT_TRUE(doc_has(&s, "by analytic"));
    run_set_grad(session_focused(&s), GRAD_CENTRAL, 1e-5);
    session_settings_changed(&s);
    CU_ASSERT_STRING_EQUAL(session_doc(&s)->title, "update 2 · ready (s: stage)");
    CU_ASSERT_TRUE(doc_has(&s, "by central"));
    CU_ASSERT_TRUE(doc_has(&s, "analytic: rel.err"));
    CU_ASSERT_FALSE(doc_has(&s, "central h="));
    /* The next update is shown as it happens. */
    session_stage(&s);
    CU_ASSERT_STRING_EQUAL(session_doc(&s)->title, "update 2 · stage 1/5: evaluate");
    session_free(&s);
}

/* Hypergradients move α; a new objective (and a reset) starts from the
 * learning rate the user set. */
static void objective_switch_keeps_the_set_lr(void)
{
    session s;
    open_at(&s, "rosenbrock", "sgd", 1e-4, LONG_MAX);
    run_set_hd(session_focused(&s), (hd_setting){HD_ADD, 1e-6, 0.0, 1.0});
    session_settings_changed(&s);
    for (int i = 0; i < 20; i++)
        session_step(&s);
    CU_ASSERT_NOT_EQUAL(session_focused(&s)->lr, 1e-4);
    objective_error e;
    CU_ASSERT_EQUAL(session_set_objective(&s, "booth", &e), 0);
    CU_ASSERT_EQUAL(session_focused(&s)->lr, 1e-4);
    for (int i = 0; i < 20; i++)
        session_step(&s);
    session_reset(&s);
    CU_ASSERT_EQUAL(session_focused(&s)->lr, 1e-4);
    session_free(&s);
}

/* θ thrown out of the view (lr 1e9): w fits the view to the paths. */
static void view_fits_the_paths(void)
{
    session s;
    open_at(&s, "quadratic", "sgd", 1e9, LONG_MAX);
    for (int i = 0; i < 3; i++)
        session_step(&s);
    const double *t = session_focused(&s)->theta, *v = s.view;
    CU_ASSERT_FALSE(t[0] >= v[0] && t[0] <= v[1]);
    CU_ASSERT_EQUAL(session_view_fit(&s), 0);
    CU_ASSERT_TRUE(t[0] > v[0] && t[0] < v[1] && t[1] > v[2] && t[1] < v[3]);
    CU_ASSERT_TRUE(1.5 > v[0] && 1.5 < v[1]); /* the start too */
    session_free(&s);
    /* Values past 1e100 are left out; a lone point gets room around it. */
    open_at(&s, "quadratic", "sgd", 1e60, LONG_MAX);
    for (int i = 0; i < 5; i++)
        session_step(&s);
    CU_ASSERT_EQUAL(session_view_fit(&s), 0);
    CU_ASSERT_TRUE(isfinite(s.view[1] - s.view[0]) &&
                   s.view[1] - s.view[0] < 1e100);
    session_free(&s);
}

static bool has_row(const run *r, int id)
{
    int ids[SETTINGS_MAX];
    size_t n = run_live_settings(r, ids, SETTINGS_MAX);
    for (size_t i = 0; i < n; i++)
        if (ids[i] == id)
            return true;
    return false;
}

/* The settings panel's rows come from the optimiser type's params, so a
 * new optimiser's settings appear with no change to the screen. */
static void settings_rows_from_the_type(void)
{
    static const optimizer_type made_up = {
        .name = "made-up", .title = "made up", .caps = OPTIM_FIRST_ORDER,
        .params = OPTIM_P_RHO | OPTIM_P_BETAS};
    session s;
    open_at(&s, "rosenbrock", "adam", 0.05, LONG_MAX);
    run *r = session_focused(&s);
    CU_ASSERT_TRUE(has_row(r, OPT_BETA1) && has_row(r, OPT_BETA2) &&
                   has_row(r, OPT_EPS) && !has_row(r, OPT_MOMENTUM));
    CU_ASSERT_FALSE(has_row(r, OPT_HD_BETA)); /* only with HD on */
    CU_ASSERT_FALSE(has_row(r, OPT_H));       /* only for differences */
    r->s.opt = &optim_momentum;
    CU_ASSERT_TRUE(has_row(r, OPT_MOMENTUM) && !has_row(r, OPT_BETA1));
    r->s.opt = &made_up;
    CU_ASSERT_TRUE(has_row(r, OPT_RHO) && has_row(r, OPT_BETA2) &&
                   !has_row(r, OPT_EPS));
    r->s.opt = &optim_adam;
    session_free(&s);
}

static void fits(const char *in, int width, const char *want)
{
    char out[256];
    text_fit(in, width, "…", out, sizeof out);
    CHECKF(strcmp(out, want) == 0, "fit '%s' to %d: '%s', want '%s'", in,
           width, out, want);
    CHECKF(text_width(out) <= width, "'%s' is wider than %d", out, width);
}

/* Numbers are shortened before anything is cut, a cut never falls in a
 * number, and every cut is marked. */
static void text_fitting(void)
{
    fits("f = 2.0912e-05", 20, "f = 2.0912e-05");
    fits("f = 2.0912e-05", 12, "f = 2.09e-05");
    fits("f = 2.0912e-05", 10, "f = 2e-05");
    fits("f = 2.0912e-05", 8, "f = …");
    fits("θ = (-1.33352,1.258421)", 17, "θ = (-1.33,1.258)");
    fits("θ = (-1.33352,1.258421)", 12, "θ = (-1.33,…");
    fits("loss is above 1e100", 16, "loss is above …");
    fits("1 θ = (-1.50000,2.000000)  f = 12.50000", 37,
         "1 θ = (-1.50000,2.00000)  f = 12.5000");
    /* Names with digits are not numbers; whole numbers keep their digits. */
    fits("x0 = 0.123456 step 123456", 22, "x0 = 0.123 step 123456");
    fits("step 1234567", 8, "step …");
    fits("m̂ = 0.5", 7, "m̂ = 0.5");
    /* A number written twice is shortened alike (x == y once read
     * (2e-149,1.7e-149)). */
    fits("θ = (1.67e-149,1.67e-149)", 23, "θ = (1.7e-149,1.7e-149)");
    fits("θ = (1.67e-149,1.67e-149)", 22, "θ = (2e-149,2e-149)");
    /* A number too long to rewrite is cut, not looped on forever. */
    fits("x = 0.12345678901234567890123456789012345678901234567890123456789"
         "0123456789", 10, "x = …");
    CU_ASSERT_EQUAL(text_width("m̂ = 0.5"), 7);
}

/* Every theme's text 4.5:1 and lines 3:1 against what they are drawn
 * on (WCAG 2), the contours against every band of the heat map. */
static void themes_have_contrast(void)
{
    for (int k = 0; k < THEME_COUNT; k++) {
        const theme *t = &themes[k];
        if (!t->color)
            continue; /* attributes only */
        for (int r = 0; r < ROLE_COUNT; r++) {
            double c = theme_contrast(theme_rgb(theme_role_fg(t, r), true),
                                      theme_rgb(theme_role_bg(t, r), false));
            double need = theme_role_is_line(r) ? 3.0 : 4.5;
            CHECKF(c >= need, "theme %s, role %d: %.2f:1 (needs %.1f)",
                   t->name, r, c, need);
        }
        /* A chart's second series apart from every run's colour. */
        for (int i = 0; i < THEME_RUN_COLORS; i++) {
            double d = 0;
            for (int sh = 0; sh < 24; sh += 8) {
                double x = (double)((t->series2.rgb >> sh) & 0xff) -
                           (double)((t->runs[i].rgb >> sh) & 0xff);
                d += x * x;
            }
            CHECKF(sqrt(d) >= 100, "theme %s: series2 near run %d", t->name, i);
        }
        for (int i = 0; i <= 100; i++) {
            uint32_t band = palette_rgb(t->palette, i / 100.0);
            double c = theme_contrast(band, theme_contour_rgb(band));
            CHECKF(c >= 3.0, "theme %s: contour on band %06x: %.2f:1",
                   t->name, band, c);
        }
    }
}

/* The HPO curve's y axis spreads the region near the minimum over rows
 * whatever diverged far above it; z zooms about the best h. */
static void hpo_minimum_region_visible(void)
{
    /* A learning rate's validation loss: flat near the best, then the
     * runs diverge. */
    static const double val[12] = {2448.54, 2448.6, 2448.9, 2449.3, 2449.6,
                                   2450.2, 2451.5, 2470, 2600, 3e8, 1.7e94,
                                   NAN};
    hpo_view v = {.lo = 1e-4, .hi = 1};
    CU_ASSERT_EQUAL_FATAL(hpo_view_curve(&v, 12), 0);
    for (int i = 0; i < 12; i++)
        v.curve_h[i] = pow(10.0, -4 + 4.0 * i / 11);
    memcpy(v.curve_v, val, sizeof val);
    hpo_yscale y = hpo_view_yscale(&v);
    CU_ASSERT_EQUAL(y.best, 2448.54);
    CU_ASSERT_DOUBLE_EQUAL(hpo_yscale_at(&y, 2448.54), 0.0, 1e-12);
    /* Within 0.2% of the best: a quarter of the height or more (on a
     * linear or plain log axis up to 1.7e94, all of it on one row). */
    CHECKF(hpo_yscale_at(&y, 2451.5) > 0.25, "2451.5 at %g",
           hpo_yscale_at(&y, 2451.5));
    CU_ASSERT_TRUE(hpo_yscale_at(&y, 1.7e94) > 1.0); /* marked above */
    CU_ASSERT_TRUE(isnan(hpo_yscale_at(&y, NAN)));
    CU_ASSERT_DOUBLE_EQUAL(hpo_yscale_value(&y, hpo_yscale_at(&y, 2451.5)),
                           2451.5, 1e-9);
    /* Zoom: half the decades, about the best h, inside the range. */
    hpo_view_zoom(&v, 0.5);
    double lo, hi;
    hpo_view_xrange(&v, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, 1e-4, 1e-12); /* the best is at the end */
    CU_ASSERT_DOUBLE_EQUAL(hi, 1e-2, 1e-12);
    hpo_view_zoom(&v, 0.0);
    hpo_view_xrange(&v, &lo, &hi);
    CU_ASSERT_EQUAL(hi, 1.0);
    hpo_view_free(&v);
}

static int overlaps(rect a, rect b)
{
    return a.w && b.w && a.x < b.x + b.w && b.x < a.x + a.w &&
           a.y < b.y + b.h && b.y < a.y + a.h;
}

/* The lesson panel is always there, the step panel has room for every
 * stage (all of them at 120×36), and v swaps the charts in beside the
 * lesson. */
static void lesson_layouts(void)
{
    static const int sizes[][2] = {{80, 24}, {120, 36}, {200, 60}, {100, 28},
                                   {60, 20}, {50, 16}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++)
        for (int tab = 0; tab < 2; tab++) {
            layout l;
            int cols = sizes[k][0], rows = sizes[k][1];
            layout_lesson(&l, cols, rows, false, (layout_tab)tab, false);
            CU_ASSERT_TRUE(layout_visible(&l, PANE_LESSON));
            CU_ASSERT_TRUE(layout_visible(&l, PANE_SURFACE));
            for (int i = 0; i < PANE_COUNT; i++)
                for (int j = i + 1; j < PANE_COUNT; j++)
                    CU_ASSERT_FALSE(overlaps(l.r[i], l.r[j]));
            if (cols < 60)
                continue; /* the surface and the lesson first */
            if (tab == TAB_STEP || !l.tabbed)
                CHECKF(l.r[PANE_STEP].h >= RUN_STAGE_COUNT + 2,
                       "%dx%d: the step panel has %d rows", cols, rows,
                       l.r[PANE_STEP].h);
            else
                CU_ASSERT_TRUE(layout_visible(&l, PANE_LOSS));
        }
    layout l;
    layout_lesson(&l, 120, 36, false, TAB_STEP, false);
    CU_ASSERT_TRUE(l.r[PANE_STEP].h >= 17 && layout_visible(&l, PANE_LOSS));
}

void suite_tui_screen(void)
{
    static const test_case tests[] = {
        {"step limit pauses", step_limit_pauses},
        {"converged or stalled", converged_or_stalled},
        {"anatomy after a setting change", anatomy_after_a_change},
        {"objective switch keeps the set lr", objective_switch_keeps_the_set_lr},
        {"text fitting", text_fitting},
        {"view fits the paths", view_fits_the_paths},
        {"settings rows from the type", settings_rows_from_the_type},
        {"lesson layouts", lesson_layouts},
        {"themes have contrast", themes_have_contrast},
        {"hpo: the minimum's region visible", hpo_minimum_region_visible},
        {NULL, NULL},
    };
    add_suite("tui_screen", tests);
}
