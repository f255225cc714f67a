/* descent lint [--play] FILE...: every problem of lesson and demo files,
 * one a line as FILE:LINE: message or FILE:LINE:COLUMN: message on
 * standard output; with --play, every goal and check played headless,
 * one line each as FILE:LINE: STEP: ok or FILE:LINE: STEP: FAILS: why.
 * Exit 2 when a file has problems, else 1 when something fails, else 0
 * with a one-line summary. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "lesson_cli.h"

static const char usage[] =
    "usage: descent lint [--play] FILE...\n"
    "Checks lesson (.lesson) and demo script (.demo) files and prints every\n"
    "problem as FILE:LINE: message or FILE:LINE:COLUMN: message.\n"
    "--play also plays each file without problems headless: a step with a\n"
    "goal must not meet it as it starts and must meet it with its solution;\n"
    "every check: of a lesson and check command of a demo must hold. One\n"
    "line each: FILE:LINE: STEP: ok, or FILE:LINE: STEP: FAILS: why.\n"
    "Exit status 0 when all is well, 1 when something played fails, 2 when\n"
    "a file has problems.\n";

int cmd_lint(int argc, char **argv)
{
    bool play = false;
    int files = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--play") == 0)
            play = true;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_error(argv[i], "unknown option (see 'descent lint "
                             "--help')");
        else
            files++;
    }
    if (!files)
        return cli_error("lint", "no files (see 'descent lint --help')");
    /* Demo scripts and next: name shipped lessons; without the lessons
     * directory these ids are not checked (and demos not played). */
    char dir[PATH_MAX];
    lesson_catalog cat;
    bool have_cat = catalog_dir(dir, sizeof dir) == 0 &&
                    catalog_load(dir, &cat) == 0;
    lint_counts n = {0};
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--play") != 0)
            lint_file(argv[i], have_cat ? &cat : NULL, play, stdout, &n);
    if (have_cat)
        catalog_free(&cat);
    if (n.problems)
        return EXIT_USAGE;
    printf("lint%s: %zu lesson%s, %zu demo%s, ", play ? " --play" : "",
           n.lessons, n.lessons == 1 ? "" : "s", n.demos,
           n.demos == 1 ? "" : "s");
    if (!play)
        printf("no problems\n");
    else if (n.failed)
        printf("%zu of %zu goals and checks fail\n", n.failed, n.played);
    else
        printf("%zu goals and checks, all ok\n", n.played);
    return n.failed ? EXIT_FAIL : EXIT_OK;
}
