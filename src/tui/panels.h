/* The panels' draw functions (one file each) and their mouse handling. */
#ifndef DESCENT_TUI_PANELS_H
#define DESCENT_TUI_PANELS_H

#include <stdbool.h>

#include <curses.h>

#include "ui.h"

struct app;

void statusbar_draw_top(struct app *a, WINDOW *w);
void statusbar_draw_bottom(struct app *a, WINDOW *w);
/* Drops whole " · " segments from the end of text until it fits in
 * width columns; the bars' colours, or the error colour on the bar. */
void statusbar_fit(const ui_env *u, char *text, int width);
void statusbar_style(WINDOW *w, const ui_env *u, bool error);
void panel_surface_draw(struct app *a, WINDOW *w);
void panel_step_draw(struct app *a, WINDOW *w);
void panel_chart_loss(struct app *a, WINDOW *w);
void panel_chart_lr(struct app *a, WINDOW *w);
void panel_chart_grad(struct app *a, WINDOW *w);
void panel_chart_accuracy(struct app *a, WINDOW *w);
/* The HPO view's: the curve with the evaluations, the running best
 * against cost, the legend. */
void panel_hpo_curve(struct app *a, WINDOW *w);
void panel_hpo_best(struct app *a, WINDOW *w);
void panel_hpo_legend(struct app *a, WINDOW *w);
/* The replay's top bar ("replay FILE", the row, the end status) and
 * step panel (the trace's row at the cursor). */
void replay_top_draw(struct app *a, WINDOW *w);
void panel_replay_step(struct app *a, WINDOW *w);

/* A mouse event at screen (y, x) over the surface: the wheel zooms
 * about the pointer, a click moves the start. Returns whether it was
 * over the plot. */
bool panel_surface_mouse(struct app *a, int y, int x, int button);
/* The view's centre under the pointer, for keyboard zoom. */
void panel_surface_centre(struct app *a, double *cx, double *cy);

#endif
