/* descent plot: a figure of the surface, the paths of a run and of
 * traces, and the charts, as SVG or PNG (DESIGN §8). Everything the user
 * typed is checked, the output path included, before anything runs; a
 * figure is written whole or not at all. */
#include <stdio.h>
#include <string.h>

#include "atomic_file.h"
#include "cli.h"
#include "quote.h"
#include "commands.h"
#include "model.h"
#include "objective_open.h"
#include "plot_sources.h"
#include "trace_cli.h"
#include "tui_args.h"

enum {
    OPT_OUT = 200, OPT_SIZE, OPT_PANELS, OPT_INPUT, OPT_THEME, OPT_SLICE,
    OPT_PLOT_FORCE
};

static const option_entry plot_table[] = {
    {"out", true, OPT_OUT}, {"size", true, OPT_SIZE},
    {"panels", true, OPT_PANELS}, {"trace", true, OPT_INPUT},
    {"theme", true, OPT_THEME}, {"slice", true, OPT_SLICE},
    {"force", false, OPT_PLOT_FORCE}, {NULL, false, 0}};

static const char usage[] =
    "usage: descent plot [run options] [--trace FILE ...] --out FILE\n"
    "Draws a figure: the surface (heat map, contours, minima, colour bar),\n"
    "the paths of the run the options describe and of traces (up to 4, with\n"
    "a legend) and charts of the loss, the learning rate and ‖∇f‖.\n"
    "With --trace alone only the traces are drawn; any run setting (e.g.\n"
    "--optimizer, --lr, --start) adds the run.\n\n"
    "options:\n"
    "  --out FILE              the figure: .svg (vector, text as text), .png,\n"
    "                          or .txt (the live screen as text)\n"
    "  --size WxH              pixels (default 1200x800); .txt: characters\n"
    "  --panels LIST           surface,loss,lr,grad (default: all four)\n"
    "  --trace FILE            a trace (.csv, .jsonl) to draw; repeatable\n"
    "  --theme default|light|colour-blind   colours (default: the screen's)\n"
    "  --slice pca|random      models of more than 2 parameters: the plane\n"
    "                          (default pca: the first path's main directions)\n"
    "  --force                 replace an existing figure\n"
    "run options (as 'descent run'):\n";

enum { MAX_TABLE = 64 };

typedef struct {
    run_options o;
    const char *out;
    const char *traces[PLOT_MAX_PATHS + 1];
    int n_traces;
    bool run_given;        /* a setting of the run itself was given */
    bool force;
    bool text;             /* .txt: the live screen, in characters */
    bool size_set;
    int width, height;
    unsigned panels;
    const theme *th;
    slice_kind slice;
    const canvas_ops *ops;
} plot_args;

const cli_option *plot_options(void)
{
    static option_entry t[MAX_TABLE];
    size_t n = 0;
    for (const option_entry *e = plot_table; e->name; e++)
        t[n++] = *e;
    for (const option_entry *e = run_option_table; e->name && n < MAX_TABLE - 1;
         e++)
        if (!run_option_is_output(e->id))
            t[n++] = *e;
    t[n] = (option_entry){NULL, false, 0};
    return t;
}

/* The options that say what is drawn over rather than what runs. */
static bool surface_option(int id)
{
    return id == OPT_OBJECTIVE || id == OPT_VIEW || id == OPT_SEED ||
           (id >= MOPT_MODEL && id != MOPT_BATCH && id != MOPT_INIT);
}

static int parse_size(const char *v, plot_args *a)
{
    a->size_set = true;
    return cli_size("--size", v, &a->width, &a->height);
}

/* Pixels for a figure, characters for the screen as text. */
static int check_size(plot_args *a)
{
    static const int lim[2][4] = {{200, 150, 10000, 10000}, {80, 24, 1000, 500}};
    const int *l = lim[a->text];
    if (!a->size_set) {
        a->width = a->text ? 120 : 1200;
        a->height = a->text ? 36 : 800;
    }
    if (a->width < l[0] || a->height < l[1] || a->width > l[2] ||
        a->height > l[3])
        return cli_error("--size", "%dx%d: from %dx%d up to %dx%d%s", a->width,
                         a->height, l[0], l[1], l[2], l[3],
                         a->text ? " characters" : "");
    return 0;
}

static int parse_theme(const char *v, plot_args *a)
{
    const char *names[THEME_COUNT + 1];
    int n = 0;
    for (int i = 0; i < THEME_COUNT; i++)
        if (themes[i].color)
            names[n++] = themes[i].name;
    names[n] = NULL;
    option_error e;
    int k;
    if (option_name(&e, "--theme", v, names, &k) < 0)
        return cli_option_error(&e, v);
    for (int i = 0; i < THEME_COUNT; i++)
        if (strcmp(themes[i].name, names[k]) == 0)
            a->th = &themes[i];
    return 0;
}

