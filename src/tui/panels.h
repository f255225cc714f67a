/* The panels' draw functions (one file each): each reads the app and
 * draws into its window, never changing what it shows. */
#ifndef DESCENT_TUI_PANELS_H
#define DESCENT_TUI_PANELS_H

#include <stdbool.h>

#include <curses.h>

#include "ui.h"

struct app;

void statusbar_draw_top(const struct app *a, WINDOW *w);
void statusbar_draw_bottom(const struct app *a, WINDOW *w);
/* Drops whole " · " segments from the end of text until it fits in
 * width columns; the bars' colours, or the error colour on the bar. */
void statusbar_fit(const ui_env *u, char *text, int width);
void statusbar_style(WINDOW *w, const ui_env *u, bool error);
/* The top bar's left part: " descent " in key colours, then text. */
void statusbar_title(WINDOW *w, const ui_env *u, const char *text,
                     int width);
void panel_surface_draw(const struct app *a, WINDOW *w);
void panel_step_draw(const struct app *a, WINDOW *w);
void panel_chart_loss(const struct app *a, WINDOW *w);
void panel_chart_lr(const struct app *a, WINDOW *w);
void panel_chart_grad(const struct app *a, WINDOW *w);
void panel_chart_accuracy(const struct app *a, WINDOW *w);
/* The HPO view's: the curve with the evaluations, the running best
 * against cost, the legend. */
void panel_hpo_curve(const struct app *a, WINDOW *w);
void panel_hpo_best(const struct app *a, WINDOW *w);
void panel_hpo_legend(const struct app *a, WINDOW *w);
/* The replay's top bar ("replay FILE", the row, the end status) and
 * step panel (the trace's row at the cursor). */
void replay_top_draw(const struct app *a, WINDOW *w);
void panel_replay_step(const struct app *a, WINDOW *w);

/* Before the surface panel draws: its plot area in w, the heat map
 * brought up to date, the frame's canvas. */
void panel_surface_prepare(struct app *a, WINDOW *w);
/* A mouse event over the surface: the wheel zooms about the pointer, a
 * drag pans, the pointer's place is kept (f and ∇f under it). Returns
 * true for a click on the plot (pressed and released without moving),
 * with its place in *wx, *wy, for the mode to act on. */
bool panel_surface_mouse(struct app *a, const MEVENT *ev, double *wx,
                         double *wy);
/* Before a frame: f and ∇f under the pointer when it or the view moved
 * (surface_pointer.c). */
void surface_pointer_update(struct app *a);
/* Their line in the surface's bottom border while the pointer is over
 * the plot; returns the column after it (2 when none). */
int surface_pointer_draw(const struct app *a, WINDOW *w);
/* The view's centre under the pointer, for keyboard zoom. */
void panel_surface_centre(const struct app *a, double *cx, double *cy);

#endif
