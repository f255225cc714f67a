/* A list to choose from, in a box over the screen: objectives (the
 * built-ins and "type an expression"), optimisers, and the focused
 * run's settings (settings_list.h), each edited by a prompt. */
#ifndef DESCENT_TUI_MENU_H
#define DESCENT_TUI_MENU_H

#include <stdbool.h>

struct app;

typedef enum { MENU_OBJECTIVE, MENU_OPTIMIZER, MENU_SETTINGS } menu_kind;

typedef struct {
    menu_kind kind;
    int sel, count;
    int ids[32];        /* MENU_SETTINGS: the option id of each row */
} menu_state;

void menu_open(struct app *a, menu_kind kind);
void menu_draw(struct app *a);
/* Moves, chooses (Enter) or closes (Esc); takes every key while open. */
bool menu_key(struct app *a, int key);

#endif
