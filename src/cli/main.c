/* descent: the command line. Dispatches to a subcommand; everything the
 * user typed is checked before any work starts (DESIGN §1). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "cli.h"
#include "quote.h"
#include "commands.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: descent COMMAND [options]\n\n"
               "descent shows gradient-based optimisation at work.\n\n"
               "commands:\n");
    for (const command_info *c = command_table; c->name; c++)
        fprintf(f, "  %-10s %s\n", c->name, c->summary);
    fprintf(f, "\n'descent COMMAND --help' describes each; "
               "'descent --version' prints the version.\n");
}

/* What a command printed must have reached its place: a full disk or a
 * closed file behind stdout (`descent list > /dev/full`) is exit 1 with
 * a message, not a silent success. */
static int finish(int rc)
{
    errno = 0;
    bool failed = fflush(stdout) != 0 || ferror(stdout);
    int err = errno;
    if (fclose(stdout) != 0 && !failed) {
        failed = true;
        err = errno;
    }
    /* A command that failed has said why already. */
    if (!failed || rc != EXIT_OK)
        return rc;
    cli_say("standard output: %s", err ? strerror(err) : "write failed");
    return EXIT_FAIL;
}

static int dispatch(int argc, char **argv)
{
    /* GSL's default handler aborts; the core checks return codes. */
    gsl_set_error_handler_off();
    if (argc < 2)
        return cmd_tui(0, argv + 1);
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
        strcmp(cmd, "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("descent " DESCENT_VERSION "\n");
        return EXIT_OK;
    }
    const char *names[32];
    size_t n = 0;
    for (const command_info *c = command_table; c->name && n < 31; c++) {
        if (strcmp(cmd, c->name) == 0)
            return c->run(argc - 2, argv + 2);
        names[n++] = c->name;
    }
    names[n] = NULL;
    const char *near = cli_suggest(cmd, names);
    if (cmd[0] == '-')
        return cli_error(QUOTE(cmd), "unknown option (see 'descent --help')");
    if (near)
        return cli_error(QUOTE(cmd), "unknown command (did you mean '%s'?)", near);
    return cli_error(QUOTE(cmd), "unknown command (see 'descent --help')");
}

int main(int argc, char **argv)
{
    /* A listing or summary into a file or pipe is written at the end in
     * one piece, so that a failed write is seen there with its reason
     * (errno does not survive the calls after a flush mid-way). */
    static char out[1 << 16];
    if (!isatty(STDOUT_FILENO))
        setvbuf(stdout, out, _IOFBF, sizeof out);
    return finish(dispatch(argc, argv));
}
