/* descent tui [run options], and descent with no arguments: the live
 * screen, preset from the same options as `descent run`, checked the same
 * way before the terminal is touched. */
#include "cli.h"
#include "commands.h"
#include "tui_args.h"

int cmd_tui(int argc, char **argv)
{
    static tui_args a;
    int rc = tui_args_parse(&a, argc, argv);
    if (rc == 0)
        rc = tui_main(&a.t);
    else if (rc == 1)
        rc = EXIT_OK;
    tui_args_free(&a);
    return rc;
}
