/* Wrapping text for a panel: a lesson's text and hints, the answers and
 * messages under them. Columns are counted in code points (the lessons'
 * Greek letters, superscripts and bars are one column each). Pure. */
#ifndef DESCENT_TUI_TEXTWRAP_H
#define DESCENT_TUI_TEXTWRAP_H

#include <stddef.h>

/* One screen line: len bytes of the text from start, drawn after indent
 * spaces. */
typedef struct {
    size_t start, len;
    int indent;
} wrap_line;

/* Wraps text to width columns: at spaces where it can, inside a word
 * only when the word alone is wider than the line. Line breaks in text
 * are kept (a blank line stays a blank line), and a line's leading
 * spaces indent every screen line it wraps to, so formulas stay
 * indented. Fills up to cap lines and returns how many the text needs
 * (more than cap when lines were left out). */
size_t text_wrap(const char *text, int width, wrap_line *lines, size_t cap);

/* Copies text to out (cap bytes) with the lines of each paragraph
 * joined by a space, so text_wrap fills the panel's width rather than
 * keeping the file's line ends. A break is kept before a blank line, an
 * indented line, a list item ("- ", "* ") and after them. Returns the
 * length written. */
size_t text_reflow(const char *text, char *out, size_t cap);

/* The code points in len bytes of s: the columns they take. */
int text_columns(const char *s, size_t len);

#endif
