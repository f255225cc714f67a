/* descent replay TRACE [--objective NAME|EXPR] [--view X0:X1,Y0:Y1]: a
 * saved trace in the TUI, read-only. The trace is read strictly and
 * checked before the terminal is touched; a damaged or foreign file is
 * "descent: FILE:LINE:COLUMN: what", exit 2. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "quote.h"
#include "commands.h"
#include "objective_open.h"
#include "replay.h"
#include "run_options.h"
#include "trace_cli.h"
#include "tui.h"

static const char usage[] =
    "usage: descent replay TRACE [options]\n"
    "Opens a saved trace (.csv or .jsonl) in the TUI, read-only: the path,\n"
    "the charts and each recorded row. Press ? inside for the keys.\n\n"
    "options:\n"
    "  --objective NAME|EXPR   the surface to draw under the path (default:\n"
    "                          the JSON Lines header's; a CSV trace has none)\n"
    "  --view X0:X1,Y0:Y1      view box (default: the objective's, or the\n"
    "                          path's)\n";

const cli_option replay_option_table[] = {
    {"objective", true, OPT_OBJECTIVE}, {"view", true, OPT_VIEW},
    {NULL, false, 0}};

typedef struct {
    const char *path;
    run_options o;          /* --objective and --view, checked as run's */
} replay_args;

/* 0, 1 for --help (printed), or EXIT_USAGE after the error. */
static int parse(int argc, char **argv, replay_args *r)
{
    cli_scan scan = {argc, argv, 0, "replay"};
    const char *v;
    int id;
    run_options_default(&r->o);
    while ((id = cli_next(&scan, replay_option_table, true, &v)) != 0) {
        if (id == CLI_HELP) {
            printf("%s", usage);
            return 1;
        }
        if (id == CLI_POSITIONAL && r->path)
            return cli_error(QUOTE(v), "unexpected argument (one trace at a time)");
        if (id == CLI_POSITIONAL) {
            r->path = v;
            continue;
        }
        option_error e;
        if (id < 0)
            return EXIT_USAGE;
        if (run_options_set(&r->o, id, v, &e) < 0)
            return cli_option_error(&e, v);
    }
    if (!r->path)
        return cli_error("replay", "which trace? (descent replay FILE.csv|FILE.jsonl)");
    return 0;
}

/* Which objective draws the surface: --objective, else a JSONL header's
 * built-in or expression. A model's surface needs its data: replays
 * show its path on plain axes (the note says so), as for a CSV trace
 * without --objective. 0 with *opened set, or EXIT_USAGE. */
static int open_surface(const replay_args *ra, replay *rp, objective *obj,
                        bool *opened)
{
    const trace_data *t = &rp->t;
    const char *spec = ra->o.objective_set ? ra->o.objective : NULL;
    const char *where = "--objective";
    char file[QUOTE_CAP];
    *opened = false;
    if (!spec && t->objective && !t->model) {
        spec = t->objective;
        where = quote(file, ra->path);
    }
    if (!spec) {
        if (!rp->params)
            snprintf(rp->surface_note, sizeof rp->surface_note,
                     "no surface: the trace has no θ columns");
        else if (t->model)
            snprintf(rp->surface_note, sizeof rp->surface_note,
                     "%s: x0, x1 of %ld · no surface",
                     t->model, rp->dim);
        else
            snprintf(rp->surface_note, sizeof rp->surface_note,
                     "no surface: CSV needs --objective");
        return 0;
    }
    objective_error oe;
    if (objective_open(spec, obj, &oe) < 0)
        return cli_located_error(where, oe.column, oe.message, spec);
    if (obj->dim != 2) {
        objective_free(obj);
        return cli_error(where, "the surface needs an objective of two "
                                "parameters");
    }
    *opened = true;
    return 0;
}

int cmd_replay(int argc, char **argv)
{
    static replay_args ra;
    int rc = parse(argc, argv, &ra);
    if (rc)
        return rc == 1 ? EXIT_OK : rc;
    trace_data t;
    if ((rc = cli_trace_read(ra.path, &t)) != 0)
        return rc;
    static replay rp;
    if (replay_init(&rp, ra.path, &t) < 0)
        return cli_error(QUOTE(ra.path), "out of memory");
    objective obj;
    bool opened;
    if ((rc = open_surface(&ra, &rp, &obj, &opened)) == 0) {
        rc = tui_replay_main(&rp, opened ? &obj : NULL,
                             ra.o.has_view ? ra.o.view : NULL);
        if (opened)
            objective_free(&obj); /* zeroed if the TUI took it over */
    }
    replay_free(&rp);
    return rc;
}
