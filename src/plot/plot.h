/* Figures (DESIGN §8, `descent plot`): the surface as a heat map on the
 * screen's colour scale with contours, minima and a colour bar, the
 * paths of up to four runs or traces with a legend, and charts of the
 * loss, the learning rate and the gradient norm, drawn on a canvas (SVG
 * or PNG, canvas.h). No curses, no printing. */
#ifndef DESCENT_PLOT_H
#define DESCENT_PLOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "canvas.h"
#include "objective.h"
#include "run.h"
#include "slice.h"
#include "theme.h"

enum { PLOT_MAX_PATHS = THEME_RUN_COLORS };

/* One run or trace as the figure keeps it: its rows, thinned to every
 * stride-th once there are many (the first and the last always kept),
 * so a figure of a long run costs bounded memory. */
typedef struct {
    char label[160];     /* the legend's text */
    size_t dim;          /* numbers of θ per row: 0 (none), 2, or all */
    size_t n, cap;       /* rows kept, room */
    long seen;           /* rows offered */
    long stride;         /* a row in stride is kept */
    double *theta;       /* n × dim */
    double *step, *loss, *lr, *grad, *val;  /* n each; NaN: none */
    bool has_val;        /* some val is a number */
    /* The newest row offered, kept until the next shows whether it is
     * on the stride; plot_path_end adds it. */
    double *last;        /* 5 + dim numbers */
    bool pending;
} plot_path;

/* A run's legend: "adam lr 0.01, clip norm:5, hypergrad add β 0.001". */
void plot_run_label(const run_settings *s, char *buf, size_t cap);

/* An empty path of dim numbers of θ a row. 0 or -1 (memory). */
int plot_path_init(plot_path *p, size_t dim, const char *label);
/* Offers the row of update step: θ (dim numbers, or NULL when dim is 0)
 * and the row's loss, learning rate, gradient norm and validation loss
 * (NaN where there is none). */
void plot_path_add(plot_path *p, double step, const double *theta,
                   double loss, double lr, double grad, double val);
/* Keeps the last row offered. */
void plot_path_end(plot_path *p);
void plot_path_free(plot_path *p);

/* The panels a figure shows. */
enum {
    PLOT_SURFACE = 1, PLOT_LOSS = 2, PLOT_LR = 4, PLOT_GRAD = 8,
    PLOT_ALL = 15
};

/* The panels named in a comma-separated list ("surface,loss"); -1 when
 * a name is unknown, with it in bad (a pointer into text) and its length
 * in *len. */
int plot_panels_parse(const char *text, const char **bad, size_t *len);

typedef struct {
    const objective *obj;     /* the surface; NULL: the paths on plain axes */
    const char *note;         /* why there is no surface (obj NULL), or NULL */
    bool has_view;
    double view[4];           /* 2 parameters: of θ; else of the slice */
    slice_kind slice_want;    /* more than 2 parameters: PCA of the first
                                 path, or random when it spans no plane */
    uint64_t slice_seed;
    plot_path *paths;         /* n_paths ≤ PLOT_MAX_PATHS, colours in order */
    int n_paths;
    unsigned panels;          /* PLOT_* bits, at least one */
    int width, height;        /* pixels */
    const theme *th;
} plot_figure;

/* Draws the figure with ops and writes it to out. Returns 0, or -1 with
 * a message in err (memory, or a write that failed). */
int plot_draw(const plot_figure *fig, const canvas_ops *ops, FILE *out,
              char *err, size_t errcap);

#endif
