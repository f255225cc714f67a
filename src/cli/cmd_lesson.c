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
    "usage: descent lesson [LESSON|FILE] [--record FILE.cast] [--force]\n"
    "       descent lesson --reset [ID]\n"
    "Starts a lesson in the TUI at its first step not done: a shipped one by\n"
    "its id, its number (3), its name (learning-rate) or a unique prefix of\n"
    "either (see 'descent list lessons'), or a .lesson file; without one,\n"
    "the lesson menu. --reset forgets the progress of lesson ID (its whole\n"
    "id), or of every lesson.\n\n"
    "options:\n"
    "  --reset                 forget the progress (of ID, or of all)\n"
    "  --record FILE.cast      record the screen as asciicast v2 (asciinema)\n"
    "  --force                 replace an existing recording\n";

enum { LOPT_RESET = 10 };

const cli_option lesson_option_table[] = {
    {"reset", false, LOPT_RESET}, {"record", true, CLI_RECORD_OPTION},
    {"force", false, CLI_FORCE_OPTION}, {NULL, false, 0}};

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

static int start(const char *arg, const cli_recording *rec)
{
    if (arg && lookup_is_path(arg, ".lesson")) {
        diag_list d;
        diag_init(&d);
        lesson l;
        int rc = lesson_load(arg, &l, &d) == 0 ? cli_play(NULL, &l, NULL, rec)
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
                       : cli_play(&cat, l, NULL, rec);
    catalog_free(&cat);
    return rc;
}

int cmd_lesson(int argc, char **argv)
{
    bool do_reset = false;
    const char *arg = NULL, *v;
    cli_recording rec = {0};
    cli_scan sc = {argc, argv, 0, "lesson"};
    int id;
    while ((id = cli_next(&sc, lesson_option_table, true, &v)) != 0) {
        if (id == CLI_HELP) {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        if (id == CLI_POSITIONAL && arg)
            return cli_error(QUOTE(v), "unexpected argument (see 'descent lesson "
                             "--help')");
        if (id == CLI_POSITIONAL)
            arg = v;
        else if (id == LOPT_RESET)
            do_reset = true;
        else if (id < 0 || cli_recording_option(&rec, id, v) != 0)
            return EXIT_USAGE;
    }
    if (do_reset && rec.rec.path)
        return cli_error("--record", "not with --reset");
    if (cli_recording_check(&rec) != 0)
        return EXIT_USAGE;
    if (do_reset)
        return reset(arg);
    char title[1024];
    snprintf(title, sizeof title, "descent lesson%s%s", arg ? " " : "",
             arg ? arg : "");
    rec.rec.title = title;
    return start(arg, &rec);
}
