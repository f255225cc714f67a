/* The rows of the settings panel for a run: the optimiser, α, then the
 * settings its type reads (optimizer_type.settings, as the command line
 * names them, so a new optimiser's settings show with no change here),
 * then the gradient, clipping, hypergradient and stopping settings, each
 * only while it applies. Each row is an option id of run_values.h, read
 * and written in the command line's grammar (run_live.h). Pure. */
#ifndef DESCENT_TUI_SETTINGS_LIST_H
#define DESCENT_TUI_SETTINGS_LIST_H

#include <stddef.h>

#include "run.h"

enum { SETTINGS_MAX = 32 };

/* The option ids of r's rows, in order; returns how many (≤ cap). */
int settings_rows(const run *r, int *ids, int cap);

/* What row id is, in a few words ("momentum μ", "Adam's β1"); "" when
 * the panel knows no more than the option's name. */
const char *settings_about(int id);

#endif
