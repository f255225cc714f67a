/* Fitting one line of text into a width without misleading: numbers are
 * shortened (fewer digits, rounded, at least three significant ones)
 * before anything is cut, a cut never falls inside a number ("f = 2.09e-"
 * would read as 2.09), and every cut is marked with an ellipsis. Columns
 * are counted as a terminal shows UTF-8 (combining marks take none).
 * Pure. */
#ifndef DESCENT_TUI_TEXTFIT_H
#define DESCENT_TUI_TEXTFIT_H

#include <stddef.h>

/* The columns s takes. */
int text_width(const char *s);

/* in fitted to width columns into out (cap bytes): unchanged when it
 * fits; else its longest numbers shortened; else cut where no number is
 * cut, with ell (e.g. "…") after it. Returns the length written. */
size_t text_fit(const char *in, int width, const char *ell, char *out,
                size_t cap);

#endif
