/* The plane of the surface panel. Objectives of more than two
 * parameters are shown on a slice, as the screen shows them (DESIGN
 * §5): by default the top two principal directions of the first path
 * through its last θ, which a finished run explains best, or random
 * directions (seeded) where the path spans no plane. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figure.h"
#include "model.h"

/* The first path with every parameter of the objective. */
static const plot_path *full_path(const plot_figure *fig)
{
    for (int i = 0; i < fig->n_paths; i++)
        if (fig->paths[i].dim == fig->obj->dim && fig->paths[i].n)
            return &fig->paths[i];
    return NULL;
}

static int plane_of_slice(fig_plane *pl, const plot_figure *fig)
{
    const plot_path *p = full_path(fig);
    const model *m = model_of(fig->obj);
    const double *centre = p ? p->theta + (p->n - 1) * p->dim
                             : m ? m->theta0 : NULL;
    if (!centre)
        return -1;
    slice s;
    bool pca = fig->slice_want == SLICE_PCA && p &&
               slice_pca(&s, centre, p->theta, p->n, p->dim) == 0;
    if (!pca && slice_random(&s, centre, fig->obj->dim, m ? m->blocks : NULL,
                             m ? m->n_blocks : 0, fig->slice_seed) < 0)
        return -1;
    pl->sliced = true;
    pl->sv.sl = s;
    pl->sv.seed = fig->slice_seed;
    pl->sv.step = p ? (long)p->step[p->n - 1] : 0;
    slice_range(&s, p ? p->theta : NULL, p ? p->n : 0, pl->sv.range);
    memcpy(pl->view, fig->has_view ? fig->view : pl->sv.range,
           sizeof pl->view);
    char what[200];
    slice_view_title(&pl->sv, false, what, sizeof what);
    snprintf(pl->title, sizeof pl->title, "%s · %s", fig->obj->name, what);
    return 0;
}

/* Without an objective: the box of the paths' points, a little wider. */
static void path_box(const plot_figure *fig, double *v)
{
    v[0] = v[2] = INFINITY;
    v[1] = v[3] = -INFINITY;
    for (int i = 0; i < fig->n_paths; i++) {
        const plot_path *p = &fig->paths[i];
        for (size_t k = 0; p->dim >= 2 && k < p->n; k++)
            for (int c = 0; c < 2; c++) {
                double x = p->theta[k * p->dim + c];
                if (fabs(x) <= 1e100) {
                    v[2 * c] = fmin(v[2 * c], x);
                    v[2 * c + 1] = fmax(v[2 * c + 1], x);
                }
            }
    }
    for (int c = 0; c < 2; c++) {
        if (!(v[2 * c] <= v[2 * c + 1]))
            v[2 * c] = -1.0, v[2 * c + 1] = 1.0;
        double pad = fmax(0.05 * (v[2 * c + 1] - v[2 * c]),
                          1e-3 * fmax(1.0, fabs(v[2 * c])));
        v[2 * c] -= pad;
        v[2 * c + 1] += pad;
    }
}

int fig_plane_init(fig_plane *pl, const plot_figure *fig)
{
    memset(pl, 0, sizeof *pl);
    if (fig->obj && fig->obj->dim > 2)
        return plane_of_slice(pl, fig);
    if (fig->has_view)
        memcpy(pl->view, fig->view, sizeof pl->view);
    else if (fig->obj)
        memcpy(pl->view, fig->obj->view, sizeof pl->view);
    else
        path_box(fig, pl->view);
    if (!fig->obj)
        snprintf(pl->title, sizeof pl->title, "%s",
                 fig->note ? fig->note : "no surface");
    else if (strcmp(fig->obj->name, fig->obj->formula) == 0)
        snprintf(pl->title, sizeof pl->title, "f(x, y) = %s",
                 fig->obj->formula);
    else
        snprintf(pl->title, sizeof pl->title, "%s: %s", fig->obj->name,
                 fig->obj->formula);
    return 0;
}

void fig_plane_free(fig_plane *pl)
{
    if (pl->sliced)
        slice_view_free(&pl->sv);
}

bool fig_plane_point(const fig_plane *pl, const plot_path *p, size_t i,
                     double *x, double *y)
{
    const double *t = p->theta + i * p->dim;
    if (pl->sliced) {
        if (p->dim != pl->sv.sl.n)
            return false;
        slice_project(&pl->sv.sl, t, x, y);
    } else {
        if (p->dim < 2)
            return false;
        *x = t[0];
        *y = t[1];
    }
    return isfinite(*x) && isfinite(*y);
}
