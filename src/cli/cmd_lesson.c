/* descent lesson [ID|FILE] and descent lesson --reset [ID]. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "quote.h"
#include "commands.h"
#include "lesson_cli.h"
#include "suggest.h"

static const char usage[] =
    "usage: descent lesson [ID|FILE]\n"
    "       descent lesson --reset [ID]\n"
    "Starts a lesson in the TUI at its first step not done: a shipped one by\n"
    "its id (see 'descent list lessons') or a .lesson file; without one, the\n"
    "lesson menu. --reset forgets the progress of lesson ID, or of every\n"
    "lesson.\n";

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

static int unknown(const lesson_catalog *cat, const char *id)
{
    const char *names[128];
    size_t n = 0;
    for (size_t i = 0; i < cat->n && n < 127; i++)
        names[n++] = cat->l[i].id;
    names[n] = NULL;
    const char *near = strlen(id) <= SUGGEST_MAX_LEN ? suggest_nearest(id, names)
                                                     : NULL;
    if (near)
        return cli_error("lesson", "unknown lesson '%s' (did you mean '%s'?)",
                         QUOTE(id), near);
    return cli_error("lesson", "unknown lesson '%s' (see 'descent list "
                     "lessons')", QUOTE(id));
}

/* A path rather than an id: it names a .lesson file or a directory. */
static bool is_file(const char *arg)
{
    size_t n = strlen(arg);
    return strchr(arg, '/') || (n > 7 && strcmp(arg + n - 7, ".lesson") == 0);
}

static int start(const char *arg)
{
    if (arg && is_file(arg)) {
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
    const lesson *l = arg ? catalog_find(&cat, arg) : NULL;
    int rc = arg && !l ? unknown(&cat, arg) : cli_play(&cat, l, NULL);
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
