/* The surface panel: the heat map on the screen's colour scale (the
 * log-scaled loss of colormap.c), contour lines at the screen's levels
 * (by area, grid.c), the known minima, the paths with their starts and
 * ends, axes with ticks and a colour bar with values. The objective is
 * sampled every two pixels (a slice of a model on a coarser lattice,
 * interpolated, as the screen does: each point costs a pass over the
 * data). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "contour_chain.h"
#include "figure.h"
#include "grid.h"
#include "model.h"

enum { LEVELS = 12, SLICE_SAMPLES = 110, BAR_STEPS = 256 };

/* The objective over the plane: dots every two pixels of the plot. */
static int sample(surface_grid *g, const objective *obj, const fig_plane *pl,
                  box p)
{
    int cw = (int)ceil(p.w / 4.0), ch = (int)ceil(p.h / 8.0);
    if (!pl->sliced)
        return surface_grid_compute(g, obj, pl->view, cw, ch);
    int nx = SLICE_SAMPLES, ny = (int)ceil(SLICE_SAMPLES * p.h / p.w);
    lattice lat = {0};
    slice_eval c;
    int rc = -1;
    if (slice_eval_init(&c, &pl->sv.sl, obj) == 0 &&
        lattice_start(&lat, nx, ny < 2 ? 2 : ny, pl->view) == 0) {
        lattice_work(&lat, slice_eval_value, &c, INFINITY);
        rc = surface_grid_from_lattice(g, &lat, cw, ch);
    }
    lattice_free(&lat);
    slice_eval_free(&c);
    return rc;
}

static uint32_t heat_rgb(const fig_ctx *f, const heat_scale *s, double v)
{
    double t = heat_scale_t(s, v);
    return t < 0.0 ? f->bg : palette_rgb(f->th->palette, t);
}

static int heat_map(fig_ctx *f, const surface_grid *g, box p)
{
    int w = 2 * g->cw, h = 4 * g->ch;
    uint32_t *rgb = malloc((size_t)w * h * sizeof *rgb);
    if (!rgb)
        return -1;
    for (int i = 0; i < w * h; i++)
        rgb[i] = heat_rgb(f, &g->scale, g->dots[i]);
    canvas_image im = {w, h, rgb};
    f->ops->image(f->c, p.x, p.y, p.w, p.h, &im);
    free(rgb);
    return 0;
}

typedef struct {
    fig_ctx *f;
    box p;
    double sx, sy;        /* pixels a grid step */
    canvas_stroke stroke;
} contour_draw;

static void contour_line(void *ctx, const double *xy, size_t n)
{
    contour_draw *d = ctx;
    double *px = malloc(2 * n * sizeof *px);
    if (!px)
        return;
    for (size_t i = 0; i < n; i++) {
        px[2 * i] = d->p.x + (xy[2 * i] + 0.5) * d->sx;
        px[2 * i + 1] = d->p.y + (xy[2 * i + 1] + 0.5) * d->sy;
    }
    d->f->ops->polyline(d->f->c, px, n, &d->stroke);
    free(px);
}

/* Each level in a lighter (on light bands, darker) shade of its band,
 * as on the screen. */
static int contours(fig_ctx *f, const surface_grid *g, box p)
{
    double levels[LEVELS];
    int n = surface_grid_levels(g, LEVELS, levels);
    int nx = 2 * g->cw, ny = 4 * g->ch;
    contour_set set = {0};
    contour_draw d = {f, p, p.w / nx, p.h / ny, {0, 0.1 * f->fs, false, 0.9}};
    int rc = 0;
    for (int k = 0; k < n && rc == 0; k++) {
        double t = heat_scale_t(&g->scale, levels[k]);
        d.stroke.color = palette_rgb(f->th->palette, t > 0.6 ? t - 0.35 : t + 0.35);
        contour_set_clear(&set);
        contour_level(g->dots, nx, ny, levels[k], contour_set_add, &set);
        rc = set.failed ? -1 : contour_chain(&set, contour_line, &d);
    }
    contour_set_free(&set);
    return rc;
}

/* The bar's five labels with the fewest digits (three at least) that
 * tell them apart: the log scale crowds the low ones together. */
static void bar_labels(const heat_scale *s, char (*label)[32])
{
    for (int digits = 3; digits <= 9; digits++) {
        bool distinct = true;
        for (int k = 0; k <= 4; k++) {
            double v = heat_scale_value(s, k / 4.0);
            if (fabs(v) >= 1e3 && fabs(v) < 1e6 && digits == 3)
                snprintf(label[k], 32, "%.0f", v);
            else
                snprintf(label[k], 32, "%.*g", digits, v);
            distinct &= k == 0 || strcmp(label[k], label[k - 1]) != 0;
        }
        if (distinct)
            return;
    }
}

/* A vertical strip of the colour scale right of the plot, with the loss
 * at five evenly spaced colours. */
static void colour_bar(fig_ctx *f, const heat_scale *s, box bar)
{
    uint32_t rgb[BAR_STEPS];
    for (int i = 0; i < BAR_STEPS; i++)
        rgb[i] = palette_rgb(f->th->palette, 1.0 - (i + 0.5) / BAR_STEPS);
    canvas_image im = {1, BAR_STEPS, rgb};
    f->ops->image(f->c, bar.x, bar.y, bar.w, bar.h, &im);
    fig_frame(f, bar);
    canvas_stroke edge = {f->dim, 1.0, false, 1.0};
    fig_text(f, bar.x + bar.w / 2, bar.y - 0.5 * f->fs, "f", 0.85, f->fg,
             ANCHOR_MIDDLE);
    char label[5][32];
    bar_labels(s, label);
    for (int k = 0; k <= 4; k++) {
        double y = bar.y + (1.0 - k / 4.0) * bar.h;
        double xy[4] = {bar.x + bar.w, y, bar.x + bar.w + 0.3 * f->fs, y};
        f->ops->polyline(f->c, xy, 2, &edge);
        fig_text(f, bar.x + bar.w + 0.45 * f->fs, y + 0.28 * f->fs, label[k],
                 0.8, f->dim, ANCHOR_START);
    }
}

