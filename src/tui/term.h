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

struct cast_writer;

/* Records the next term_open's screen into c (cast.h) until term_close:
 * what curses writes, at clock()'s times from t0, the header titled
 * title (kept). The caller closes c after term_close. */
void term_record(struct cast_writer *c, double (*clock)(void), double t0,
                 const char *title);

/* Opens curses on out/in (newterm, so an unknown TERM is an error here,
 * not an exit inside ncurses). out NULL: no terminal, only a recording.
 * Returns 0, or -1 with a message in err. */
int term_open(FILE *out, FILE *in, char *err, size_t cap);
/* After a frame: what curses wrote goes to the terminal and into the
 * recording (nothing to do without one). */
void term_flush(void);
/* While recording, curses cannot ask the terminal its size: a change is
 * taken here (resizeterm, which queues KEY_RESIZE) and recorded. Call
 * before reading keys. */
void term_sync_size(void);
/* Puts text on the clipboard by OSC 52, written to the terminal itself
 * (not into a recording). 0, or -1 where there is no terminal to ask or
 * it takes OSC for something else (the Linux console). Whether the
 * terminal obeys cannot be known (docs/tui.md). */
int term_clipboard(const char *text);
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
