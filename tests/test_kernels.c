/* The fast paths against the plain ones: a model's loss on a slice's
 * plane against model_train at θ(a, b), and the run's vector sums,
 * short (the plain loop) and long (8 lanes). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gradient.h"

#include "model_open.h"
#include "slice.h"
#include "suites.h"
#include "vec.h"

static void plane_matches(const model_type *t, const char *data,
                          size_t hidden)
{
    model_spec spec = model_spec_default();
    spec.data = data;
    spec.opt.standardize = false;
    if (hidden)
        spec.config.hidden = hidden;
    objective o;
    data_file_error e;
    CU_ASSERT_EQUAL_FATAL(model_open(t, &spec, &o, &e), 0);
    model *m = model_of(&o);
    slice s;
    CU_ASSERT_EQUAL_FATAL(slice_random(&s, m->theta0, o.dim, m->blocks,
                                       m->n_blocks, 3), 0);
    slice_eval ev;
    CU_ASSERT_EQUAL_FATAL(slice_eval_init(&ev, &s, &o), 0);
    CU_ASSERT_PTR_NOT_NULL(ev.plane);
    double *theta = malloc(o.dim * sizeof *theta), worst = 0.0;
    for (int i = 0; i < 25; i++) {
        double a = -1.0 + 0.5 * (i % 5), b = -1.0 + 0.5 * (i / 5);
        slice_point(&s, a, b, theta);
        double want = model_train(m, theta, NULL);
        double got = slice_eval_at(&ev, a, b);
        worst = fmax(worst, fabs(got - want) / fabs(want));
    }
    CHECKF(worst < 1e-12, "%s: plane against model_train %.3g", t->name,
           worst);
    free(theta);
    slice_eval_free(&ev);
    slice_free(&s);
    objective_free(&o);
}

static void planes(void)
{
    plane_matches(&model_mlp, NULL, 0);
    plane_matches(&model_mlp, "diabetes", 5);
    plane_matches(&model_softmax, "digits", 0);
    plane_matches(&model_softmax, "iris", 0);
}

/* Central differences from one forward pass against 2·dim evaluations
 * of F (and both against the exact gradient). */
static void central_matches(const model_type *t, const char *data)
{
    model_spec spec = model_spec_default();
    spec.data = data;
    spec.opt.standardize = false;
    spec.max_rows = 300;
    objective o;
    data_file_error e;
    CU_ASSERT_EQUAL_FATAL(model_open(t, &spec, &o, &e), 0);
    model *m = model_of(&o);
    size_t n = o.dim;
    double *fast = malloc(3 * n * sizeof *fast), *slow = fast + n,
           *exact = slow + n, *x = malloc(n * sizeof *x);
    memcpy(x, m->theta0, n * sizeof *x);
    const double h = 1e-6;
    CU_ASSERT_EQUAL(gradient_eval(&o, GRAD_CENTRAL, h, x, fast), 0);
    model_train(m, x, exact);
    double worst = 0.0, scale = 0.0;
    for (size_t i = 0; i < n; i++) {
        double keep = x[i], up = keep + h, down = keep - h;
        x[i] = up;
        double fp = model_train(m, x, NULL);
        x[i] = down;
        double fm = model_train(m, x, NULL);
        x[i] = keep;
        slow[i] = (fp - fm) / (up - down);
        worst = fmax(worst, fabs(fast[i] - slow[i]));
        scale = fmax(scale, fabs(exact[i]));
    }
    CHECKF(worst < 1e-7 * scale, "%s: central from one pass off by %.3g",
           t->name, worst / scale);
    free(x);
    free(fast);
    objective_free(&o);
}

static void centrals(void)
{
    central_matches(&model_mlp, NULL);
    central_matches(&model_mlp, "diabetes");
    central_matches(&model_softmax, "digits");
    central_matches(&model_softmax, "iris");
}

static void vector_sums(void)
{
    enum { N = 101 };
    double a[N], b[N];
    for (int i = 0; i < N; i++) {
        a[i] = sin(i + 1.0);
        b[i] = cos(3.0 * i);
    }
    for (size_t n = 0; n <= N; n++) {
        double dot = 0.0, ss = 0.0;
        for (size_t i = 0; i < n; i++) {
            dot += a[i] * b[i];
            ss += (2.0 * a[i]) * (2.0 * a[i]);
        }
        /* Bit for bit below VEC_SHORT (every 2-D objective's steps). */
        if (n < VEC_SHORT) {
            CU_ASSERT_EQUAL(vec_dot(a, b, n), dot);
            CU_ASSERT_EQUAL(vec_sumsq_scaled(2.0, a, n), ss);
        }
        CU_ASSERT_DOUBLE_EQUAL(vec_dot(a, b, n), dot, 1e-13);
        CU_ASSERT_DOUBLE_EQUAL(vec_sumsq_scaled(2.0, a, n), ss, 1e-12);
        CU_ASSERT_FALSE(vec_any_beyond(a, n, 1.0));
    }
    /* A NaN or a value beyond the bound anywhere, at any length. */
    for (size_t n = 1; n <= N; n++)
        for (size_t at = 0; at < n; at += 7) {
            double keep = a[at];
            a[at] = NAN;
            CU_ASSERT_TRUE(vec_any_beyond(a, n, 1.0));
            a[at] = -2.0;
            CU_ASSERT_TRUE(vec_any_beyond(a, n, 1.0));
            a[at] = keep;
        }
}

void suite_kernels(void)
{
    static const test_case tests[] = {
        {"a slice's plane against model_train", planes},
        {"central differences from one pass", centrals},
        {"vector sums short and long", vector_sums},
        {NULL, NULL}};
    add_suite("kernels", tests);
}
