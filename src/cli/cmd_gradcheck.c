/* descent gradcheck: the gradient by every method at one point, their
 * relative errors, and a sweep over h that shows the U-shaped error of
 * finite differences (truncation ~h² or ~h against rounding ~ε/h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "cli.h"
#include "commands.h"
#include "fmt_double.h"
#include "gradient.h"
#include "objective_open.h"

enum { OPT_OBJECTIVE = 1, OPT_AT, OPT_H, OPT_FORMAT, OPT_PRECISION };

const cli_option gradcheck_option_table[] = {
    {"objective", true, OPT_OBJECTIVE}, {"at", true, OPT_AT},
    {"h", true, OPT_H}, {"format", true, OPT_FORMAT},
    {"precision", true, OPT_PRECISION}, {NULL, false, 0}};

static const char usage[] =
    "usage: descent gradcheck [--objective NAME|EXPR] [--at X,Y] [--h H]\n"
    "                         [--precision double|single] [--format table|csv]\n"
    "Compares the gradient by hand-written formulas, automatic\n"
    "differentiation, central and forward differences at one point, then\n"
    "sweeps the difference step h from 1e-1 to 1e-15.\n\n"
    "  --objective NAME|EXPR   built-in name or expression (default rosenbrock)\n"
    "  --at X,Y                the point (default: the objective's start)\n"
    "  --h H                   difference step (default 1e-7)\n"
    "  --precision P           double, or single: everything in float32,\n"
    "                          where x + h == x once h is below half an ulp\n"
    "  --format table|csv      csv prints only the sweep (default table)\n\n"
    "descent gradcheck --wrt lr [options] checks the derivative of the loss\n"
    "after T updates in the learning rate α instead: forward mode against\n"
    "central differences of whole runs (descent gradcheck --wrt lr --help).\n";

typedef struct {
    const char *objective;
    double at[2];
    bool has_at;
    double h;
    bool csv, single;
} gc_options;

static int parse(gc_options *o, int argc, char **argv, bool *help)
{
    cli_scan scan = {argc, argv, 0, "gradcheck"};
    const char *v;
    int id;
    while ((id = cli_next(&scan, gradcheck_option_table, false, &v)) != 0) {
        switch (id) {
        case CLI_HELP: *help = true; return 0;
        case OPT_OBJECTIVE: o->objective = v; break;
        case OPT_AT:
            if (cli_doubles("--at", v, o->at, 2, 2, NULL) < 0)
                return EXIT_USAGE;
            o->has_at = true;
            break;
        case OPT_H:
            if (cli_double("--h", v, &o->h) < 0)
                return EXIT_USAGE;
            if (!(o->h > 0))
                return cli_error("--h", "must be greater than 0, got %s", v);
            break;
        case OPT_PRECISION:
            if (strcmp(v, "single") == 0)
                o->single = true;
            else if (strcmp(v, "double") != 0)
                return cli_error("--precision", "unknown value '%s' (one of: "
                                 "double, single)", v);
            break;
        case OPT_FORMAT:
            if (strcmp(v, "csv") == 0)
                o->csv = true;
            else if (strcmp(v, "table") != 0)
                return cli_error("--format", "unknown value '%s' (one of: table, csv)", v);
            break;
        default: return EXIT_USAGE;
        }
    }
    return 0;
}

static bool single_run;

/* v exactly: as a float32 in a float32 check. */
static const char *num(double v, char *buf)
{
    fmt_number(v, single_run, buf);
    return buf;
}

/* The step each difference actually divides by at x: where x + h == x it
 * is 0, and the quotient 0/0. */
static void print_steps(const objective *obj, const double *x, double h)
{
    char a[FMT_DOUBLE_MAX], b[FMT_DOUBLE_MAX];
    printf("\nstep taken with h = %s (%s):\n", num(h, a),
           obj->single ? "x ± h rounded to float32" : "x ± h in double");
    for (int c = 0; c < 2; c++) {
        bool central = c == 0;
        double sx = gradient_step_taken(obj, x[0], h, central);
        double sy = gradient_step_taken(obj, x[1], h, central);
        printf("  %-8s ∂x %-14s ∂y %-14s%s\n", central ? "central" : "forward",
               num(sx, a), num(sy, b),
               sx == 0.0 || sy == 0.0 ? "  ← zero step: x + h == x, 0/0" : "");
    }
}

/* The largest relative error of a difference gradient against exact. */
static double sweep_error(const objective *obj, const double *x,
                          const double *exact, double h, bool central)
{
    double g[2];
    if (central)
        gradient_central(obj, h, x, g);
    else
        gradient_forward(obj, h, x, g);
    return gradient_check(g, exact, 2, NULL);
}

