/* The plane the surface panel shows for objectives of more than two
 * parameters (DESIGN §5, slice.h): which slice it is, through which θ,
 * and each run's path projected onto it, kept up to date as the path
 * grows without projecting it all again every frame. Pure. */
#ifndef DESCENT_TUI_SLICE_VIEW_H
#define DESCENT_TUI_SLICE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hist.h"
#include "slice.h"

/* The PCA slice follows the path: it is taken again once the path has
 * grown by this many updates (and by a quarter), so a long run does not
 * recompute it ever more often for ever smaller changes. */
enum { SLICE_PCA_EVERY = 50 };

typedef struct {
    slice sl;            /* the directions; sl.centre NULL before any */
    uint64_t seed;       /* random directions */
    long step;           /* the update of the centre θ */
    unsigned gen;        /* changes with every new slice */
    double range[4];     /* a0, a1, b0, b1: the slice's own view */
} slice_view;

/* Random directions (seed) through theta, taken at update step,
 * normalised by the model's blocks when obj is a model. 0 or -1. */
int slice_view_random(slice_view *v, const objective *obj,
                      const double *theta, long step, uint64_t seed);
/* The top two principal directions of path about theta. 0, or -1 when
 * the path spans fewer than two directions yet (v unchanged). */
int slice_view_pca(slice_view *v, const hist_path *path, const double *theta,
                   long step);
void slice_view_free(slice_view *v);

/* Whether a PCA slice taken at v->step is due again at update step. */
bool slice_view_pca_due(const slice_view *v, long step);

/* "slice: random seed 0 through θ at step 120", "slice: PCA of the path
 * (explains 93%) through θ at step 300"; brief leaves out the centre. */
void slice_view_title(const slice_view *v, bool brief, char *buf,
                      size_t cap);

/* (a, b) of the direction p − q (q NULL: p) in the plane; scratch has
 * room for the objective's dimension. */
void slice_view_delta(const slice_view *v, const double *p, const double *q,
                      double *scratch, double *a, double *b);

/* One run's path on the plane: ab[2i], ab[2i+1] for path point i. */
typedef struct {
    double *ab;
    size_t n, cap;
    unsigned path_gen, slice_gen;
} slice_proj;

/* Projects what is new in path (all of it when the slice or the path's
 * points changed). 0 or -1 (memory). */
int slice_proj_update(slice_proj *p, const slice_view *v,
                      const hist_path *path);
void slice_proj_free(slice_proj *p);

#endif
