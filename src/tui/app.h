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
#include "hpo_view.h"
#include "keys.h"
#include "layout.h"
#include "prompt.h"
#include "menu.h"
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
    braille_canvas canvas;    /* per frame: contours + paths + arrows */
    int py, px, ph, pw;       /* plot area inside the surface window */
    lattice lat;              /* slices: samples being taken */
    unsigned lat_gen, lat_slice_gen;
    bool pending;             /* lat is not done: more frames needed */
    slice_eval ev;            /* slices: the loss on lat's plane */
    double *theta;            /* slices: scratch of the objective's size */
    size_t theta_n;
} surface_cache;

struct play;

typedef struct app {
    session s;
    hpo_view *hpo;           /* the HPO view instead of a session */
    struct play *play;       /* a lesson or demo (play.h); NULL */
    struct replay *replay;   /* a saved trace shown read-only (replay.h) */
    const key_binding *keys; /* this screen's bindings */
    int nkeys;
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
    double run_credit;       /* updates owed to live running */
    bool quit;
} app;

/* Shows a message in the bottom bar for a few seconds. */
void app_message(app *a, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Seconds on a monotonic clock. */
double app_now(void);
/* Whether frames come without keys: live running or replaying. */
bool app_running(const app *a);
/* Applies the theme (and NO_COLOR): sets a->ui. */
void app_set_theme(app *a, int theme);
/* Re-lays out for the terminal size: windows for every visible panel. */
void app_layout(app *a);
/* Draws each window that has a draw function in draw, by pane, onto
 * the virtual screen. */
void app_draw_panes(app *a, void (*const draw[PANE_COUNT])(app *, WINDOW *));
/* Draws every window and overlay and updates the terminal once. */
void app_render(app *a);
void app_free_windows(app *a);

/* Brings a->sc up to date for the surface panel's plot area (set by the
 * panel): the heat map and contours of the current view, or for a slice
 * as much of its lattice as the frame's budget allows. Returns whether
 * a grid is there to draw (it may be an older one: see sc.gen). */
bool surface_cache_update(app *a);
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

/* The HPO view's screen (hpo_screen.c): its layout, its panels, and
 * one frame's worth of replay while running. */
void hpo_screen_layout(app *a);
void hpo_screen_draw(app *a);
void hpo_screen_advance(app *a, double dt);

/* The replay's rows played while running (replay_screen.c). */
void replay_screen_advance(app *a, double dt);

#endif