static void world_to_px(const fig_plane *pl, box p, double x, double y,
                        double *px, double *py)
{
    const double *v = pl->view;
    *px = p.x + (x - v[0]) / (v[1] - v[0]) * p.w;
    *py = p.y + (v[3] - y) / (v[3] - v[2]) * p.h;
}

/* Path i in its run colour, its start and its end. */
static int draw_path(fig_ctx *f, const fig_plane *pl, box p, int i)
{
    const plot_path *path = &f->fig->paths[i];
    double *xy = malloc(2 * path->n * sizeof *xy);
    if (!xy)
        return -1;
    for (size_t k = 0; k < path->n; k++) {
        double x, y;
        if (fig_plane_point(pl, path, k, &x, &y))
            world_to_px(pl, p, x, y, &xy[2 * k], &xy[2 * k + 1]);
        else
            xy[2 * k] = xy[2 * k + 1] = NAN;
    }
    char name[32];
    snprintf(name, sizeof name, "path path%d", i + 1);
    f->ops->group_begin(f->c, name, NULL, NULL);
    uint32_t color = f->th->runs[i].rgb;
    canvas_stroke s = {color, 0.16 * f->fs, false, 1.0};
    fig_polyline(f, xy, path->n, p, &s);
    double r = 0.3 * f->fs;
    if (path->n && !isnan(xy[0]))
        f->ops->mark(f->c, xy[0], xy[1], MARK_CIRCLE, r, f->th->start.rgb, f->bg);
    size_t last = path->n ? path->n - 1 : 0;
    if (path->n > 1 && !isnan(xy[2 * last]))
        f->ops->mark(f->c, xy[2 * last], xy[2 * last + 1], MARK_CIRCLE, r, color,
                     f->bg);
    f->ops->group_end(f->c);
    free(xy);
    return 0;
}

static void minima(fig_ctx *f, const fig_plane *pl, box p)
{
    const objective *obj = f->fig->obj;
    for (size_t i = 0; obj && !pl->sliced && i < obj->n_minima; i++) {
        double x, y;
        world_to_px(pl, p, obj->minima[i][0], obj->minima[i][1], &x, &y);
        f->ops->mark(f->c, x, y, MARK_STAR, 0.55 * f->fs, f->th->minimum.rgb,
                     f->bg);
    }
}

static void axes(fig_ctx *f, const fig_plane *pl, box p)
{
    const double *v = pl->view;
    fig_axis ax = {v[0], v[1], false, p.x, p.x + p.w};
    fig_axis ay = {v[2], v[3], false, p.y + p.h, p.y};
    fig_ticks_x(f, &ax, p.y + p.h);
    fig_ticks_y(f, &ay, p.x);
    const char *names[2] = {"x", "y"};
    if (pl->sliced)
        names[0] = "a", names[1] = "b";
    else if (!f->fig->obj || model_of(f->fig->obj))
        names[0] = "θ₀", names[1] = "θ₁";
    fig_text(f, p.x + p.w / 2, p.y + p.h + 2.6 * f->fs, names[0], 0.9, f->fg,
             ANCHOR_MIDDLE);
    canvas_font ft = {0.9 * f->fs, f->fg, ANCHOR_MIDDLE, false, true};
    f->ops->text(f->c, p.x - 4.2 * f->fs, p.y + p.h / 2, names[1], &ft);
}

/* The attributes an SVG reader needs to map θ to pixels. */
static void plot_attrs(const fig_plane *pl, box p, char *buf, size_t cap)
{
    snprintf(buf, cap,
             "data-view=\"%.17g %.17g %.17g %.17g\" "
             "data-plot=\"%.17g %.17g %.17g %.17g\"",
             pl->view[0], pl->view[1], pl->view[2], pl->view[3], p.x, p.y,
             p.w, p.h);
}

int fig_surface(fig_ctx *f, const fig_plane *pl, box b)
{
    const objective *obj = f->fig->obj;
    double bar_w = obj ? 6.5 * f->fs : 0.0;
    box p = {b.x + 5.0 * f->fs, b.y + 0.8 * f->fs, 0, 0};
    p.w = b.x + b.w - bar_w - p.x;
    p.h = b.y + b.h - 3.2 * f->fs - p.y;
    if (p.w < 8 || p.h < 8)
        return 0; /* no room: the panel is left out */
    surface_grid g = {0};
    char attrs[256];
    plot_attrs(pl, p, attrs, sizeof attrs);
    double clip[4] = {p.x, p.y, p.w, p.h};
    f->ops->group_begin(f->c, "surface", clip, attrs);
    int rc = 0;
    if (obj && (rc = sample(&g, obj, pl, p)) == 0)
        rc = heat_map(f, &g, p) < 0 || contours(f, &g, p) < 0 ? -1 : 0;
    minima(f, pl, p);
    for (int i = 0; i < f->fig->n_paths && rc == 0; i++)
        rc = draw_path(f, pl, p, i);
    f->ops->group_end(f->c);
    fig_frame(f, p);
    axes(f, pl, p);
    if (obj && rc == 0)
        colour_bar(f, &g.scale, (box){p.x + p.w + 1.0 * f->fs, p.y + 0.6 * f->fs,
                                      1.1 * f->fs, p.h - 0.6 * f->fs});
    surface_grid_free(&g);
    return rc;
}
