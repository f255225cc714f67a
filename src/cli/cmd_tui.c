/* descent tui [run options], and descent with no arguments: the live
 * screen, preset from the same options as `descent run`, checked the same
 * way before the terminal is touched. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "run_options.h"
#include "tui.h"

static const char usage[] =
    "usage: descent tui [options]\n"
    "Opens the live screen: the loss surface, the path, each update taken\n"
    "apart, and charts. Press ? inside for the keys.\n\n";

int cmd_tui(int argc, char **argv)
{
    tui_options t = tui_options_default();
    run_options o;
    run_options_default(&o);
    o.s = t.settings; /* the TUI's own defaults where no option is given */
    bool help;
    if (run_options_parse(&o, argc, argv, "tui", &help) != 0)
        return EXIT_USAGE;
    if (help) {
        printf("%soptions:\n%s", usage, run_options_help);
        return EXIT_OK;
    }
    if (o.trace)
        return cli_error("--trace", "the TUI exports traces with its e key");
    objective obj;
    if (run_options_resolve(&o, &obj) != 0)
        return EXIT_USAGE;
    size_t dim = obj.dim;
    objective_free(&obj);
    if (dim != 2)
        return cli_error("--model", "the TUI shows objectives of 2 parameters; "
                         "this one has %zu (use 'descent run')", dim);
    t.objective = o.objective;
    t.settings = o.s;
    t.has_start = o.has_start;
    memcpy(t.start, o.start, sizeof t.start);
    t.has_view = o.has_view;
    memcpy(t.view, o.view, sizeof t.view);
    return tui_main(&t);
}