static int plot_option(plot_args *a, int id, const char *v)
{
    static const char *const slices[] = {"pca", "random", NULL};
    option_error e;
    int k;
    switch (id) {
    case OPT_OUT: a->out = v; return 0;
    case OPT_SIZE: return parse_size(v, a);
    case OPT_PANELS: {
        const char *bad;
        size_t len;
        int bits = plot_panels_parse(v, &bad, &len);
        if (bits < 0)
            return cli_error("--panels", "unknown panel '%s' (surface, loss, "
                             "lr, grad)", QUOTE_WIDTH(bad, len, QUOTE_SHOWN));
        a->panels = (unsigned)bits;
        return 0;
    }
    case OPT_INPUT:
        if (a->n_traces == PLOT_MAX_PATHS)
            return cli_error("--trace", "at most %d traces", PLOT_MAX_PATHS);
        a->traces[a->n_traces++] = v;
        return 0;
    case OPT_THEME: return parse_theme(v, a);
    case OPT_SLICE:
        if (option_name(&e, "--slice", v, slices, &k) < 0)
            return cli_option_error(&e, v);
        a->slice = k ? SLICE_RANDOM : SLICE_PCA;
        return 0;
    case OPT_PLOT_FORCE: a->force = true; return 0;
    }
    a->run_given |= !surface_option(id);
    if (run_options_set(&a->o, id, v, &e) < 0)
        return cli_option_error(&e, v);
    return 0;
}

static void print_help(void)
{
    fputs(usage, stdout);
    /* The run options' lines but those of the output (--trace names a
     * trace to draw here). */
    for (const char *l = run_options_help; *l;) {
        size_t n = strcspn(l, "\n");
        const option_entry *e = NULL;
        if (strncmp(l, "  --", 4) == 0)
            e = option_by_name(run_option_table, l + 4, strcspn(l + 4, " "));
        if (!e || !run_option_is_output(e->id))
            printf("%.*s\n", (int)n, l);
        l += n + (l[n] == '\n');
    }
    fputs(model_options_help, stdout);
}

static int check_out(plot_args *a)
{
    if (!a->out)
        return cli_error("plot", "where to? (--out FILE.svg, FILE.png or "
                         "FILE.txt)");
    size_t n = strlen(a->out);
    if (n > 4 && strcmp(a->out + n - 4, ".svg") == 0)
        a->ops = &canvas_svg;
    else if (n > 4 && strcmp(a->out + n - 4, ".png") == 0)
        a->ops = &canvas_png;
    else if (n > 4 && strcmp(a->out + n - 4, ".txt") == 0)
        a->text = true;
    else
        return cli_error("--out", "%s: the file name must end in .svg, .png "
                         "or .txt", QUOTE(a->out));
    if (a->text && a->n_traces)
        return cli_error("--trace", ".txt is the live screen of the run; "
                         "traces are drawn in .svg and .png");
    if (check_size(a) != 0)
        return EXIT_USAGE;
    char err[512];
    if (strcmp(a->out, "-") == 0 || atomic_check(a->out, a->force, err, sizeof err) < 0)
        return cli_error("--out", "%s", strcmp(a->out, "-") ? err
                                                            : "a file, not -");
    return 0;
}

/* 0, 1 after --help, or EXIT_USAGE after the error. */
static int parse(int argc, char **argv, plot_args *a)
{
    run_options_default(&a->o);
    a->panels = PLOT_ALL;
    a->th = &themes[0];
    a->slice = SLICE_PCA;
    cli_scan scan = {argc, argv, 0, "plot"};
    const option_entry *t = plot_options();
    const char *v;
    int id;
    while ((id = cli_next(&scan, t, false, &v)) != 0) {
        if (id == CLI_HELP) {
            print_help();
            return 1;
        }
        if (id < 0 || plot_option(a, id, v) != 0)
            return EXIT_USAGE;
    }
    return check_out(a);
}

typedef struct {
    trace_data t[PLOT_MAX_PATHS];
    int n;
    objective obj;
    bool have_obj;
    char note[160];
} plot_inputs;

/* The surface: the options' objective when the run is drawn or one is
 * given, else a JSON Lines trace's built-in or expression (a model's
 * needs its data: --model), else none and a note why. */
static int open_surface(plot_args *a, bool draw_run, plot_inputs *in)
{
    if (draw_run || a->o.objective_set || a->o.model.type) {
        if (run_options_resolve(&a->o, &in->obj) != 0)
            return EXIT_USAGE;
        in->have_obj = true;
        return 0;
    }
    for (int i = 0; i < in->n; i++) {
        const trace_data *t = &in->t[i];
        if (t->model) {
            snprintf(in->note, sizeof in->note, "%s: no surface without "
                     "--model (θ₀, θ₁ of %ld parameters)", t->model, t->dim);
            continue;
        }
        if (!t->objective)
            continue;
        objective_error oe;
        if (objective_open(t->objective, &in->obj, &oe) < 0)
            return cli_error(QUOTE(a->traces[i]), "objective '%s': %s",
                             QUOTE(t->objective), oe.message);
        in->have_obj = true;
        return 0;
    }
    if (!in->note[0])
        snprintf(in->note, sizeof in->note, "no surface: a CSV trace needs "
                 "--objective");
    return 0;
}