static void print_sweep(const objective *obj, const double *x,
                        const double *exact, const char *exact_name, bool csv)
{
    double best_h[2] = {0, 0}, best_e[2] = {INFINITY, INFINITY};
    double errs[15][2], hs[15];
    for (int k = 0; k < 15; k++) {
        hs[k] = pow(10.0, -(k + 1));
        for (int c = 0; c < 2; c++) {
            errs[k][c] = sweep_error(obj, x, exact, hs[k], c == 0);
            if (errs[k][c] < best_e[c]) {
                best_e[c] = errs[k][c];
                best_h[c] = hs[k];
            }
        }
    }
    char a[FMT_DOUBLE_MAX];
    if (csv) {
        printf("h,central_rel_error,forward_rel_error\n");
        for (int k = 0; k < 15; k++) {
            printf("%s,", num(hs[k], a));
            printf("%s,", num(errs[k][0], a));
            printf("%s\n", num(errs[k][1], a));
        }
        return;
    }
    printf("\nh sweep: largest relative error against the %s gradient\n", exact_name);
    printf("  %-7s  %-9s %-9s\n", "h", "central", "forward");
    for (int k = 0; k < 15; k++)
        printf("  1e-%02d    %-9.2e %-9.2e%s%s%s\n", k + 1, errs[k][0],
               errs[k][1], hs[k] == best_h[0] ? "  ← best central" : "",
               hs[k] == best_h[1] ? "  ← best forward" : "",
               gradient_step_taken(obj, x[0], hs[k], false) == 0.0 ||
                       gradient_step_taken(obj, x[1], hs[k], false) == 0.0
                   ? "  (x + h == x)" : "");
    if (obj->single) {
        printf("  central differences err ~h²/6·f''' + ε·f/h: best near ε^(1/3) ≈ 5e-3\n"
               "  forward differences err ~h/2·f'' + ε·f/h:   best near ε^(1/2) ≈ 3.5e-4\n"
               "  (float32: ε = 1.2e-7, where doubles have 2.2e-16)\n");
        return;
    }
    printf("  central differences err ~h²/6·f''' + ε·f/h: best near ε^(1/3) ≈ 6e-6\n"
           "  forward differences err ~h/2·f'' + ε·f/h:   best near ε^(1/2) ≈ 1.5e-8\n");
}

int cmd_gradcheck(int argc, char **argv)
{
    for (int i = 0; i + 1 < argc; i++)
        if (strcmp(argv[i], "--wrt") == 0)
            return cmd_gradcheck_lr(argc, argv);
    gc_options o = {.objective = "rosenbrock", .h = 1e-7};
    bool help = false;
    if (parse(&o, argc, argv, &help) != 0)
        return EXIT_USAGE;
    if (help) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    objective obj;
    objective_error oe;
    if (objective_open(o.objective, &obj, &oe) < 0) {
        if (oe.column > 0) {
            cli_error("--objective", "column %d: %s", oe.column, oe.message);
            fprintf(stderr, "  %s\n  %*s^\n", o.objective, oe.column - 1, "");
            return EXIT_USAGE;
        }
        return cli_error("--objective", "%s", oe.message);
    }
    if (obj.dim != 2) {
        objective_free(&obj);
        return cli_error("--objective", "gradcheck takes a 2-D objective");
    }
    single_run = o.single;
    if (o.single && objective_single(&obj) != CORE_OK) {
        objective_free(&obj);
        return cli_error("--precision", "single precision is for built-in "
                         "objectives and expressions");
    }
    const double *x = o.has_at ? o.at : obj.start;
    double g[GRAD_METHOD_COUNT][2];
    bool have[GRAD_METHOD_COUNT];
    for (int m = 0; m < GRAD_METHOD_COUNT; m++)
        have[m] = gradient_eval(&obj, (grad_method)m, o.h, x, g[m]) == 0;
    int exact = have[GRAD_ANALYTIC] ? GRAD_ANALYTIC : GRAD_AD;
    if (o.csv) {
        print_sweep(&obj, x, g[exact], grad_method_name((grad_method)exact), true);
        objective_free(&obj);
        return EXIT_OK;
    }
    char a[FMT_DOUBLE_MAX], b[FMT_DOUBLE_MAX], c[FMT_DOUBLE_MAX];
    printf("objective: %s", obj.name);
    if (strcmp(obj.name, obj.formula) != 0)
        printf("  %s", obj.formula);
    putchar('\n');
    const expr *e = objective_expr(&obj);
    if (e) {
        /* As parsed, fully parenthesised: how precedence was read. */
        size_t len = expr_print(e, NULL, 0);
        char *text = malloc(len + 1);
        if (text) {
            expr_print(e, text, len + 1);
            printf("%-10s %s\n", builtin_objective_expr(&obj) ? "ad form:" : "parsed:",
                   text);
            free(text);
        }
    }
    printf("at:        (%s, %s)  f = %s%s\n\n", num(x[0], a), num(x[1], b),
           num(obj.ops->value(obj.ctx, x), c),
           obj.single ? "  (float32)" : "");
    printf("       ");
    for (int m = 0; m < GRAD_METHOD_COUNT; m++)
        printf(" %-24s", grad_method_name((grad_method)m));
    putchar('\n');
    static const char *const comp[2] = {"∂x", "∂y"};
    for (int i = 0; i < 2; i++) {
        printf("  %s  ", comp[i]);
        for (int m = 0; m < GRAD_METHOD_COUNT; m++)
            printf(" %-24s", have[m] ? num(g[m][i], a) : "n/a");
        putchar('\n');
    }
    printf("\nrelative error |a-b|/(|a|+|b|) against %s:\n",
           grad_method_name((grad_method)exact));
    for (int m = 0; m < GRAD_METHOD_COUNT; m++) {
        if (m == exact || !have[m])
            continue;
        printf("  %-9s", grad_method_name((grad_method)m));
        for (int i = 0; i < 2; i++)
            printf(" %s %-10.2e", comp[i], gradient_rel_error(g[m][i], g[exact][i]));
        if (grad_method_uses_h((grad_method)m))
            printf(" (h = %s)", num(o.h, a));
        putchar('\n');
    }
    print_steps(&obj, x, o.h);
    print_sweep(&obj, x, g[exact], grad_method_name((grad_method)exact), false);
    objective_free(&obj);
    return EXIT_OK;
}
