/* Slices through the MLP: filter-normalised random directions, the
 * principal directions of a path, projections and grids. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model_open.h"
#include "run.h"
#include "slice.h"
#include "suites.h"

static int open_mlp(objective *o)
{
    model_spec s = model_spec_default();
    data_file_error e;
    return model_open(&model_mlp, &s, o, &e);
}

static double norm(const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i] * v[i];
    return sqrt(s);
}

static void random_filter_normalised(void)
{
    objective o;
    CU_ASSERT_EQUAL_FATAL(open_mlp(&o), 0);
    model *m = model_of(&o);
    slice s, t;
    CU_ASSERT_EQUAL_FATAL(slice_random(&s, m->theta0, o.dim, m->blocks,
                                       m->n_blocks, 5), 0);
    /* Each hidden unit's 10 weights, then b1, W2 and b2 as wholes. */
    for (size_t u = 0; u < 64; u++)
        CU_ASSERT_DOUBLE_EQUAL(norm(s.d1 + 10 * u, 10),
                               norm(m->theta0 + 10 * u, 10), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(norm(s.d2 + 640, 64), norm(m->theta0 + 640, 64),
                           1e-12);
    CU_ASSERT_DOUBLE_EQUAL(fabs(s.d1[768]), fabs(m->theta0[768]), 1e-15);
    CU_ASSERT_EQUAL_FATAL(slice_random(&t, m->theta0, o.dim, m->blocks,
                                       m->n_blocks, 5), 0);
    CU_ASSERT_EQUAL(memcmp(s.d1, t.d1, 2 * o.dim * sizeof *s.d1), 0);
    /* The grid's middle is the centre; a point of the plane projects
     * back onto its coordinates. */
    double range[4], f[9], *p = malloc(o.dim * sizeof *p), a, b;
    slice_range(&s, NULL, 0, range);
    CU_ASSERT_EQUAL(range[0], -1.0);
    CU_ASSERT_EQUAL(slice_grid(&s, &o, range, 3, 3, f), 0);
    CU_ASSERT_DOUBLE_EQUAL(f[4], o.ops->value(o.ctx, m->theta0), 1e-12);
    slice_point(&s, 0.3, -0.7, p);
    slice_project(&s, p, &a, &b);
    CU_ASSERT_DOUBLE_EQUAL(a, 0.3, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(b, -0.7, 1e-12);
    free(p);
    slice_free(&t);
    slice_free(&s);
    objective_free(&o);
}

/* A path of 300 Adam steps: the two principal directions are
 * orthonormal, explain most of it, and the run's end is the centre. */
static void pca_of_a_path(void)
{
    objective o;
    CU_ASSERT_EQUAL_FATAL(open_mlp(&o), 0);
    size_t n = o.dim, m = 301;
    double *path = malloc(m * n * sizeof *path);
    run_settings rs = run_settings_default();
    rs.lr = 0.01;
    rs.max_steps = 300;
    run r;
    CU_ASSERT_EQUAL_FATAL(run_init(&r, &o, &rs, model_of(&o)->theta0), 0);
    memcpy(path, r.theta, n * sizeof *path);
    for (size_t t = 1; t < m; t++) {
        run_step(&r);
        memcpy(path + t * n, r.theta, n * sizeof *path);
    }
    slice s;
    CU_ASSERT_EQUAL_FATAL(slice_pca(&s, r.theta, path, m, n), 0);
    double d12 = 0;
    for (size_t i = 0; i < n; i++)
        d12 += s.d1[i] * s.d2[i];
    CU_ASSERT_DOUBLE_EQUAL(norm(s.d1, n), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(norm(s.d2, n), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(d12, 0.0, 1e-9);
    CU_ASSERT(s.explained[0] >= s.explained[1]);
    CU_ASSERT(s.explained[0] + s.explained[1] > 0.5);
    double range[4], a, b;
    slice_range(&s, path, m, range);
    slice_project(&s, r.theta, &a, &b);
    CU_ASSERT(fabs(a) < 1e-12 && fabs(b) < 1e-12);
    slice_project(&s, path, &a, &b);
    CU_ASSERT(range[0] < a && a < range[1] && range[2] < b && b < range[3]);
    slice_free(&s);
    /* A path along one line spans one direction only. */
    for (size_t t = 0; t < 5; t++)
        for (size_t i = 0; i < n; i++)
            path[t * n + i] = (double)t * (double)i;
    CU_ASSERT_EQUAL(slice_pca(&s, path, path, 5, n), -1);
    free(path);
    run_free(&r);
    objective_free(&o);
}

void suite_slice(void)
{
    static const test_case tests[] = {
        {"random directions, filter-normalised", random_filter_normalised},
        {"principal directions of a path", pca_of_a_path},
        {NULL, NULL},
    };
    add_suite("slice", tests);
}