/* Each trace's parameters must be the objective's: all of them for a
 * slice, which projects whole θ's. */
static int check_traces(const plot_args *a, const plot_inputs *in)
{
    for (int i = 0; i < in->n && in->have_obj; i++) {
        size_t k = plot_trace_params(&in->t[i]), dim = in->obj.dim;
        if (k == dim || (dim > 2 && !(a->panels & PLOT_SURFACE)))
            continue;
        if (dim > 2 && k < dim)
            return cli_error(QUOTE(a->traces[i]), "%zu of the model's %zu "
                             "parameters: a slice needs them all (write the "
                             "trace with --trace-params all)", k, dim);
        return cli_error(QUOTE(a->traces[i]), "a trace of %zu parameters, but "
                         "the objective has %zu", k, dim);
    }
    return 0;
}

static int draw(const plot_args *a, const plot_inputs *in, plot_path *paths,
                int n)
{
    plot_figure fig = {in->have_obj ? &in->obj : NULL, in->note,
                       a->o.has_view, {0}, a->slice, 0, paths, n, a->panels,
                       a->width, a->height, a->th};
    memcpy(fig.view, a->o.view, sizeof fig.view);
    atomic_file f;
    char err[512];
    if (atomic_open(&f, a->out, a->force, err, sizeof err) < 0) {
        cli_say("--out: %s", err);
        return EXIT_FAIL;
    }
    if (plot_draw(&fig, a->ops, f.f, err, sizeof err) < 0) {
        atomic_abort(&f);
        cli_say("--out: %s: %s", QUOTE(a->out), err);
        return EXIT_FAIL;
    }
    if (atomic_commit(&f, err, sizeof err) < 0) {
        cli_say("--out: %s", err);
        return EXIT_FAIL;
    }
    return EXIT_OK;
}

/* The paths (the run first), then the figure. */
static int paths_and_draw(const plot_args *a, const plot_inputs *in,
                          bool draw_run)
{
    plot_path paths[PLOT_MAX_PATHS];
    int n = 0, rc = 0;
    if (draw_run && (rc = plot_source_run(&a->o, &in->obj, &paths[n])) == 0)
        n++;
    for (int i = 0; i < in->n && rc == 0; i++)
        if ((rc = plot_source_trace(a->traces[i], &in->t[i], true,
                                    &paths[n])) == 0)
            n++;
    if (rc == 0)
        rc = draw(a, in, paths, n);
    for (int i = 0; i < n; i++)
        plot_path_free(&paths[i]);
    return rc;
}

/* .txt: the live screen once the run has ended, drawn by the TUI's own
 * panels without a terminal. */
static int draw_text(plot_args *a)
{
    objective obj;
    if (run_options_resolve(&a->o, &obj) != 0)
        return EXIT_USAGE;
    tui_options t = tui_options_default();
    t.settings = a->o.s;
    bool opened = cli_tui_preset(&t, &a->o, &obj);
    atomic_file f;
    char err[512];
    int rc = EXIT_OK;
    if (atomic_open(&f, a->out, a->force, err, sizeof err) < 0) {
        cli_say("--out: %s", err);
        rc = EXIT_FAIL;
    } else if ((rc = tui_snapshot(&t, a->width, a->height, f.f)) != 0) {
        atomic_abort(&f);
    } else if (atomic_commit(&f, err, sizeof err) < 0) {
        cli_say("--out: %s", err);
        rc = EXIT_FAIL;
    }
    if (opened)
        objective_free(&obj);
    return rc;
}

int cmd_plot(int argc, char **argv)
{
    static plot_args a;
    static plot_inputs in;
    memset(&a, 0, sizeof a);
    memset(&in, 0, sizeof in);
    int rc = parse(argc, argv, &a);
    if (rc)
        return rc == 1 ? EXIT_OK : rc;
    if (a.text)
        return draw_text(&a);
    bool draw_run = a.run_given || a.n_traces == 0;
    if (draw_run && a.n_traces == PLOT_MAX_PATHS)
        return cli_error("--trace", "at most %d paths: the run and %d traces",
                         PLOT_MAX_PATHS, PLOT_MAX_PATHS - 1);
    for (; in.n < a.n_traces && rc == 0; in.n++)
        if ((rc = cli_trace_read(a.traces[in.n], &in.t[in.n])) != 0)
            break;
    if (rc == 0 && (rc = open_surface(&a, draw_run, &in)) == 0 &&
        (rc = check_traces(&a, &in)) == 0)
        rc = paths_and_draw(&a, &in, draw_run);
    for (int i = 0; i < in.n; i++)
        trace_data_free(&in.t[i]);
    if (in.have_obj)
        objective_free(&in.obj);
    return rc;
}
