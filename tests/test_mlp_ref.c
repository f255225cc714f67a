/* The seed's network against the PyTorch float64 reference
 * (tests/ref/README.md): 100 SGD-HD updates and 100 plain SGD updates
 * through the real run API, matched to 1e-9 relative. */
#include <math.h>
#include <stdlib.h>

#include "data_csv.h"
#include "model.h"
#include "numbers.h"
#include "ref_csv.h"
#include "run.h"
#include "suites.h"

/* The reference's model: mlp_data.csv unscaled, unshuffled, every row for
 * training, initial parameters from mlp_init.txt. */
static int ref_objective(objective *o)
{
    dataset d;
    data_file_error fe;
    if (data_csv_load(ref_path("mlp_data.csv"), 0, &d, &fe) < 0)
        return -1;
    data_options opt = data_options_default();
    opt.split = 1.0;
    opt.shuffle = false;
    opt.standardize = false;
    data_split s;
    data_error de;
    int rc = data_split_make(&d, &opt, &s, &de);
    dataset_free(&d);
    if (rc < 0)
        return -1;
    model_config c = model_config_default();
    char err[200];
    model *m = model_create(&model_mlp, &s, &c, err, sizeof err);
    double *init;
    size_t n;
    if (!m || numbers_read(ref_path("mlp_init.txt"), &init, &n, &fe) < 0) {
        model_free(m);
        return -1;
    }
    rc = model_set_start(m, init, n);
    free(init);
    if (rc < 0 || model_objective(m, o) < 0) {
        model_free(m);
        return -1;
    }
    return 0;
}

static double rel(double a, double b)
{
    double d = fabs(a - b);
    return d == 0.0 ? 0.0 : d / fmax(fabs(a), fabs(b));
}

static run_settings ref_settings(bool hd)
{
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    s.lr = 0.01;
    s.max_steps = 100;
    if (hd)
        s.hd = (hd_setting){HD_ADD, 1e-3, 0.0, INFINITY};
    return s;
}

static void sgdhd_matches(void)
{
    objective o;
    ref_table t;
    CU_ASSERT_EQUAL_FATAL(ref_objective(&o), 0);
    CU_ASSERT_EQUAL_FATAL(o.dim, 769);
    CU_ASSERT_EQUAL_FATAL(ref_load("mlp_sgdhd.csv", &t), 0);
    run_settings s = ref_settings(true);
    run r;
    CU_ASSERT_EQUAL_FATAL(run_init(&r, &o, &s, model_of(&o)->theta0), 0);
    int cols[4] = {ref_col(&t, "loss"), ref_col(&t, "grad_norm"),
                   ref_col(&t, "lr"), ref_col(&t, "hypergrad")};
    double worst = 0.0;
    for (size_t row = 0; row < t.rows; row++) {
        if (row > 0)
            run_step(&r);
        double got[4] = {r.loss, r.grad_norm, r.lr, r.last.hypergrad};
        for (int c = 0; c < 4; c++)
            worst = fmax(worst, rel(got[c], ref_at(&t, row, cols[c])));
    }
    CHECK_MSG(worst < 1e-9, "SGD-HD loss/grad_norm/lr/hypergrad off by more "
              "than 1e-9");
    CU_ASSERT_EQUAL(r.step, 100);
    double *want;
    size_t n;
    data_file_error fe;
    CU_ASSERT_EQUAL_FATAL(numbers_read(ref_path("mlp_sgdhd_params100.txt"),
                                       &want, &n, &fe), 0);
    CU_ASSERT_EQUAL(n, 769);
    /* Relative, but at the scale 1e-3 for parameters near zero. */
    double pw = 0.0;
    for (size_t i = 0; i < n && i < r.n; i++)
        pw = fmax(pw, fabs(r.theta[i] - want[i]) / fmax(fabs(want[i]), 1e-3));
    CHECK_MSG(pw < 1e-9, "parameters after 100 SGD-HD updates differ");
    free(want);
    run_free(&r);
    ref_free(&t);
    objective_free(&o);
}

static void sgd_matches(void)
{
    objective o;
    ref_table t;
    CU_ASSERT_EQUAL_FATAL(ref_objective(&o), 0);
    CU_ASSERT_EQUAL_FATAL(ref_load("mlp_sgdhd.csv", &t), 0);
    run_settings s = ref_settings(false);
    run r;
    CU_ASSERT_EQUAL_FATAL(run_init(&r, &o, &s, model_of(&o)->theta0), 0);
    int col = ref_col(&t, "loss_sgd");
    double worst = 0.0;
    for (size_t row = 0; row < t.rows; row++) {
        if (row > 0)
            run_step(&r);
        worst = fmax(worst, rel(r.loss, ref_at(&t, row, col)));
    }
    CHECK_MSG(worst < 1e-9, "plain SGD loss off by more than 1e-9");
    run_free(&r);
    ref_free(&t);
    objective_free(&o);
}

void suite_mlp_ref(void)
{
    static const test_case tests[] = {
        {"SGD-HD matches PyTorch for 100 steps", sgdhd_matches},
        {"plain SGD matches PyTorch", sgd_matches},
        {NULL, NULL},
    };
    add_suite("mlp_ref", tests);
}
