/* The six optimisers against PyTorch 1.13 float64 trajectories, and
 * what the optimiser type owns: its state's size and start, its step
 * panel lines, its default hypergradient β. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "ref_match.h"
#include "suites.h"
#include "toy_optim.h"

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
    const char *names[] = {"sgd", "momentum", "nesterov", "adagrad",
                           "rmsprop", "adam", "adamw", "nadam", "adamax",
                           "adadelta", "newton", "bfgs", "cg-fr", "cg-pr",
                           "steepest", "nelder-mead"};
    int i = 0;
    for (const optimizer_type *const *t = optimizer_types; *t && i < 16; t++, i++)
        CU_ASSERT_STRING_EQUAL((*t)->name, names[i]);
    CU_ASSERT_EQUAL(i, 16);
    CU_ASSERT_PTR_NULL(optimizer_types[16]);
    CU_ASSERT_PTR_NULL(optimizer_find("lbfgs"));
    optim_params p = optim_params_default();
    CU_ASSERT_EQUAL(optim_eps(&optim_adagrad, &p), 1e-10);
    p.eps = 1e-6;
    CU_ASSERT_EQUAL(optim_eps(&optim_adam, &p), 1e-6);
}

/* The run's state is as large as its optimiser says, no larger. */
static void state_sizes(void)
{
    optim_params p = optim_params_default();
    CU_ASSERT_EQUAL(optim_state_len(&optim_sgd, &p, 5), 0);
    CU_ASSERT_EQUAL(optim_state_len(&optim_momentum, &p, 5), 5);
    CU_ASSERT_EQUAL(optim_state_len(&optim_adagrad, &p, 5), 5);
    CU_ASSERT_EQUAL(optim_state_len(&optim_adam, &p, 5), 10);
    CU_ASSERT_EQUAL(optim_state_vectors(&optim_adam, &p), 2);
    CU_ASSERT_STRING_EQUAL(optim_adam.state_names[1], "v");
    CU_ASSERT_EQUAL(optim_state_len(&optim_nadam, &p, 5), 11);
    CU_ASSERT_EQUAL(optim_state_len(&toy3, &p, 5), 17);
    /* AMSGrad's running maximum exists only when it is on. */
    p.amsgrad = true;
    CU_ASSERT_EQUAL(optim_state_len(&optim_adam, &p, 5), 15);
    CU_ASSERT_EQUAL(optim_state_len(&optim_adamw, &p, 5), 15);
    CU_ASSERT_EQUAL(optim_state_len(&optim_sgd, &p, 5), 0);
    objective o;
    objective_builtin(&o, builtin_find("rosenbrock"));
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    run r, big;
    CU_ASSERT_EQUAL_FATAL(run_init(&r, &o, &s, o.start), CORE_OK);
    CU_ASSERT_EQUAL(r.state_len, 0);
    size_t sgd_bytes = run_bytes(&r);
    CU_ASSERT_EQUAL(run_set_optimizer(&r, &optim_adam), CORE_OK);
    CU_ASSERT_EQUAL(r.state_len, 4);
    CU_ASSERT_EQUAL(run_bytes(&r), sgd_bytes + 4 * sizeof(double));
    CU_ASSERT_EQUAL(run_set_optimizer(&r, &optim_sgd), CORE_OK);
    CU_ASSERT_EQUAL(run_bytes(&r), sgd_bytes);
    s.opt = &toy3;
    CU_ASSERT_EQUAL_FATAL(run_init(&big, &o, &s, o.start), CORE_OK);
    CU_ASSERT_EQUAL(big.state_len, 8);
    run_free(&big);
    run_free(&r);
    objective_free(&o);
}

/* An optimiser with more state than any shipped one, switched to mid-run
 * (the state grows), stepped (it writes all of it: ASan watches), copied
 * and switched away from. Its init sets the start; a reset goes back. */
static void bigger_state(void)
{
    objective o;
    objective_builtin(&o, builtin_find("quadratic"));
    run_settings s = run_settings_default();
    s.opt = &optim_sgd;
    s.lr = 0.1;
    run r, c;
    CU_ASSERT_EQUAL_FATAL(run_init(&r, &o, &s, o.start), CORE_OK);
    run_step(&r);
    double theta[2] = {r.theta[0], r.theta[1]};
    CU_ASSERT_EQUAL_FATAL(run_set_optimizer(&r, &toy3), CORE_OK);
    CU_ASSERT_EQUAL(r.state_len, 3 * 2 + 2);
    CU_ASSERT_EQUAL(memcmp(r.theta, theta, sizeof theta), 0);
    CU_ASSERT_EQUAL(r.state[4], 0.5);   /* c from init */
    CU_ASSERT_EQUAL(r.state[6], 1.0);   /* the first scalar */
    for (int t = 0; t < 3; t++)
        run_step(&r);
    CU_ASSERT_EQUAL(r.state[6], 8.0);
    CU_ASSERT_EQUAL(r.state[7], 3.0);   /* t counts from the switch */
    CU_ASSERT_EQUAL_FATAL(run_copy(&c, &r), CORE_OK);
    CU_ASSERT_EQUAL(memcmp(c.state, r.state, 8 * sizeof(double)), 0);
    run_step(&c);
    CU_ASSERT_EQUAL(c.state[7], 4.0);
    CU_ASSERT_EQUAL(r.state[7], 3.0);
    run_reset_optimizer(&c);
    CU_ASSERT_EQUAL(c.opt_step, 0);
    CU_ASSERT_EQUAL(c.state[0], 0.0);
    CU_ASSERT_EQUAL(c.state[6], 1.0);
    CU_ASSERT_EQUAL(run_set_optimizer(&c, &optim_momentum), CORE_OK);
    CU_ASSERT_EQUAL(c.state_len, 2);
    CU_ASSERT_EQUAL(c.state[0], 0.0);
    run_step(&c);
    run_free(&c);
    run_free(&r);
    objective_free(&o);
}

