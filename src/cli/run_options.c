#include <stdio.h>

#include "atomic_file.h"
#include "cli.h"
#include "run_options.h"
#include "trace.h"

const char run_options_help[] =
    "  --objective NAME|EXPR   built-in name or expression in x, y (default rosenbrock)\n"
    "  --start X,Y             starting point (default: the objective's own)\n"
    "  --optimizer NAME        sgd momentum nesterov adagrad rmsprop adam adamw\n"
    "                          nadam adamax adadelta (default adam), or a reference\n"
    "                          method: newton bfgs cg-fr cg-pr steepest nelder-mead\n"
    "                          (no clipping, hypergradient, schedule or minibatches)\n"
    "  --lr A                  learning rate α0 > 0 (default 0.001; nadam and\n"
    "                          adamax 0.002, adadelta 1); newton's α (1), GSL's\n"
    "                          initial step (0.01; nelder-mead 0.1)\n"
    "  --momentum M            μ for momentum and nesterov (default 0.9)\n"
    "  --dampening D           momentum's dampening, torch's rule (default 0)\n"
    "  --beta1 B --beta2 B     decay rates of the Adam family (default 0.9, 0.999)\n"
    "  --rho R                 decay rate of rmsprop (default 0.99), adadelta (0.9)\n"
    "  --eps E                 ε (default adagrad 1e-10, adadelta 1e-6, else 1e-8)\n"
    "  --weight-decay W        L2 decay, ĝ + Wθ; adamw decoupled, θ(1 − αW)\n"
    "                          (default 0; adamw 0.01)\n"
    "  --amsgrad               adam and adamw with the running maximum of v\n"
    "  --grad analytic|ad|central[:H]|forward[:H]\n"
    "                          the gradient (default analytic; ad for\n"
    "                          expressions)\n"
    "  --h H                   difference step (default 1e-7)\n"
    "  --precision double|single  single: float32 objective, gradient and\n"
    "                          optimiser state (default double)\n"
    "  --clip none|norm:C|value:C   gradient clipping (default none; off = none)\n"
    "  --hypergrad off|add[:B]|mult[:B]  hypergradient descent on α (default off)\n"
    "  --hd-beta B             hypergradient rate (default: add 1e-3, with adam,\n"
    "                          adagrad and rmsprop 1e-7; mult 0.02)\n"
    "  --lr-min A --lr-max A   clamp for α under hypergradients (default 0, none)\n"
    "  --schedule none|step:N:G|exp:G|cosine:T[:MIN]|warmup:N[:F]\n"
    "                          torch's StepLR, ExponentialLR, CosineAnnealingLR,\n"
    "                          LinearLR (F 0.1), stepped once an update\n"
    "  --steps N               number of updates, ≥ 1 (default 1000)\n"
    "  --tol T                 stop when ‖g‖ < T (default: off)\n"
    "  --seed S                seed for anything random (default 0)\n"
    "  --view X0:X1,Y0:Y1      view box of the surface\n"
    "  --trace FILE            write a trace: .csv, .jsonl, or - (CSV on stdout)\n"
    "  --trace-params N|all    parameter columns in the trace (default: all up to 16)\n"
    "  --export-python FILE    write the run as a PyTorch script that prints\n"
    "                          the same trajectory (descent run)\n"
    "  --force                 replace an existing trace file or script\n"
    "  --quiet                 print no summary\n"
    "model options:\n";

int run_options_parse(run_options *o, int argc, char **argv,
                      const char *command, bool *help)
{
    cli_scan scan = {argc, argv, 0, command};
    const char *value;
    int id;
    *help = false;
    while ((id = cli_next(&scan, run_option_table, false, &value)) != 0) {
        if (id == CLI_HELP) {
            *help = true;
            return 0;
        }
        if (id < 0)
            return EXIT_USAGE;
        option_error e;
        if (run_options_set(o, id, value, &e) < 0)
            return cli_option_error(&e, value);
    }
    return 0;
}

int run_options_resolve(run_options *o, objective *obj)
{
    char err[512];
    if (o->trace && trace_check_path(o->trace, o->force, err, sizeof err) < 0)
        return cli_error("--trace", "%s", err);
    if (o->export_python &&
        atomic_check(o->export_python, o->force, err, sizeof err) < 0)
        return cli_error("--export-python", "%s", err);
    option_error e;
    if (run_options_open(o, obj, &e) < 0)
        return cli_option_error(&e, o->objective);
    return 0;
}
