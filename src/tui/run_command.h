/* The run as a command (issue 12): the `descent tui` command line that
 * rebuilds the session's runs from the start: the objective (a model by
 * the options it was opened with), the start, the view, the precision,
 * the step limit, the first run's settings as options and every other
 * run's as `--compare SETTINGS`, the settings in which it differs from
 * the first. Pure. */
#ifndef DESCENT_TUI_RUN_COMMAND_H
#define DESCENT_TUI_RUN_COMMAND_H

#include <stddef.h>

#include "session.h"

/* Writes the command line into buf. model_argv: the model's options as
 * they were typed, NULL-terminated (NULL when the objective is not a
 * model, or when they are not known). Returns 0, or -1 with the reason
 * in why (a model whose options are not known; a line longer than cap). */
int run_command(const session *s, char *const *model_argv, char *buf,
                size_t cap, char *why, size_t whycap);

/* The `descent run` command line of run i alone, for steps updates (a
 * script's first line); as run_command. */
int run_command_run(const session *s, int i, long steps,
                    char *const *model_argv, char *buf, size_t cap,
                    char *why, size_t whycap);

#endif
