/* Drawing primitives shared by the panels: colour pairs from theme
 * roles, clipped UTF-8 text (ASCII where the locale is not UTF-8), boxes
 * with titles, single cells. */
#ifndef DESCENT_TUI_UI_H
#define DESCENT_TUI_UI_H

#include <stdbool.h>
#include <stdint.h>

#include <curses.h>

#include "colormap.h"
#include "theme.h"

typedef struct {
    bool utf8;           /* the locale can show UTF-8 */
    color_depth depth;   /* DEPTH_NONE with NO_COLOR or no colours */
    const theme *th;
} ui_env;


/* A colour number for tc at the terminal's depth (-1: default). */
int ui_color(const ui_env *u, tcolor tc);
/* The pair number for fg on bg (colour numbers, -1 default); 0 when the
 * terminal has no colours or no pair is left. */
int ui_pair(const ui_env *u, int fg, int bg);
/* Sets w's attributes to a role (its colours, or in monochrome its
 * attribute) plus extra. */
void ui_role_set(WINDOW *w, const ui_env *u, ui_role role, attr_t extra);
/* The background colour a role is drawn on. */
int ui_role_bg(const ui_env *u, ui_role role);

/* Writes UTF-8 text at (y, x) in w's current attributes within maxw
 * columns (textfit.h: numbers shortened first, a cut marked "…");
 * returns the columns used. */
int ui_puts(WINDOW *w, const ui_env *u, int y, int x, int maxw,
            const char *s);
/* The same clipped at maxw as it is: text being edited. */
int ui_puts_raw(WINDOW *w, const ui_env *u, int y, int x, int maxw,
                const char *s);
/* printf-style ui_puts. */
int ui_printf(WINDOW *w, const ui_env *u, int y, int x, int maxw,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* The columns s takes on screen (as ui_puts would draw it). */
int ui_width(const ui_env *u, const char *s);

/* One cell: the code point cp (ASCII stand-in ascii where the locale is
 * not UTF-8) in colours fg on bg. */
void ui_cell(WINDOW *w, const ui_env *u, int y, int x, uint32_t cp,
             char ascii, int fg, int bg, attr_t a);

/* A border around w with title in its top edge (rounded corners where
 * UTF-8 allows, +-| otherwise); the focused panel's border is bright. */
void ui_box(WINDOW *w, const ui_env *u, const char *title, bool focused);
/* The left and bottom axis lines of a plot area of ph×pw cells at
 * (py, px): a line left of it and one under it, joined by a corner. */
void ui_axes_frame(WINDOW *w, const ui_env *u, int py, int px, int ph,
                   int pw);
/* Fills w with the theme's panel background and erases it. */
void ui_clear(WINDOW *w, const ui_env *u);

#endif
