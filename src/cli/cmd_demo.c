/* descent demo FILE: a classroom demo script, checked, then played. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "lesson_cli.h"

static const char usage[] =
    "usage: descent demo FILE\n"
    "Plays a demo script (.demo: lesson, step, set, key, run, sleep, pause,\n"
    "say; see docs/lessons.md) in the TUI.\n";

int cmd_demo(int argc, char **argv)
{
    if (argc == 1 && (strcmp(argv[0], "--help") == 0 ||
                      strcmp(argv[0], "-h") == 0)) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (argc != 1)
        return cli_error("demo", argc ? "one script at a time (see 'descent "
                         "demo --help')" : "no script (see 'descent demo "
                         "--help')");
    lesson_catalog cat;
    if (cli_catalog(&cat) != EXIT_OK)
        return EXIT_FAIL;
    diag_list d;
    diag_init(&d);
    demo dm;
    int rc = demo_load(argv[0], catalog_find_cb, &cat, &dm, &d) == 0
                 ? cli_play(NULL, &dm) : EXIT_USAGE;
    lint_print(argv[0], &d, stderr);
    diag_free(&d);
    demo_free(&dm);
    catalog_free(&cat);
    return rc;
}
