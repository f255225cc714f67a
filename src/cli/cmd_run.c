/* descent run: a headless run with a summary and an optional trace. */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "atomic_file.h"
#include "cli.h"
#include "export_python.h"
#include "commands.h"
#include "fmt_double.h"
#include "run_options.h"
#include "run_theory.h"
#include "trace.h"

static volatile sig_atomic_t stop_requested;

static void on_interrupt(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static const char usage[] =
    "usage: descent run [options]\n"
    "Runs an optimiser headless, prints a summary and writes a trace.\n\n";

/* v exactly, as a float32 when single (a run in float32). */
static void print_value(const char *label, double v, bool single)
{
    char buf[FMT_DOUBLE_MAX];
    fmt_number(v, single, buf);
    printf("%-10s %s\n", label, buf);
}

static void print_number(const char *label, double v)
{
    print_value(label, v, false);
}

static void print_point(const char *label, const double *x, size_t n,
                        bool single)
{
    char buf[FMT_DOUBLE_MAX];
    printf("%-10s ", label);
    size_t shown = n < 8 ? n : 8;
    for (size_t i = 0; i < shown; i++) {
        fmt_number(x[i], single, buf);
        printf("%s%s", i ? ", " : "", buf);
    }
    if (n > shown)
        printf(", … (%zu parameters)", n);
    putchar('\n');
}

static void print_status(const run *r)
{
    printf("%-10s %s at step %ld", "status:", run_status_name(r->status), r->step);
    if (r->status == RUN_DIVERGED)
        printf(" (%s)", r->diverged_what);
    else if (r->stop_why)
        printf(" (%s)", r->stop_why);
    else if (r->error != CORE_OK)
        printf(" (%s)", core_error_message(r->error));
    putchar('\n');
}

/* What the run cost, so that methods compare at equal cost. */
static void print_evaluations(const run *r)
{
    printf("%-10s %ld f, %ld ∇f", "evals:", r->evals, r->gevals);
    if (r->hevals)
        printf(", %ld Hessian%s", r->hevals, r->hevals == 1 ? "" : "s");
    putchar('\n');
}

/* What a reference method's last update did, as its step panel says it
 * (the notes between the one naming the method and the counts). */
static void print_method(const run *r)
{
    optim_note notes[OPTIM_NOTES];
    int k = run_notes(r, notes);
    for (int i = 1; i + 1 < k; i++)
        printf("%-10s %s\n", i == 1 ? "method:" : "", notes[i].text);
}

static void print_nearest_minimum(const objective *obj, const double *x)
{
    if (obj->n_minima == 0 || obj->dim != 2)
        return;
    size_t best = 0;
    double best_d = INFINITY;
    for (size_t i = 0; i < obj->n_minima; i++) {
        double d = hypot(x[0] - obj->minima[i][0], x[1] - obj->minima[i][1]);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    char d[FMT_DOUBLE_MAX], mx[FMT_DOUBLE_MAX], my[FMT_DOUBLE_MAX];
    fmt_double(best_d, d);
    fmt_double(obj->minima[best][0], mx);
    fmt_double(obj->minima[best][1], my);
    printf("%-10s (%s, %s) at distance %s\n", "minimum:", mx, my, d);
}

/* What a model adds: its data and split, and the validation figures. */
static void print_model(const model *m, const run *r)
{
    const data_split *d = &m->data;
    printf("%-10s %zu training rows, %zu validation; target %s; features",
           "data:", d->n_train, d->n_val, d->target);
    for (size_t i = 0; i < d->p && i < 8; i++)
        printf("%s%s", i ? "," : " ", d->features[i]);
    if (d->p > 8)
        printf(", … (%zu)", d->p);
    printf("; %s\n", d->standardized ? "standardised with training statistics"
                                     : "not scaled");
    const char *names[6];
    double v[6];
    trace_row row;
    trace_row_of(&row, r);
    trace_row_metrics(&row, r);
    trace_optional(trace_model_columns(r->obj, &r->s), &row, names, v);
    for (size_t i = 0; names[i]; i++) {
        char label[32];
        snprintf(label, sizeof label, "%s:", names[i]);
        print_number(label, v[i]);
    }
}

/* What the optimiser was given beyond its name, as the options write it. */
static void print_settings(const run_settings *s, bool single)
{
    const optimizer_type *t = s->opt;
    double w = optim_weight_decay(t, &s->op);
    if (w != 0.0)
        printf(", weight decay %g", w);
    if ((t->params & OPTIM_P_DAMPENING) && s->op.dampening != 0.0)
        printf(", dampening %g", s->op.dampening);
    if ((t->params & OPTIM_P_AMSGRAD) && s->op.amsgrad)
        printf(", amsgrad");
    if (s->sched.kind != SCHED_NONE) {
        char buf[96];
        schedule_text(&s->sched, buf, sizeof buf);
        printf(", schedule %s", buf);
    }
    if (single)
        printf(", float32");
}

static void print_summary(const run_options *o, const objective *obj,
                          const run *r, long rows, const run_theory *t)
{
    const run_settings *s = &r->s;
    bool single = obj->single;
    printf("%-10s %s", "objective:", obj->name);
    if (strcmp(obj->name, obj->formula) != 0)
        printf("  %s", obj->formula);
    putchar('\n');
    printf("%-10s %s, %s%s", "optimizer:", s->opt->name,
           s->opt->caps & OPTIM_NEEDS_GRADIENT ? "grad " : "no gradient",
           s->opt->caps & OPTIM_NEEDS_GRADIENT ? grad_method_name(s->grad) : "");
    if (s->clip.mode != CLIP_NONE)
        printf(", clip %s:%g", clip_mode_name(s->clip.mode), s->clip.c);
    if (s->hd.mode != HD_OFF)
        printf(", hypergrad %s β %g", hd_mode_name(s->hd.mode), s->hd.beta);
    print_settings(s, single);
    putchar('\n');
    print_status(r);
    print_value("loss:", r->loss, single);
    print_point("point:", r->theta, r->n, single);
    print_value("grad norm:", r->grad_norm, single);
    print_number("lr:", r->lr);
    print_evaluations(r);
    print_method(r);
    print_nearest_minimum(obj, r->theta);
    run_theory_print(t, r);
    if (model_of(obj))
        print_model(model_of(obj), r);
    if (o->trace && strcmp(o->trace, "-") != 0)
        printf("%-10s %s (%ld rows)\n", "trace:", o->trace, rows);
}

/* Writes the row of r's state to w (if any), with a model's metrics
 * when the trace has them. Returns 0, or -1 when writing failed. */
static int write_row(trace_writer *w, const run *r)
{
    if (!w)
        return 0;
    trace_row row;
    trace_row_of(&row, r);
    if (trace_wants_metrics(w))
        trace_row_metrics(&row, r);
    return trace_write_row(w, &row, r->theta);
}

/* Steps r to its end, writing a row per step to w (if any), and what
 * the theory measures. Returns the number of rows, or -1 when writing
 * failed. */
static long drive(run *r, trace_writer *w, run_theory *t)
{
    long rows = 0;
    if (write_row(w, r) < 0)
        return -1;
    rows++;
    while (r->status == RUN_RUNNING) {
        if (stop_requested) {
            run_stop(r);
            break;
        }
        run_step(r);
        run_theory_watch(t, r);
        if (write_row(w, r) < 0)
            return -1;
        rows++;
    }
    return rows;
}

/* --export-python: the run as a PyTorch script, written whole or not at
 * all before the run starts. Returns 0, or an exit code after the
 * error. */
static int write_script(const run_options *o, const objective *obj,
                        const double *start, int argc, char **argv)
{
    export_run x = {obj, &o->s, start, run_options_trace_params(o, obj->dim),
                    argc, argv};
    char err[512];
    if (export_python_check(&x, err, sizeof err) < 0)
        return cli_error("--export-python", "%s", err);
    atomic_file f;
    if (atomic_open(&f, o->export_python, o->force, err, sizeof err) < 0)
        return cli_error("--export-python", "%s", err);
    if (export_python(f.f, &x) < 0) {
        atomic_abort(&f);
        fprintf(stderr, "descent: --export-python: out of memory\n");
        return EXIT_FAIL;
    }
    if (atomic_commit(&f, err, sizeof err) < 0) {
        fprintf(stderr, "descent: --export-python: %s\n", err);
        return EXIT_FAIL;
    }
    return 0;
}

int cmd_run(int argc, char **argv)
{
    run_options o;
    run_options_default(&o);
    bool help;
    if (run_options_parse(&o, argc, argv, "run", &help) != 0)
        return EXIT_USAGE;
    if (help) {
        printf("%soptions:\n%s%s", usage, run_options_help,
               model_options_help);
        return EXIT_OK;
    }
    objective obj;
    if (run_options_resolve(&o, &obj) != 0)
        return EXIT_USAGE;

    const double *start = run_options_start(&o, &obj);
    int rc = o.export_python ? write_script(&o, &obj, start, argc, argv) : 0;
    if (rc) {
        objective_free(&obj);
        return rc;
    }
    run r;
    core_error rc0 = run_init(&r, &obj, &o.s, start);
    if (rc0 != CORE_OK) {
        /* The options checked everything a run refuses but memory. */
        objective_free(&obj);
        fprintf(stderr, "descent: %s\n", core_error_message(rc0));
        return rc0 == CORE_ENOMEM ? EXIT_FAIL : EXIT_USAGE;
    }
    rc = EXIT_OK;
    char err[512];
    trace_writer *w = NULL;
    const model *m = model_of(&obj);
    if (o.trace) {
        trace_format fmt;
        trace_format_from_path(o.trace, &fmt);
        trace_meta meta = {o.objective, start,
                           run_options_trace_params(&o, r.n),
                           trace_model_columns(&obj, &r.s),
                           m ? m->type->name : NULL, argc, argv};
        w = trace_open(o.trace, fmt, o.force, &r, &meta, err, sizeof err);
        if (!w) {
            rc = cli_error("--trace", "%s", err);
            goto out;
        }
    }
    struct sigaction sa = {.sa_handler = on_interrupt};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    run_theory theory;
    if (run_theory_open(&theory, &obj, start, &r.s) < 0) {
        fprintf(stderr, "descent: out of memory\n");
        rc = EXIT_FAIL;
        goto out;
    }
    long rows = drive(&r, w, &theory);
    if (w && rows < 0) {
        trace_abort(w);
        fprintf(stderr, "descent: --trace: %s: write failed\n", o.trace);
        rc = EXIT_FAIL;
        goto out;
    }
    if (w && trace_close(w, &r, err, sizeof err) < 0) {
        fprintf(stderr, "descent: --trace: %s\n", err);
        rc = EXIT_FAIL;
        goto out;
    }
    if (!o.quiet && !(o.trace && strcmp(o.trace, "-") == 0))
        print_summary(&o, &obj, &r, rows, &theory);
out:
    run_free(&r);
    objective_free(&obj);
    return rc;
}
