/* Settings typed as on the command line, for the focused run or a new
 * run beside it, and the comparison students ask for: does
 * hypergradient descent find what a hand-tuned schedule does? Pure. */
#ifndef DESCENT_TUI_SESSION_METHODS_H
#define DESCENT_TUI_SESSION_METHODS_H

#include <stddef.h>

#include "option.h"
#include "session.h"

/* Applies "--schedule cosine:300 --hypergrad off" (run_live_set_text:
 * dashes optional) to the focused run; --precision switches the
 * session's (session_set_precision). 0, or -1 with e filled; the
 * settings before a refused one stay applied. */
int session_apply_text(session *s, const char *text, option_error *e);

/* The focused run's settings as the command line writes them,
 * "optimizer adam · lr 0.05 · beta1 0.9 · ...": those that apply to it
 * (run_live_settings). */
void session_settings_text(session *s, char *buf, size_t cap);

/* A new run with the focused run's settings and text applied (what
 * `descent tui --compare TEXT` adds); all runs restart. 0, or -1 with e
 * filled and no run added. */
int session_compare(session *s, const char *text, option_error *e);

/* A new run beside the focused one that sets α the other way: with a
 * schedule, additive hypergradients (the optimiser's β) instead; with
 * hypergradients, a cosine schedule over the run's steps instead;
 * with neither, hypergradients. what says which ("add" or
 * "cosine:1000"). 0, or -1 with e filled. */
int session_versus(session *s, char *what, size_t cap, option_error *e);

#endif
