/* A boxed window over the screen for the help, menus and prompts; drawn
 * after the panels so it stacks on top, deleted once copied out. */
#ifndef DESCENT_TUI_OVERLAY_H
#define DESCENT_TUI_OVERLAY_H

#include <curses.h>

struct app;

/* A centred box of h×w (shrunk to fit), or at row y when y ≥ 0. */
WINDOW *overlay_open(struct app *a, int h, int w, int y, const char *title);
/* wnoutrefresh and delwin. */
void overlay_close(WINDOW *w);

#endif
