#include <math.h>

#include "contour.h"
#include "suites.h"

typedef struct {
    int n;
    contour_seg s[64];
} segs;

static void collect(void *p, const contour_seg *s)
{
    segs *c = p;
    if (c->n < 64)
        c->s[c->n++] = *s;
}

/* A 3×3 grid with a peak in the middle: level 0.5 crosses every one of
 * the four squares once, at the midpoints of the edges. */
static void peak(void)
{
    const double g[9] = {0, 0, 0, 0, 1, 0, 0, 0, 0};
    segs c = {0};
    CU_ASSERT_EQUAL(contour_level(g, 3, 3, 0.5, collect, &c), 4);
    CU_ASSERT_EQUAL(c.n, 4);
    /* The top-left square cuts its bottom-right corner. */
    CU_ASSERT_DOUBLE_EQUAL(c.s[0].x0, 1.0, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(c.s[0].y0, 0.5, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(c.s[0].x1, 0.5, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(c.s[0].y1, 1.0, 1e-15);
    CU_ASSERT_EQUAL(contour_level(g, 3, 3, 2.0, collect, &c), 0);
}

static void interpolation(void)
{
    /* A ramp in x: level 1 lies a quarter of the way across. */
    const double g[4] = {0, 4, 0, 4};
    segs c = {0};
    CU_ASSERT_EQUAL(contour_level(g, 2, 2, 1.0, collect, &c), 1);
    CU_ASSERT_DOUBLE_EQUAL(c.s[0].x0, 0.25, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(c.s[0].x1, 0.25, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(fabs(c.s[0].y1 - c.s[0].y0), 1.0, 1e-15);
}

static void saddle(void)
{
    /* a b / d c = 1 0 / 0 1: four crossings. Centre mean 0.5 ≥ 0.5 is
     * on a's side, so a and c join and corners b and d are cut off. */
    const double g[4] = {1, 0, 0, 1};
    segs c = {0};
    CU_ASSERT_EQUAL(contour_level(g, 2, 2, 0.5, collect, &c), 2);
    CU_ASSERT_DOUBLE_EQUAL(c.s[0].x0, 0.5, 1e-15); /* top ... */
    CU_ASSERT_DOUBLE_EQUAL(c.s[0].y1, 0.5, 1e-15); /* ... to right */
    CU_ASSERT_DOUBLE_EQUAL(c.s[0].x1, 1.0, 1e-15);
    c.n = 0;
    CU_ASSERT_EQUAL(contour_level(g, 2, 2, 0.6, collect, &c), 2);
    CU_ASSERT_DOUBLE_EQUAL(c.s[0].x1, 0.0, 1e-15); /* top to left */
}

static void nan_skipped(void)
{
    const double g[6] = {0, 1, 2, 0, NAN, 2};
    segs c = {0};
    /* Both squares touch the NaN. */
    CU_ASSERT_EQUAL(contour_level(g, 3, 2, 0.5, collect, &c), 0);
}

static void circle_count(void)
{
    /* x² + y² on a 21×21 grid over [-1,1]²: the level 0.25 circle crosses
     * one segment per square it passes through: 36 of them (counted
     * independently by classifying the corners). */
    double g[21 * 21];
    for (int j = 0; j < 21; j++)
        for (int i = 0; i < 21; i++) {
            double x = -1 + i * 0.1, y = -1 + j * 0.1;
            g[j * 21 + i] = x * x + y * y;
        }
    segs c = {0};
    int n = contour_level(g, 21, 21, 0.25, collect, &c);
    CU_ASSERT_EQUAL(n, 36);
}

void suite_contour(void)
{
    static const test_case tests[] = {
        {"peak", peak}, {"interpolation", interpolation}, {"saddle", saddle},
        {"NaN squares skipped", nan_skipped}, {"circle", circle_count},
        {NULL, NULL}};
    add_suite("contour", tests);
}
