/* The terminal's lifetime: checks, locale, newterm and modes, and the
 * one path that restores it, which signal handlers reach too. */
#ifndef DESCENT_TUI_TERM_H
#define DESCENT_TUI_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "colormap.h"

/* Sets the locale for text (LC_ALL from the environment) but keeps
 * LC_NUMERIC "C" so numbers never print or parse with a comma. Returns
 * whether the locale's character set is UTF-8. */
bool term_locale(void);

/* Opens curses on out/in (newterm, so an unknown TERM is an error here,
 * not an exit inside ncurses). Returns 0, or -1 with a message in err. */
int term_open(FILE *out, FILE *in, char *err, size_t cap);
/* The colours the terminal has (before NO_COLOR is applied). */
color_depth term_depth(void);
/* Restores the terminal; safe to call twice. */
void term_close(void);

/* SIGINT, SIGTERM, SIGHUP and SIGQUIT set a flag the main loop reads;
 * crash signals restore the terminal, say so on stderr and die as before. */
void term_signals(void);
/* The termination signal received, or 0. */
int term_signal_pending(void);
/* A descriptor that becomes readable when a termination signal arrives
 * (poll it with the terminal), or -1. */
int term_signal_fd(void);

#endif
