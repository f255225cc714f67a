/* descent lint FILE...: every problem of lesson and demo files, one a
 * line as FILE:LINE: message or FILE:LINE:COLUMN: message on standard
 * output; exit 2 when there is any, else 0 and a one-line summary. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "lesson_cli.h"

static const char usage[] =
    "usage: descent lint FILE...\n"
    "Checks lesson (.lesson) and demo script (.demo) files and prints every\n"
    "problem as FILE:LINE: message or FILE:LINE:COLUMN: message. Each goal\n"
    "of a sound lesson is run: its solution (or the step as written) must\n"
    "meet it.\n"
    "Exit status 0 when there is none, 2 otherwise.\n";

int cmd_lint(int argc, char **argv)
{
    if (argc == 0)
        return cli_error("lint", "no files (see 'descent lint --help')");
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return EXIT_OK;
        }
    /* Demo scripts name shipped lessons; without the lessons directory
     * their ids are not checked. */
    char dir[PATH_MAX];
    lesson_catalog cat;
    bool have_cat = catalog_dir(dir, sizeof dir) == 0 &&
                    catalog_load(dir, &cat) == 0;
    lint_counts n = {0};
    for (int i = 0; i < argc; i++)
        lint_file(argv[i], have_cat ? &cat : NULL, stdout, &n);
    if (have_cat)
        catalog_free(&cat);
    if (n.problems)
        return EXIT_USAGE;
    printf("lint: %zu lesson%s, %zu demo%s, no problems\n", n.lessons,
           n.lessons == 1 ? "" : "s", n.demos, n.demos == 1 ? "" : "s");
    return EXIT_OK;
}
