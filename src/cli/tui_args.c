#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmdline.h"
#include "model.h"
#include "tui_args.h"

static const char usage[] =
    "usage: descent tui [options] [--compare SETTINGS]...\n"
    "Opens the live screen: the loss surface, the path, each update taken\n"
    "apart, and charts. Press ? inside for the keys.\n\n"
    "  --compare SETTINGS      another run beside the first, with these\n"
    "                          settings changed (up to 3), e.g. a schedule\n"
    "                          against hypergradient descent:\n"
    "                          descent tui --optimizer sgd --lr 0.001\n"
    "                            --schedule cosine:1000\n"
    "                            --compare '--schedule none --hypergrad add'\n"
    "  --record FILE.cast      record the screen as asciicast v2 (asciinema)\n"
    "  --force                 replace an existing recording\n\n";

enum { TOPT_COMPARE = 300, TOPT_RECORD };

static const option_entry own[] = {
    {"compare", true, TOPT_COMPARE}, {"record", true, TOPT_RECORD},
    {NULL, false, 0}};

/* Its own options, then the run options that keep pass (all: --trace
 * gets its own refusal). */
static const cli_option *table(bool all)
{
    static cli_option t[2][80];
    cli_option *out = t[all];
    if (!out[0].name) {
        size_t n = 0;
        for (const option_entry *e = own; e->name; e++)
            out[n++] = *e;
        for (const option_entry *e = run_option_table; e->name && n < 79; e++)
            if (all || !run_option_is_output(e->id) || e->id == OPT_FORCE)
                out[n++] = *e;
    }
    return out;
}

const cli_option *tui_option_table(void) { return table(false); }

/* The words one option took, kept for the command line when they belong
 * to a model. */
static void keep(char **words, size_t *n, char **argv, int from, int to)
{
    for (int i = from; i < to && *n < TUI_ARGS_MAX_MODEL; i++)
        words[(*n)++] = argv[i];
}

static int option(tui_args *a, int id, const char *v)
{
    tui_options *t = &a->t;
    if (id == TOPT_COMPARE) {
        if (!v[strspn(v, " \t")])
            return cli_error("--compare", "needs settings, e.g. "
                             "'--hypergrad add'");
        if (t->ncompare == 3)
            return cli_error("--compare", "at most 3 (4 runs at once)");
        t->compare[t->ncompare++] = v;
        return 0;
    }
    if (id == TOPT_RECORD) {
        t->rec.path = v;
        return 0;
    }
    option_error e;
    return run_options_set(&a->o, id, v, &e) < 0 ? cli_option_error(&e, v) : 0;
}

static int scan(tui_args *a, int argc, char **argv)
{
    char *starts[TUI_ARGS_MAX_MODEL];
    size_t nm = 0, ns = 0;
    cli_scan sc = {argc, argv, 0, "tui"};
    const char *v;
    int id, from = 0;
    if (argc && strcmp(argv[argc - 1], "--compare") == 0)
        return cli_error("--compare", "needs settings, e.g. '--hypergrad "
                         "add'");
    while ((id = cli_next(&sc, table(true), false, &v)) != 0) {
        if (id == CLI_HELP) {
            printf("%soptions:\n%s%s", usage, run_options_help,
                   model_options_help);
            return 1;
        }
        if (id < 0 || option(a, id, v) != 0)
            return EXIT_USAGE;
        if (id >= MOPT_MODEL)
            keep(a->model, &nm, argv, from, sc.i);
        else if (id == OPT_START)
            keep(starts, &ns, argv, from, sc.i);
        from = sc.i;
    }
    if (a->o.model.type || a->o.model.data_given) {
        for (size_t i = 0; i < ns && nm < TUI_ARGS_MAX_MODEL; i++)
            a->model[nm++] = starts[i];
        a->model[nm] = NULL;
        a->t.model_argv = a->model;
    }
    return 0;
}

int tui_args_parse(tui_args *a, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->t = tui_options_default();
    run_options_default(&a->o);
    a->o.s = a->t.settings; /* the TUI's own defaults where none is given */
    int rc = scan(a, argc, argv);
    if (rc)
        return rc;
    if (a->o.trace)
        return cli_error("--trace", "the TUI exports traces with its e key");
    if (a->o.export_python)
        return cli_error("--export-python", "the TUI writes the focused "
                         "run's script with its T key; or 'descent run'");
    if ((a->t.rec.path && cli_check_out("--record", a->t.rec.path, ".cast",
                                        a->o.force) != 0) ||
        run_options_resolve(&a->o, &a->obj) != 0)
        return EXIT_USAGE;
    a->t.settings = a->o.s;
    a->t.single = a->o.single;
    a->t.rec.force = a->o.force;
    cmdline title;
    cmdline_init(&title, a->title, sizeof a->title);
    cmdline_word(&title, "descent");
    cmdline_word(&title, "tui");
    for (int i = 0; i < argc; i++)
        cmdline_word(&title, argv[i]);
    a->t.rec.title = a->title;
    a->opened = cli_tui_preset(&a->t, &a->o, &a->obj);
    return 0;
}

void tui_args_free(tui_args *a)
{
    if (a->opened)
        objective_free(&a->obj); /* zeroed if the TUI took it over */
    a->opened = false;
}

bool cli_tui_preset(tui_options *t, const run_options *o, objective *obj)
{
    t->has_view = o->has_view && obj->dim == 2;
    memcpy(t->view, o->view, sizeof t->view);
    if (!model_of(obj)) {
        /* The TUI reopens built-ins and expressions from their text,
         * which its export and objective menu keep. */
        objective_free(obj);
        t->objective = o->objective;
        t->start = o->has_start ? o->start : NULL;
        return false;
    }
    t->opened = obj;
    t->start = run_options_start(o, obj);
    return true;
}
