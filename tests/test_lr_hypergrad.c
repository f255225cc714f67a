/* The forward-mode derivative of the loss after T updates in α against
 * a central difference of whole runs. */
#include <math.h>
#include <stdio.h>

#include "builtins.h"
#include "lr_hypergrad.h"
#include "suites.h"

typedef struct {
    const char *objective;
    const optimizer_type *opt;
    double alpha;
    double start[2];
} lr_case;

static const lr_case cases[] = {
    {"quadratic", &optim_sgd, 0.1, {1.5, -1.0}},
    {"quadratic", &optim_momentum, 0.05, {1.5, -1.0}},
    {"quadratic", &optim_nesterov, 0.05, {1.5, -1.0}},
    {"quadratic", &optim_adagrad, 0.1, {1.5, -1.0}},
    {"quadratic", &optim_rmsprop, 0.01, {1.5, -1.0}},
    {"quadratic", &optim_adam, 0.01, {1.5, -1.0}},
    {"rosenbrock", &optim_sgd, 1e-3, {-1.5, 2.0}},
    {"rosenbrock", &optim_momentum, 1e-3, {-1.5, 2.0}},
    {"rosenbrock", &optim_nesterov, 1e-3, {-1.5, 2.0}},
    {"rosenbrock", &optim_adagrad, 0.1, {-1.5, 2.0}},
    {"rosenbrock", &optim_rmsprop, 1e-3, {-1.5, 2.0}},
    {"rosenbrock", &optim_adam, 0.01, {-1.5, 2.0}},
};

static void matches_central(void)
{
    static const long steps[] = {50, 500};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        for (int s = 0; s < 2; s++) {
            const lr_case *c = &cases[k];
            objective o;
            objective_builtin(&o, builtin_find(c->objective));
            lr_problem p = {.train = &o, .opt = c->opt,
                            .op = optim_params_default(), .steps = steps[s]};
            lr_result r;
            CU_ASSERT_EQUAL_FATAL(lr_hypergrad(&p, c->start, c->alpha, &r), 0);
            double fd = lr_central(&p, c->start, c->alpha, 1e-6 * c->alpha);
            double err = fabs(r.dloss - fd) / fmax(fabs(fd), 1e-300);
            char msg[160];
            snprintf(msg, sizeof msg, "%s %s T=%ld: forward %.10g central "
                     "%.10g (rel %.2g)", c->objective, c->opt->name, steps[s],
                     r.dloss, fd, err);
            CHECK_MSG(err < 1e-6, msg);
            /* The loss is the run's own. */
            CU_ASSERT_DOUBLE_EQUAL(r.loss, lr_loss(&p, c->start, c->alpha),
                                   1e-12 * fabs(r.loss));
            objective_free(&o);
        }
}

void suite_lr_hypergrad(void)
{
    static const test_case tests[] = {
        {"dL/dα by forward mode vs central differences", matches_central},
        {NULL, NULL},
    };
    add_suite("lr_hypergrad", tests);
}
