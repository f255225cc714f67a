/* The settings of lesson steps and demo scripts applied to the TUI's
 * session: a step opened as its run (objective, model, start, view and
 * run settings), and one setting changed as `descent run` would take it.
 * Settings of the update (lr, optimiser and its constants, gradient,
 * clipping, hypergradient, steps, tol) change the focused run between
 * updates, without a restart; the others (objective, model and data
 * options, start, view, seed, batch) open the session again with one
 * run. No curses. */
#ifndef DESCENT_TUI_LESSON_SESSION_H
#define DESCENT_TUI_LESSON_SESSION_H

#include <stdbool.h>

#include "player.h"
#include "session.h"

/* Opens obj (opened from o, taken over) as the session's objective with
 * o's settings, start and view; s is freed first. On failure s holds
 * x² + y² with o's settings and err says why. 0 or -1. */
int lsession_open(session *s, run_options *o, objective *obj, char *err,
                  size_t cap);

/* Opens the player's current step (with its solution when skipped) into
 * s; cur receives its settings. 0, or -1 with err filled (s then holds a
 * stand-in as lsession_open leaves it). */
int lsession_step(session *s, lesson_player *p, run_options *cur, char *err,
                  size_t cap);

/* Whether option id changes the focused run without a restart. */
bool lsession_live(int id);

/* Applies option id with value (NULL for a flag) on top of cur and the
 * focused run's settings, checked as the command line checks it: 0 when
 * the focused run took it (or, for a named view, cur alone: the screen
 * shows it), 1 when the session was opened again, -1 with e filled and
 * nothing changed. value must outlive cur. */
int lsession_set(session *s, run_options *cur, int id, const char *value,
                 option_error *e);

#endif
