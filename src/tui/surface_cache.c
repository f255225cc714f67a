/* The surface panel's cache: the heat map and contour lines of the view,
 * computed once per view and plot size. A 2-parameter objective is
 * sampled at once; a slice of a model costs a forward pass over the
 * data per point, so it is sampled at cell resolution (half of it while
 * running) a few rows per frame within a budget, and interpolated to
 * the braille dots for the contours. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "contour.h"

enum { CONTOUR_LEVELS = 8 };
/* Seconds of slice sampling per frame: with the panels' own work (a
 * model's gradient check by central differences takes up to 8 ms) a
 * paused frame stays under 16 ms; running, the updates' budget (tui.c)
 * comes on top, at 30 frames a second. */
static const double SLICE_BUDGET = 0.006;

static void emit_segment(void *p, const contour_seg *s)
{
    braille_line(p, s->x0, s->y0, s->x1, s->y1, CONTOUR_TAG);
}

/* Contours of the grid just computed, at levels by area (see
 * surface_grid_levels). */
static void trace_contours(surface_cache *sc)
{
    sc->valid = false;
    braille_free(&sc->contours);
    if (braille_init(&sc->contours, sc->pw, sc->ph) < 0)
        return;
    double levels[CONTOUR_LEVELS];
    int n = surface_grid_levels(&sc->grid, CONTOUR_LEVELS, levels);
    for (int k = 0; k < n; k++)
        contour_level(sc->grid.dots, 2 * sc->pw, 4 * sc->ph, levels[k],
                      emit_segment, &sc->contours);
    sc->valid = true;
}

/* Starts, continues or finishes the slice's lattice. */
static void update_slice(app *a)
{
    surface_cache *sc = &a->sc;
    const session *s = &a->s;
    if (sc->theta_n != s->obj.dim) {
        double *t = realloc(sc->theta, s->obj.dim * sizeof *t);
        if (!t)
            return;
        sc->theta = t;
        sc->theta_n = s->obj.dim;
    }
    int shrink = s->running ? 2 : 1;
    int nx = (sc->pw + shrink - 1) / shrink, ny = (sc->ph + shrink - 1) / shrink;
    bool same = sc->lat.v && sc->ev.s && sc->lat_gen == s->view_gen &&
                sc->lat_slice_gen == s->slice.gen && sc->lat.nx == nx &&
                sc->lat.ny == ny;
    if (!same) {
        slice_eval_free(&sc->ev);
        if (lattice_start(&sc->lat, nx, ny, s->view) < 0 ||
            slice_eval_init(&sc->ev, &s->slice.sl, &s->obj) < 0)
            return;
        sc->lat_gen = s->view_gen;
        sc->lat_slice_gen = s->slice.gen;
    } else if (lattice_done(&sc->lat) && sc->valid &&
               sc->grid.cw == sc->pw && sc->grid.ch == sc->ph)
        return;
    sc->pending = !lattice_work(&sc->lat, slice_eval_value, &sc->ev,
                                SLICE_BUDGET);
    if (sc->pending)
        return;
    if (surface_grid_from_lattice(&sc->grid, &sc->lat, sc->pw, sc->ph) < 0)
        return;
    sc->gen = sc->lat_gen;
    sc->slice_gen = sc->lat_slice_gen;
    trace_contours(sc);
}

void surface_cache_update(app *a)
{
    surface_cache *sc = &a->sc;
    sc->pending = false;
    if (session_sliced(&a->s)) {
        update_slice(a);
        /* An older grid of the same slice is drawn in its own view; one
         * of another slice would be a different function. */
        sc->drawable = sc->valid && sc->slice_gen == a->s.slice.gen &&
                       sc->grid.cw == sc->pw && sc->grid.ch == sc->ph;
        return;
    }
    if (!sc->valid || sc->gen != a->s.view_gen || sc->grid.cw != sc->pw ||
        sc->grid.ch != sc->ph) {
        sc->valid = false;
        if (surface_grid_compute(&sc->grid, &a->s.obj, a->s.view, sc->pw,
                                 sc->ph) < 0)
            return;
        sc->gen = a->s.view_gen;
        trace_contours(sc);
    }
    sc->drawable = sc->valid;
}

void surface_cache_free(surface_cache *sc)
{
    surface_grid_free(&sc->grid);
    braille_free(&sc->contours);
    if (sc->canvas)
        braille_free(sc->canvas);
    free(sc->canvas);
    lattice_free(&sc->lat);
    slice_eval_free(&sc->ev);
    free(sc->theta);
    memset(sc, 0, sizeof *sc);
}
