/* descent lint FILE...: every problem of lesson and demo files, one a
 * line as FILE:LINE: message or FILE:LINE:COLUMN: message on standard
 * output; exit 2 when there is any, else 0 and a one-line summary. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "lint.h"

static const char usage[] =
    "usage: descent lint FILE...\n"
    "Checks lesson (.lesson) and demo script (.demo) files and prints every\n"
    "problem as FILE:LINE: message or FILE:LINE:COLUMN: message.\n"
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
    lint_counts n = {0};
    for (int i = 0; i < argc; i++)
        lint_file(argv[i], stdout, &n);
    if (n.problems)
        return EXIT_USAGE;
    printf("lint: %zu lesson%s, %zu demo%s, no problems\n", n.lessons,
           n.lessons == 1 ? "" : "s", n.demos, n.demos == 1 ? "" : "s");
    return EXIT_OK;
}
