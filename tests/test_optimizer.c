/* The six optimisers against PyTorch 1.13 float64 trajectories. */
#include <stdio.h>

#include "builtins.h"
#include "ref_match.h"
#include "suites.h"

static void match(const char *fn, const char *opt, double lr, long steps)
{
    const builtin_type *t = builtin_find(fn);
    objective obj;
    objective_builtin(&obj, t);
    run_settings s = run_settings_default();
    s.opt = optimizer_find(opt);
    s.lr = lr;
    s.max_steps = steps;
    run r;
    CU_ASSERT_FATAL(run_init(&r, &obj, &s, t->start) == 0);
    char file[128];
    snprintf(file, sizeof file, "%s_%s_lr%g.csv", fn, opt, lr);
    double err = ref_match(&r, file);
    char msg[256];
    snprintf(msg, sizeof msg, "%s: worst relative error %g", file, err);
    CHECK_MSG(err >= 0.0 && err <= 1e-9, msg);
    CU_ASSERT_EQUAL(r.step, steps);
    run_free(&r);
    objective_free(&obj);
}

static void sgd(void) { match("rosenbrock", "sgd", 0.001, 500); match("beale", "sgd", 0.001, 500); }
static void momentum(void) { match("rosenbrock", "momentum", 0.001, 500); match("beale", "momentum", 0.001, 500); }
static void nesterov(void) { match("rosenbrock", "nesterov", 0.001, 500); match("beale", "nesterov", 0.001, 500); }
static void adagrad(void) { match("rosenbrock", "adagrad", 0.1, 500); match("beale", "adagrad", 0.1, 500); }
static void rmsprop(void) { match("rosenbrock", "rmsprop", 0.01, 500); match("beale", "rmsprop", 0.01, 500); }
static void adam(void) { match("rosenbrock", "adam", 0.01, 2000); match("beale", "adam", 0.01, 500); }

static void table(void)
{
    const char *names[] = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"};
    int i = 0;
    for (const optimizer_type *const *t = optimizer_types; *t; t++, i++)
        CU_ASSERT_STRING_EQUAL((*t)->name, names[i]);
    CU_ASSERT_EQUAL(i, 6);
    CU_ASSERT_PTR_NULL(optimizer_find("lbfgs"));
    optim_params p = optim_params_default();
    CU_ASSERT_EQUAL(optim_eps(&optim_adagrad, &p), 1e-10);
    p.eps = 1e-6;
    CU_ASSERT_EQUAL(optim_eps(&optim_adam, &p), 1e-6);
}

void suite_optimizer(void)
{
    static const test_case tests[] = {
        {"table", table},
        {"sgd matches torch", sgd},
        {"momentum matches torch", momentum},
        {"nesterov matches torch", nesterov},
        {"adagrad matches torch", adagrad},
        {"rmsprop matches torch", rmsprop},
        {"adam matches torch", adam},
        {NULL, NULL}};
    add_suite("optimizer", tests);
}
