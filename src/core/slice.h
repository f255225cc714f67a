/* A 2-D slice through an objective of many parameters (DESIGN §5):
 * θ(a, b) = c + a d1 + b d2 through a centre c (the current θ) along two
 * directions, either
 *  - random, normalised filter by filter (Li, Xu, Taylor, Studer &
 *    Goldstein, "Visualizing the Loss Landscape of Neural Nets", 2018):
 *    each unit's part of a Gaussian direction is scaled to the norm of
 *    θ's part there, so that a = 1 is a step the size of the weights in
 *    every layer; or
 *  - the top two principal directions of the path so far (the same
 *    paper, §7): PCA of the path's θ's relative to c.
 * The loss is evaluated on a grid of (a, b) and path points are
 * projected onto the plane (least squares: the directions need not be
 * orthogonal). */
#ifndef DESCENT_SLICE_H
#define DESCENT_SLICE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "objective.h"

typedef enum { SLICE_RANDOM, SLICE_PCA } slice_kind;

const char *slice_kind_name(slice_kind k);

typedef struct {
    slice_kind kind;
    size_t n;
    double *centre, *d1, *d2;  /* n each, one block */
    double explained[2];       /* PCA: the share of the path's variance
                                  along d1 and d2; random: NaN */
} slice;

/* Random directions through centre, seeded; blocks give the units to
 * normalise (a row of a weight matrix, or a whole bias vector); NULL:
 * the whole vector is one unit. 0 or -1 (out of memory). */
int slice_random(slice *s, const double *centre, size_t n,
                 const model_block *blocks, size_t n_blocks, uint64_t seed);

/* Principal directions of path (m points of n, row-major) about centre.
 * At most 256 points are used (evenly spaced, the last included).
 * Returns 0, or -1 when the path spans fewer than two directions or
 * memory runs out. */
int slice_pca(slice *s, const double *centre, const double *path, size_t m,
              size_t n);

void slice_free(slice *s);

/* θ(a, b) into theta. */
void slice_point(const slice *s, double a, double b, double *theta);

/* (a, b) of the point of the plane nearest theta. */
void slice_project(const slice *s, const double *theta, double *a, double *b);

/* f on the slice's plane, point by point, for many points: a model's
 * first layer at the centre and the directions is computed once
 * (model_plane); anything else evaluates θ(a, b). The slice and f must
 * outlive it. */
typedef struct {
    const slice *s;
    const objective *f;
    model_plane *plane;   /* NULL: θ(a, b) and f's value */
    double *theta;
} slice_eval;

/* 0 or -1 (out of memory). */
int slice_eval_init(slice_eval *e, const slice *s, const objective *f);
double slice_eval_at(slice_eval *e, double a, double b);
void slice_eval_free(slice_eval *e);
/* slice_eval_at for samplers that take a function of (a, b) and a
 * context (lattice_work); ctx is a slice_eval. */
double slice_eval_value(void *ctx, double a, double b);

/* f at nx × ny points spanning range = {a0, a1, b0, b1}, row by row
 * (b outer, a inner) into out. 0 or -1 (out of memory). */
int slice_grid(const slice *s, const objective *f, const double range[4],
               size_t nx, size_t ny, double *out);

/* A range for drawing: [-1, 1]² for random directions (the weights'
 * scale), the projected path's bounding box with a quarter of margin for
 * PCA; never narrower than 1e-3 of a unit. */
void slice_range(const slice *s, const double *path, size_t m,
                 double range[4]);

#endif
