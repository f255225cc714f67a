/* The help overlay (? and F1): every key binding, from the same table
 * the keys are dispatched by, so the help cannot miss one. */
#ifndef DESCENT_TUI_HELP_H
#define DESCENT_TUI_HELP_H

#include <stdbool.h>

struct app;

void help_draw(struct app *a);
/* Scrolls or closes; takes every key while open. */
bool help_key(struct app *a, int key);

#endif
