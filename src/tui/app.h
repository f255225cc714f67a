/* The TUI's state beside the session: terminal capabilities, theme,
 * layout and windows, the surface cache, overlays and the message line.
 * Panels draw from it; key handlers change it. */
#ifndef DESCENT_TUI_APP_H
#define DESCENT_TUI_APP_H

#include <stdbool.h>
#include <stdio.h>

#include <curses.h>

#include "braille.h"
#include "grid.h"
#include "keys.h"
#include "layout.h"
#include "menu.h"
#include "mode.h"
#include "prompt.h"
#include "session.h"
#include "tui.h"
#include "ui.h"

typedef enum { OVERLAY_NONE, OVERLAY_HELP, OVERLAY_MENU, OVERLAY_PROMPT } overlay_kind;

/* The surface panel's plot area and its cached heat map; rebuilt when
 * the view generation or the plot size changes, never per frame. A
 * slice's is sampled on a lattice a few rows a frame (lat), and the
 * last complete one stays on screen meanwhile. */
/* The colour tag of contour dots in the surface canvases (runs are
 * 0..3). */
enum { CONTOUR_TAG = 8 };

typedef struct {
    surface_grid grid;
    unsigned gen;             /* the view generation grid is of */
    unsigned slice_gen;       /* slices: the slice grid is of */
    bool valid;
    braille_canvas contours;  /* dots of the contour lines */
    braille_canvas *canvas;   /* per frame: contours + paths + arrows
                                 (scratch the const panel draws into) */
    int py, px, ph, pw;       /* plot area inside the surface window */
    lattice lat;              /* slices: samples being taken */
    unsigned lat_gen, lat_slice_gen;
    bool pending;             /* lat is not done: more frames needed */
    bool drawable;            /* a grid to draw this frame */
    bool axes;                /* room for tick labels */
    int legend;               /* rows of legend under the plot */
    slice_eval ev;            /* slices: the loss on lat's plane */
    double *theta;            /* slices: scratch of the objective's size */
    size_t theta_n;
} surface_cache;

/* The mouse over the surface: a drag in progress, and where the
 * pointer is (for f and ∇f under it). */
typedef struct {
    bool pressed, dragged;   /* button 1 down; moved since */
    int y, x;                /* the last position seen */
    bool over;               /* the pointer is over the plot */
    /* What is under it, brought up to date before a frame when the
     * pointer or the view moved: the place, f there and (2 parameters)
     * ∇f by the focused run's method. */
    double wx, wy, f, g[2];
    bool has_g;
    int at_y, at_x;          /* the position they are of */
    unsigned at_gen;         /* the view generation they are of */
} pointer_state;

typedef struct app {
    session s;
    const screen_mode *mode; /* what the screen is (mode.h) */
    void *ms;                /* the mode's state; NULL for the live one */
    const key_binding *keys; /* the mode's bindings (mode->keys) */
    int nkeys;
    /* The surface's title when it has no objective to draw (a replay
     * without one): the path on plain axes. NULL: a surface. */
    const char *surface_note;
    ui_env ui;
    color_depth term_depth;  /* what the terminal has, before NO_COLOR */
    int theme;
    bool presenter;
    layout_tab tab;
    layout lay;
    int cols, rows;
    WINDOW *win[PANE_COUNT];
    surface_cache sc;
    overlay_kind ov;
    int help_scroll;
    menu_state menu;
    prompt_state prompt;
    char msg[256];
    bool msg_error;
    double msg_until;        /* monotonic seconds */
    double run_credit;       /* units owed to the running mode */
    pointer_state ptr;
    bool scripted;           /* keys come from a demo: no questions */
    bool quit;
} app;

/* Shows a message in the bottom bar for a few seconds. */
void app_message(app *a, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Seconds on a monotonic clock. */
double app_now(void);
/* Whether frames come without keys (the mode's running). */
bool app_running(const app *a);
/* Installs the app's hook on its session (mode->updated hears of every
 * change) and brings it up to date; after each time the session is
 * opened. */
void app_watch_session(app *a);
/* Applies the theme (and NO_COLOR): sets a->ui. */
void app_set_theme(app *a, int theme);
/* Re-lays out for the terminal size: windows for every visible panel. */
void app_layout(app *a);
/* A panel's draw function: it reads the app, never changes it. */
typedef void (*pane_draw)(const app *a, WINDOW *w);
/* Draws each window that has a draw function in draw, by pane, onto
 * the virtual screen. */
void app_draw_panes(const app *a, const pane_draw draw[PANE_COUNT]);
/* Draws every window and overlay and updates the terminal once. */
void app_render(app *a);
void app_free_windows(app *a);

/* Brings a->sc up to date for the surface panel's plot area (set by
 * panel_surface_geometry): the heat map and contours of the current
 * view, or for a slice as much of its lattice as the frame's budget
 * allows. Sets sc.drawable: whether a grid is there to draw (it may be
 * an older one: see sc.gen). */
void surface_cache_update(app *a);
void surface_cache_free(surface_cache *sc);

/* Opens the session and the terminal (newterm on out and in) and lays
 * out; returns 0 or an exit code after printing the error. tui_close
 * undoes it. Shared by tui_main and tui_bench. */
int tui_open(app *a, const tui_options *o, FILE *out, FILE *in);
void tui_close(app *a);
/* The main loop until quit; returns the exit code (128 + a signal). */
int tui_loop(app *a);
/* Both ends must be terminals, else says to use instead (returns 2);
 * then installs the signal handlers. 0. */
int tui_need_tty(const char *instead);

/* The app of a screen other than the live one: mode m with its state ms
 * (one screen a process, so it is static, for its size). */
app *tui_screen_app(const screen_mode *m, void *ms);
/* The loop's own entry: the terminal opened for a's mode (its state and
 * the session, if it has one, in place), run, and closed. */
int tui_run_screen(app *a);

#endif
