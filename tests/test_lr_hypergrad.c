/* The forward-mode derivative of the loss after T updates in α against
 * a central difference of whole runs. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "builtins.h"
#include "lr_hypergrad.h"
#include "suites.h"

typedef struct {
    const char *objective;
    const optimizer_type *opt;
    double alpha;
    double start[2];
    double wd, damp;  /* weight decay (0: the optimiser's), dampening */
    bool ams;
} lr_case;

static const lr_case cases[] = {
    {"quadratic", &optim_sgd, 0.1, {1.5, -1.0}, 0, 0, false},
    {"quadratic", &optim_momentum, 0.05, {1.5, -1.0}, 0, 0, false},
    {"quadratic", &optim_nesterov, 0.05, {1.5, -1.0}, 0, 0, false},
    {"quadratic", &optim_adagrad, 0.1, {1.5, -1.0}, 0, 0, false},
    {"quadratic", &optim_rmsprop, 0.01, {1.5, -1.0}, 0, 0, false},
    {"quadratic", &optim_adam, 0.01, {1.5, -1.0}, 0, 0, false},
    {"rosenbrock", &optim_sgd, 1e-3, {-1.5, 2.0}, 0, 0, false},
    {"rosenbrock", &optim_momentum, 1e-3, {-1.5, 2.0}, 0, 0, false},
    {"rosenbrock", &optim_nesterov, 1e-3, {-1.5, 2.0}, 0, 0, false},
    {"rosenbrock", &optim_adagrad, 0.1, {-1.5, 2.0}, 0, 0, false},
    {"rosenbrock", &optim_rmsprop, 1e-3, {-1.5, 2.0}, 0, 0, false},
    {"rosenbrock", &optim_adam, 0.01, {-1.5, 2.0}, 0, 0, false},
    /* Issue 11's: the new optimisers, decay (coupled and decoupled),
     * dampening and amsgrad. */
    {"quadratic", &optim_adamw, 0.01, {1.5, -1.0}, 0, 0, false},
    {"rosenbrock", &optim_adamw, 0.01, {-1.5, 2.0}, 0.1, 0, true},
    {"rosenbrock", &optim_nadam, 0.01, {-1.5, 2.0}, 0, 0, false},
    {"beale", &optim_adamax, 0.01, {1.0, 1.5}, 0, 0, false},
    {"rosenbrock", &optim_adamax, 0.01, {-1.5, 2.0}, 0.05, 0, false},
    {"quadratic", &optim_adadelta, 1.0, {1.5, -1.0}, 0, 0, false},
    {"beale", &optim_adadelta, 0.5, {1.0, 1.5}, 0.01, 0, false},
    {"rosenbrock", &optim_momentum, 1e-3, {-1.5, 2.0}, 0.1, 0.3, false},
    {"rosenbrock", &optim_adam, 0.01, {-1.5, 2.0}, 0.1, 0, true},
    {"beale", &optim_sgd, 1e-3, {1.0, 1.5}, 0.2, 0, false},
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
            if (c->wd > 0.0)
                p.op.weight_decay = c->wd;
            p.op.dampening = c->damp;
            p.op.amsgrad = c->ams;
            lr_result r;
            CU_ASSERT_EQUAL_FATAL(lr_hypergrad(&p, c->start, c->alpha, &r), 0);
            double fd = lr_central(&p, c->start, c->alpha, 1e-6 * c->alpha);
            double err = fabs(r.dloss - fd) / fmax(fabs(fd), 1e-300);
            char msg[160];
            snprintf(msg, sizeof msg, "%s %s (W %g, D %g%s) T=%ld: forward "
                     "%.10g central %.10g (rel %.2g)", c->objective,
                     c->opt->name, c->wd, c->damp, c->ams ? ", amsgrad" : "",
                     steps[s], r.dloss, fd, err);
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
