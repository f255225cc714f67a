/* descent gradcheck --wrt lr: the derivative of the loss after T updates
 * in a constant learning rate α, by forward mode (exact), against
 * central differences of whole runs over a sweep of h, and beside the
 * one-step estimate -∇f(θ_T)·d_T that hypergradient descent uses. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "quote.h"
#include "commands.h"
#include "fmt_double.h"
#include "lr_hypergrad.h"
#include "objective_open.h"
#include "run.h"

enum { OPT_WRT = 1, OPT_OBJECTIVE, OPT_AT, OPT_OPTIMIZER, OPT_LR, OPT_STEPS };

const cli_option gradcheck_lr_option_table[] = {
    {"wrt", true, OPT_WRT}, {"objective", true, OPT_OBJECTIVE},
    {"at", true, OPT_AT}, {"optimizer", true, OPT_OPTIMIZER},
    {"lr", true, OPT_LR}, {"steps", true, OPT_STEPS}, {NULL, false, 0}};

typedef struct {
    const char *objective;
    double at[2];
    bool has_at;
    const optimizer_type *opt;
    double lr;
    long steps;
} lr_options;

static int apply(lr_options *o, int id, const char *v)
{
    switch (id) {
    case OPT_WRT:
        return strcmp(v, "lr") == 0 ? 0
               : (cli_error("--wrt", "'%s' is not lr", QUOTE(v)), -1);
    case OPT_OBJECTIVE: o->objective = v; return 0;
    case OPT_AT:
        o->has_at = true;
        return cli_doubles("--at", v, o->at, 2, 2, NULL);
    case OPT_OPTIMIZER:
        return (o->opt = optimizer_find(v)) ? 0
               : (cli_error("--optimizer", "unknown optimizer '%s' (see "
                            "'descent list optimizers')", QUOTE(v)), -1);
    case OPT_LR:
        if (cli_double("--lr", v, &o->lr) < 0)
            return -1;
        return o->lr > 0 ? 0 : (cli_error("--lr", "must be greater than 0, "
                                          "got %s", QUOTE(v)), -1);
    case OPT_STEPS:
        if (cli_long("--steps", v, &o->steps) < 0)
            return -1;
        return o->steps >= 1 ? 0 : (cli_error("--steps", "must be at least "
                                              "1, got %s", QUOTE(v)), -1);
    }
    return -1;
}

/* -∇f(θ_T)·d_T: the derivative of f(θ_{T-1} - α d_T) at the last step
 * alone, what HD's h_t estimates. */
static double one_step(const lr_problem *p, const double *start, double lr)
{
    run_settings s = run_settings_default();
    s.opt = p->opt;
    s.lr = lr;
    s.max_steps = p->steps;
    run r;
    if (run_init(&r, p->train, &s, start) < 0)
        return NAN;
    while (run_step(&r) == RUN_RUNNING)
        ;
    double h = 0.0;
    for (size_t i = 0; i < r.n; i++)
        h -= r.g[i] * r.d[i];
    run_free(&r);
    return h;
}

int cmd_gradcheck_lr(int argc, char **argv)
{
    lr_options o = {.objective = "rosenbrock", .opt = &optim_sgd, .lr = 1e-3,
                    .steps = 100};
    cli_scan scan = {argc, argv, 0, "gradcheck"};
    const char *v;
    int id;
    while ((id = cli_next(&scan, gradcheck_lr_option_table, false, &v)) != 0) {
        if (id == CLI_HELP)
            return fputs(gradcheck_usage, stdout), EXIT_OK;
        if (id < 0 || apply(&o, id, v) < 0)
            return EXIT_USAGE;
    }
    objective obj;
    objective_error oe;
    if (objective_open(o.objective, &obj, &oe) < 0)
        return cli_located_error("--objective", oe.column, oe.message,
                                 o.objective);
    const double *x = o.has_at ? o.at : obj.start;
    lr_problem p = {.train = &obj, .opt = o.opt, .op = optim_params_default(),
                    .steps = o.steps};
    lr_result r;
    core_error rc = lr_hypergrad(&p, x, o.lr, &r);
    if (rc != CORE_OK) {
        objective_free(&obj);
        if (rc == CORE_EUNSUPPORTED)
            return cli_error("--optimizer", "%s has no forward-mode "
                             "derivative in α", o.opt->name);
        cli_say("%s", core_error_message(rc));
        return EXIT_FAIL;
    }
    char a[FMT_DOUBLE_MAX], b[FMT_DOUBLE_MAX];
    fmt_double(o.lr, a);
    printf("objective: %s; %s, α = %s, %ld steps\n", obj.name, o.opt->name, a,
           o.steps);
    fmt_double(r.loss, a);
    fmt_double(r.dloss, b);
    printf("L(α):      %s\nforward:   dL/dα = %s (exact)\n", a, b);
    fmt_double(one_step(&p, x, o.lr), a);
    printf("one step:  -∇f(θ_T)·d_T = %s (what HD sees)\n", a);
    printf("\nh/α sweep: central differences of whole runs\n");
    for (int k = 2; k <= 12; k++) {
        double h = o.lr * pow(10.0, -k);
        double c = lr_central(&p, x, o.lr, h);
        fmt_double(c, a);
        printf("  1e-%02d    %-24s rel error %.2e\n", k, a,
               fabs(c - r.dloss) / fmax(fabs(r.dloss), 1e-300));
    }
    objective_free(&obj);
    return EXIT_OK;
}
