/* descent tui [run options], and descent with no arguments: the live
 * screen, preset from the same options as `descent run`, checked the same
 * way before the terminal is touched. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "model.h"
#include "commands.h"
#include "run_options.h"
#include "tui.h"

static const char usage[] =
    "usage: descent tui [options] [--compare SETTINGS]...\n"
    "Opens the live screen: the loss surface, the path, each update taken\n"
    "apart, and charts. Press ? inside for the keys.\n\n"
    "  --compare SETTINGS      another run beside the first, with these\n"
    "                          settings changed (up to 3), e.g. a schedule\n"
    "                          against hypergradient descent:\n"
    "                          descent tui --optimizer sgd --lr 0.001\n"
    "                            --schedule cosine:1000\n"
    "                            --compare '--schedule none --hypergrad add'\n\n";

/* Takes the --compare pairs out of argv (in place) into t. */
static int take_compare(tui_options *t, int *argc, char **argv)
{
    int n = 0;
    for (int i = 0; i < *argc; i++) {
        if (strcmp(argv[i], "--compare") != 0) {
            argv[n++] = argv[i];
            continue;
        }
        if (i + 1 >= *argc || !argv[i + 1][strspn(argv[i + 1], " \t")])
            return cli_error("--compare", "needs settings, e.g. "
                             "'--hypergrad add'");
        if (t->ncompare == 3)
            return cli_error("--compare", "at most 3 (4 runs at once)");
        t->compare[t->ncompare++] = argv[++i];
    }
    *argc = n;
    return 0;
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

int cmd_tui(int argc, char **argv)
{
    tui_options t = tui_options_default();
    if (take_compare(&t, &argc, argv) != 0)
        return EXIT_USAGE;
    run_options o;
    run_options_default(&o);
    o.s = t.settings; /* the TUI's own defaults where no option is given */
    bool help;
    if (run_options_parse(&o, argc, argv, "tui", &help) != 0)
        return EXIT_USAGE;
    if (help) {
        printf("%soptions:\n%s%s", usage, run_options_help,
               model_options_help);
        return EXIT_OK;
    }
    if (o.trace)
        return cli_error("--trace", "the TUI exports traces with its e key");
    if (o.export_python)
        return cli_error("--export-python", "scripts are written by 'descent "
                         "run'");
    objective obj;
    if (run_options_resolve(&o, &obj) != 0)
        return EXIT_USAGE;
    t.settings = o.s;
    t.single = o.single;
    bool opened = cli_tui_preset(&t, &o, &obj);
    int rc = tui_main(&t);
    if (opened)
        objective_free(&obj); /* zeroed if the TUI took it over */
    return rc;
}
