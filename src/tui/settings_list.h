/* The settings panel's words for its rows. Its rows are the run's
 * settings as run_live_settings lists them (the optimiser type's params
 * included, so a new optimiser's settings show with no change here),
 * each read and written in the command line's grammar (run_live.h).
 * Pure. */
#ifndef DESCENT_TUI_SETTINGS_LIST_H
#define DESCENT_TUI_SETTINGS_LIST_H

enum { SETTINGS_MAX = 32 };

/* What option id is, in a few words ("μ, the velocity kept"); "" when
 * the panel knows no more than the option's name. */
const char *settings_about(int id);

#endif
