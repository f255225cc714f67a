/* The figures' pure parts: contour segments joined into lines, a path
 * thinned as it grows, the panel list. */
#include <math.h>
#include <stdlib.h>

#include "contour_chain.h"
#include "plot.h"
#include "suites.h"

typedef struct {
    int lines;
    size_t points;
    double first[2], last[2];
} lines_seen;

static void seen(void *p, const double *xy, size_t n)
{
    lines_seen *s = p;
    s->lines++;
    s->points = n;
    s->first[0] = xy[0], s->first[1] = xy[1];
    s->last[0] = xy[2 * n - 2], s->last[1] = xy[2 * n - 1];
}

/* A circle on a grid is one closed line through every segment. */
static void chain_circle(void)
{
    enum { N = 41 };
    double *g = malloc(N * N * sizeof *g);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    for (int j = 0; j < N; j++)
        for (int i = 0; i < N; i++)
            g[j * N + i] = (i - 20.0) * (i - 20.0) + (j - 20.0) * (j - 20.0);
    contour_set set = {0};
    int segs = contour_level(g, N, N, 150.5, contour_set_add, &set);
    lines_seen s = {0};
    CU_ASSERT_TRUE(segs > 20);
    CU_ASSERT_EQUAL(contour_chain(&set, seen, &s), 0);
    CU_ASSERT_EQUAL(s.lines, 1);
    CU_ASSERT_EQUAL(s.points, (size_t)segs + 1);
    CU_ASSERT_DOUBLE_EQUAL(s.first[0], s.last[0], 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(s.first[1], s.last[1], 1e-12);
    contour_set_free(&set);
    free(g);
}

/* Two separate arcs stay two lines, each open. */
static void chain_two_lines(void)
{
    const double g[6] = {0, 1, 0, 0, 1, 0};
    contour_set set = {0};
    contour_level(g, 3, 2, 0.5, contour_set_add, &set);
    lines_seen s = {0};
    CU_ASSERT_EQUAL(contour_chain(&set, seen, &s), 0);
    CU_ASSERT_EQUAL(s.lines, 2);
    CU_ASSERT_EQUAL(s.points, 2);
    contour_set_free(&set);
}

/* A long path keeps between half and all of its room, evenly spread,
 * the first and the last row always. */
static void path_thinning(void)
{
    enum { DIM = 5000, ROWS = 10007 };
    plot_path p;
    CU_ASSERT_EQUAL_FATAL(plot_path_init(&p, DIM, "long"), 0);
    double *theta = calloc(DIM, sizeof *theta);
    CU_ASSERT_PTR_NOT_NULL_FATAL(theta);
    for (int i = 0; i < ROWS; i++) {
        theta[0] = i;
        plot_path_add(&p, i, theta, 1.0 / (i + 1), 0.1, 2.0, NAN);
    }
    plot_path_end(&p);
    CU_ASSERT_TRUE(p.n > p.cap / 2 && p.n <= p.cap);
    CU_ASSERT_EQUAL(p.step[0], 0);
    CU_ASSERT_EQUAL(p.step[p.n - 1], ROWS - 1);
    CU_ASSERT_EQUAL(p.theta[(p.n - 1) * DIM], ROWS - 1);
    bool even = true;
    for (size_t k = 1; k + 1 < p.n; k++)
        even &= p.step[k] - p.step[k - 1] == p.stride &&
                p.theta[k * DIM] == p.step[k] && p.loss[k] == 1.0 / (p.step[k] + 1);
    CU_ASSERT_TRUE(even);
    CU_ASSERT_FALSE(p.has_val);
    plot_path_free(&p);
    free(theta);
}

static void panels(void)
{
    const char *bad = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL(plot_panels_parse("surface,loss", &bad, &len),
                    PLOT_SURFACE | PLOT_LOSS);
    CU_ASSERT_EQUAL(plot_panels_parse("grad,lr,grad", &bad, &len),
                    PLOT_GRAD | PLOT_LR);
    CU_ASSERT_EQUAL(plot_panels_parse("surface,los,lr", &bad, &len), -1);
    CU_ASSERT_NSTRING_EQUAL(bad, "los", 3);
    CU_ASSERT_EQUAL(len, 3);
    CU_ASSERT_EQUAL(plot_panels_parse("loss,", &bad, &len), -1);
    CU_ASSERT_EQUAL(len, 0);
}

void suite_plot(void)
{
    static const test_case tests[] = {
        {"contours chain into one closed line", chain_circle},
        {"separate contours stay apart", chain_two_lines},
        {"a long path is thinned evenly", path_thinning},
        {"panel lists", panels},
        {NULL, NULL},
    };
    add_suite("plot", tests);
}
