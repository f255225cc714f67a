/* Screen modes (tmux's window_mode, tig's view_ops): the live screen, a
 * lesson, the lesson menu, a demo, a replay and the HPO view are each a
 * const screen_mode, and the main loop (tui.c) is one path through
 * whichever is current: lay out, draw, wait, dispatch keys and the
 * mouse, advance while running. A new mode is one file holding its
 * table (and its key bindings) plus its line in screen_modes[]. */
#ifndef DESCENT_TUI_MODE_H
#define DESCENT_TUI_MODE_H

#include <stdbool.h>

#include <curses.h>

#include "keys.h"

struct app;

typedef struct screen_mode {
    const char *name;
    /* The key bindings: dispatch, help and the bottom bar's hints.
     * Quit is last (the bar keeps it at the right end). */
    const key_binding *(*keys)(const struct app *a, int *n);
    /* a->lay for a->cols × a->rows. */
    void (*layout)(struct app *a);
    /* What the frame needs before drawing (the surface's heat map for
     * the plot area the layout gave it); NULL: nothing. */
    void (*prepare)(struct app *a);
    /* Every pane onto the virtual screen (overlays are the app's). */
    void (*draw)(const struct app *a);
    /* Whether frames come without keys, and how many units (updates,
     * rows, evaluations) a second they advance by. */
    bool (*running)(const struct app *a);
    double (*rate)(const struct app *a);
    /* Up to n units, stopping early once deadline (app_now) passes;
     * returns how many were made. Fewer than n and not past the
     * deadline: the mode cannot go on (it stops running itself). */
    long (*advance)(struct app *a, long n, double deadline);
    /* A key before the bindings see it; returns whether it was taken.
     * NULL: none. */
    bool (*key)(struct app *a, int key);
    /* A mouse event outside overlays. NULL: ignored. */
    void (*mouse)(struct app *a, const MEVENT *ev);
    /* Carries out what is due at now (a demo's commands) and returns
     * when the loop must next wake without a key; -1: no need. NULL:
     * nothing timed. */
    double (*timer)(struct app *a, double now);
    /* Whether the setting called name (as the command line spells it)
     * may change now; false with a message why. NULL: always. */
    bool (*may_change)(struct app *a, const char *name);
    /* After every change of the session's runs (session.h's hook),
     * once the session is up to date. NULL: nothing. */
    void (*updated)(struct app *a);
    /* The help overlay's last line, before "other keys close". */
    const char *help_note;
    /* Frees the mode's state (a->ms); NULL when it has none. */
    void (*free)(struct app *a);
} screen_mode;

extern const screen_mode mode_live, mode_lesson, mode_menu, mode_demo,
    mode_replay, mode_hpo;

/* Every mode, NULL-terminated (the unit tests check their tables). */
extern const screen_mode *const screen_modes[];

/* Makes m current (its state is a->ms): its keys, then a new layout. */
void app_set_mode(struct app *a, const screen_mode *m);

/* The live screen's parts that the modes built on it (lesson, demo,
 * replay) share. */
void live_layout(struct app *a);
void live_prepare(struct app *a);
/* The surface's part of it (a replay has no anatomy to build). */
void live_prepare_surface(struct app *a);
void live_draw(const struct app *a);
/* The live screen's panes with these in the top bar's, the step panel's
 * and the lesson panel's places (NULL: none). */
void live_draw_with(const struct app *a,
                    void (*top)(const struct app *, WINDOW *),
                    void (*step)(const struct app *, WINDOW *),
                    void (*lesson)(const struct app *, WINDOW *));
bool live_running(const struct app *a);
double live_rate(const struct app *a);
long live_advance(struct app *a, long n, double deadline);
void live_mouse(struct app *a, const MEVENT *ev);
/* A click on the surface at (x, y): the start moves there. */
void live_click(struct app *a, double x, double y);
void live_updated(struct app *a);

#endif
