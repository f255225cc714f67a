/* descent lesson [ID|FILE] and descent lesson --reset [ID]. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "quote.h"
#include "commands.h"
#include "lesson_cli.h"
#include "lookup.h"

static const char usage[] =
    "usage: descent lesson [LESSON|FILE]\n"
    "       descent lesson --reset [ID]\n"
    "Starts a lesson in the TUI at its first step not done: a shipped one by\n"
    "its id, its number (3), its name (learning-rate) or a unique prefix of\n"
    "either (see 'descent list lessons'), or a .lesson file; without one,\n"
    "the lesson menu. --reset forgets the progress of lesson ID (its whole\n"
    "id), or of every lesson.\n";

static int reset(const char *id)
{
    char path[PATH_MAX], err[PATH_MAX + 128];
    progress p;
    lesson_catalog cat;
    if (cli_progress(path, sizeof path, &p) != 0)
        return EXIT_FAIL;
    int rc = EXIT_OK;
    if (id && !progress_find(&p, id) && cli_catalog(&cat) == EXIT_OK) {
        if (!catalog_find(&cat, id))
            rc = cli_error("lesson", "unknown lesson '%s' (see 'descent list "
                           "lessons')", QUOTE(id));
        catalog_free(&cat);
    }
    if (rc == EXIT_OK) {
        progress_reset(&p, id);
        if (progress_save(path, &p, err, sizeof err) < 0) {
            cli_say("progress: %s", err);
            rc = EXIT_FAIL;
        } else {
            printf("progress of %s%s%s cleared\n", id ? "lesson '" : "every lesson",
                   id ? id : "", id ? "'" : "");
        }
    }
    progress_free(&p);
    return rc;
}

static int start(const char *arg)
{
    if (arg && lookup_is_path(arg, ".lesson")) {
        diag_list d;
        diag_init(&d);
        lesson l;
        int rc = lesson_load(arg, &l, &d) == 0 ? cli_play(NULL, &l, NULL)
                                                : EXIT_USAGE;
        lint_print(arg, &d, stderr);
        diag_free(&d);
        lesson_free(&l);
        return rc;
    }
    lesson_catalog cat;
    if (cli_catalog(&cat) != EXIT_OK)
        return EXIT_FAIL;
    char msg[768];
    const lesson *l = arg ? lookup_lesson(&cat, arg, msg, sizeof msg) : NULL;
    int rc = arg && !l ? cli_error("lesson", "%s", msg)
                       : cli_play(&cat, l, NULL);
    catalog_free(&cat);
    return rc;
}

int cmd_lesson(int argc, char **argv)
{
    bool do_reset = false;
    const char *arg = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--reset") == 0)
            do_reset = true;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_error(QUOTE(argv[i]), "unknown option (see 'descent lesson "
                             "--help')");
        else if (arg)
            return cli_error(QUOTE(argv[i]), "unexpected argument (see 'descent "
                             "lesson --help')");
        else
            arg = argv[i];
    }
    return do_reset ? reset(arg) : start(arg);
}
