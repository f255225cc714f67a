/* descent tui's command line: its own options (--compare, --record) and
 * the run options, checked and the objective opened before the terminal
 * is touched. Shared by `descent tui` and the test that the command the
 * TUI writes (run_command.h) gives its runs back. */
#ifndef DESCENT_TUI_ARGS_H
#define DESCENT_TUI_ARGS_H

#include <stdbool.h>

#include "run_options.h"

enum { TUI_ARGS_MAX_MODEL = 64 };

typedef struct {
    tui_options t;
    run_options o;
    objective obj;
    bool opened;       /* t.opened is obj (a model): free obj after */
    /* A model's options as typed, with --start: t.model_argv. */
    char *model[TUI_ARGS_MAX_MODEL + 1];
    char title[512];   /* the command line, the recording's title */
} tui_args;

/* 0; 1 after printing --help; EXIT_USAGE after printing the error. */
int tui_args_parse(tui_args *a, int argc, char **argv);
/* What tui_args_parse opened and the TUI did not take. */
void tui_args_free(tui_args *a);

/* The TUI's options from run options checked and opened into obj (but
 * for the settings): a model is handed over (true: free obj after the
 * TUI, which zeroes it when it takes it), a built-in or expression is
 * freed here and reopened by the TUI from its text (false). */
bool cli_tui_preset(tui_options *t, const run_options *o, objective *obj);

/* The options descent tui takes, for completions: its own, and the run
 * options but those of output (the TUI writes with its keys). */
const cli_option *tui_option_table(void);

#endif
