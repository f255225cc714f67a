/* descent demo NAME|FILE: a classroom demo script, checked, then
 * played. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "lesson_cli.h"
#include "lookup.h"

static const char usage[] =
    "usage: descent demo NAME|FILE\n"
    "Plays a demo script in the TUI: a shipped one by its name or a unique\n"
    "prefix (see 'descent list demos'), or a .demo file (lesson, step, set,\n"
    "key, run, sleep, pause, say, check; see docs/lessons.md).\n";

/* The shipped demo that name names, its path into buf. */
static int find(const char *name, char *buf, size_t cap)
{
    char dir[PATH_MAX], msg[768];
    demo_list dl;
    if (demo_dir(dir, sizeof dir) < 0 || demo_list_load(dir, &dl) < 0)
        return cli_error("demo", "the demos directory is not found (set "
                         "DESCENT_ASSETS to the assets directory)");
    long k = lookup_demo(&dl, name, msg, sizeof msg);
    if (k >= 0)
        snprintf(buf, cap, "%s", dl.path[k]);
    demo_list_free(&dl);
    return k >= 0 ? EXIT_OK : cli_error("demo", "%s", msg);
}

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
    char path[PATH_MAX];
    if (lookup_is_path(argv[0], ".demo"))
        snprintf(path, sizeof path, "%s", argv[0]);
    else if (find(argv[0], path, sizeof path) != EXIT_OK)
        return EXIT_USAGE;
    lesson_catalog cat;
    if (cli_catalog(&cat) != EXIT_OK)
        return EXIT_FAIL;
    diag_list d;
    diag_init(&d);
    demo dm;
    int rc = demo_load(path, catalog_find_cb, &cat, &dm, &d) == 0
                 ? cli_play(&cat, NULL, &dm) : EXIT_USAGE;
    lint_print(path, &d, stderr);
    diag_free(&d);
    demo_free(&dm);
    catalog_free(&cat);
    return rc;
}
