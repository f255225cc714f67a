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
    "usage: descent demo NAME|FILE [--record FILE.cast [--size WxH]] [--force]\n"
    "Plays a demo script in the TUI: a shipped one by its name or a unique\n"
    "prefix (see 'descent list demos'), or a .demo file (lesson, step, set,\n"
    "key, run, sleep, pause, say, check; see docs/lessons.md).\n\n"
    "options:\n"
    "  --record FILE.cast      record the screen as asciicast v2 (asciinema)\n"
    "  --size WxH              with --record: no terminal; the demo is played\n"
    "                          to its end into the file at W×H characters\n"
    "                          (its sleeps are times, pauses last 2 s)\n"
    "  --force                 replace an existing recording\n";

const cli_option demo_option_table[] = {
    {"record", true, CLI_RECORD_OPTION}, {"size", true, CLI_SIZE_OPTION},
    {"force", false, CLI_FORCE_OPTION}, {NULL, false, 0}};

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

/* The script and the recording's options; 1 after --help. */
static int parse(int argc, char **argv, const char **script,
                 cli_recording *rec)
{
    cli_scan sc = {argc, argv, 0, "demo"};
    const char *v;
    int id;
    while ((id = cli_next(&sc, demo_option_table, true, &v)) != 0) {
        if (id == CLI_HELP) {
            fputs(usage, stdout);
            return 1;
        }
        if (id == CLI_POSITIONAL && *script)
            return cli_error(v, "one script at a time (see 'descent demo "
                             "--help')");
        if (id == CLI_POSITIONAL)
            *script = v;
        else if (id < 0 || cli_recording_option(rec, id, v) != 0)
            return EXIT_USAGE;
    }
    if (!*script)
        return cli_error("demo", "no script (see 'descent demo --help')");
    return cli_recording_check(rec);
}

int cmd_demo(int argc, char **argv)
{
    const char *script = NULL;
    cli_recording rec = {0};
    int rc = parse(argc, argv, &script, &rec);
    if (rc)
        return rc == 1 ? EXIT_OK : rc;
    char path[PATH_MAX];
    if (lookup_is_path(script, ".demo"))
        snprintf(path, sizeof path, "%s", script);
    else if (find(script, path, sizeof path) != EXIT_OK)
        return EXIT_USAGE;
    lesson_catalog cat;
    if (cli_catalog(&cat) != EXIT_OK)
        return EXIT_FAIL;
    diag_list d;
    diag_init(&d);
    demo dm;
    char title[PATH_MAX + 16];
    snprintf(title, sizeof title, "descent demo %s", script);
    rec.rec.title = title;
    rc = demo_load(path, catalog_find_cb, &cat, &dm, &d) == 0
             ? cli_play(&cat, NULL, &dm, &rec) : EXIT_USAGE;
    lint_print(path, &d, stderr);
    diag_free(&d);
    demo_free(&dm);
    catalog_free(&cat);
    return rc;
}