/* The paper's β by type, the same wherever a mode is switched on. */
static void default_hd_beta(void)
{
    CU_ASSERT_EQUAL(optim_hd_beta(&optim_sgd, HD_ADD), 1e-3);
    CU_ASSERT_EQUAL(optim_hd_beta(&optim_momentum, HD_ADD), 1e-3);
    CU_ASSERT_EQUAL(optim_hd_beta(&optim_nesterov, HD_ADD), 1e-3);
    CU_ASSERT_EQUAL(optim_hd_beta(&optim_adagrad, HD_ADD), 1e-7);
    CU_ASSERT_EQUAL(optim_hd_beta(&optim_rmsprop, HD_ADD), 1e-7);
    CU_ASSERT_EQUAL(optim_hd_beta(&optim_adam, HD_ADD), 1e-7);
    for (const optimizer_type *const *t = optimizer_types; *t; t++) {
        CU_ASSERT_EQUAL(optim_hd_beta(*t, HD_MULT), 0.02);
        if ((*t)->whole) { /* the reference methods take none of it */
            CU_ASSERT_EQUAL((*t)->caps & ~OPTIM_NEEDS_GRADIENT, 0);
            continue;
        }
        CU_ASSERT_EQUAL((*t)->caps & OPTIM_FIRST_ORDER, OPTIM_FIRST_ORDER);
        CU_ASSERT_PTR_NOT_NULL((*t)->tangent);
    }
    CU_ASSERT_EQUAL(optim_hd_beta(&toy3, HD_ADD), 1e-4);
}

/* Each type writes its own lines, the constants in them; every vector a
 * line shows exists. */
static void describe_lines(void)
{
    optim_params p = optim_params_default();
    optim_line l[OPTIM_LINES];
    for (const optimizer_type *const *t = optimizer_types; *t; t++) {
        if ((*t)->whole) /* they say what they did: run_notes */
            continue;
        for (int variant = 0; variant < 2; variant++) {
            /* With every setting that adds lines on. */
            p.amsgrad = variant == 1;
            p.weight_decay = variant == 1 ? 0.1 : -1.0;
            int k = optim_lines(*t, &p, 3, l), named_d = 0;
            CU_ASSERT(k >= 1 && k <= OPTIM_LINES);
            for (int i = 0; i < k; i++) {
                CU_ASSERT(l[i].vec >= OPTIM_SHOW_NONE &&
                          l[i].vec < (int)optim_state_vectors(*t, &p));
                CU_ASSERT(l[i].name || l[i].vec >= 0);
                named_d += l[i].name && strcmp(l[i].name, "d") == 0;
            }
            CU_ASSERT_EQUAL(named_d, 1);
        }
    }
    p = optim_params_default();
    CU_ASSERT_EQUAL(optim_adam.describe(&p, 1, l), 5);
    CU_ASSERT_STRING_EQUAL(l[0].formula, "0.9·m + 0.1·ĝ");
    CU_ASSERT_STRING_EQUAL(l[2].name, "m̂");
    CU_ASSERT_STRING_EQUAL(l[2].formula, "m/0.1");
    CU_ASSERT_DOUBLE_EQUAL(l[2].scale, 10.0, 1e-12);
    p.momentum = 0.5;
    CU_ASSERT_EQUAL(optim_nesterov.describe(&p, 1, l), 2);
    CU_ASSERT_STRING_EQUAL(l[1].formula, "ĝ + 0.5·v");
    CU_ASSERT_EQUAL(l[1].vec, OPTIM_SHOW_D);
    CU_ASSERT_EQUAL(optim_momentum.describe(&p, 1, l), 2);
    CU_ASSERT_EQUAL(l[1].vec, OPTIM_SHOW_NONE);
}

void suite_optimizer(void)
{
    static const test_case tests[] = {
        {"table", table},
        {"state sized by the type", state_sizes},
        {"a bigger state than any shipped", bigger_state},
        {"default hypergradient beta by type", default_hd_beta},
        {"step panel lines by type", describe_lines},
        {"sgd matches torch", sgd},
        {"momentum matches torch", momentum},
        {"nesterov matches torch", nesterov},
        {"adagrad matches torch", adagrad},
        {"rmsprop matches torch", rmsprop},
        {"adam matches torch", adam},
        {NULL, NULL}};
    add_suite("optimizer", tests);
}
