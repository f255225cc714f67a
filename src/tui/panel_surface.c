/* The surface panel: the objective as a heat map (cell backgrounds on a
 * log-scaled loss), contour lines and paths in braille over it, the
 * minima, the start, each run's θ, the −gradient and update arrows, axis
 * ticks and a legend. The heat map and contours are cached per view. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "contour.h"
#include "panels.h"
#include "replay.h"
#include "ticks.h"

/* Colour tags in the canvas beside the run indices 0..3. */
enum { TAG_CONTOUR = CONTOUR_TAG, TAG_GRAD, TAG_UPDATE };
enum { LABEL_W = 6 };

typedef struct {
    app *a;
    WINDOW *w;
    const double *v;   /* view */
    double sx, sy;     /* dots per unit */
    bool heat;
} ctx;

/* θ (all its parameters) as plot coordinates: itself for 2 parameters,
 * its projection onto the slice otherwise. */
static void plot_xy(const app *a, const double *theta, double *x, double *y)
{
    if (session_sliced(&a->s))
        slice_project(&a->s.slice.sl, theta, x, y);
    else
        *x = theta[0], *y = theta[1];
}

/* The direction p − q (q NULL: p) in plot coordinates. */
static void plot_dir(app *a, const double *p, const double *q, double *x,
                     double *y)
{
    if (session_sliced(&a->s))
        slice_view_delta(&a->s.slice, p, q, a->sc.theta, x, y);
    else
        *x = p[0] - (q ? q[0] : 0.0), *y = p[1] - (q ? q[1] : 0.0);
}

/* World (x, y) to dot coordinates; dot i covers [i, i+1). */
static void to_dot(const ctx *c, double x, double y, double *px, double *py)
{
    *px = (x - c->v[0]) * c->sx;
    *py = (c->v[3] - y) * c->sy;
}

/* The dot a coordinate falls in; far off the canvas (or NaN) is -2,
 * which no dot has, so it converts to int safely. */
static int dot_of(double p) { return p > -2.0 && p < 1e6 ? (int)floor(p) : -2; }

/* Consecutive points (x, y at stride bytes apart) joined by lines,
 * then the run's θ; a step that stays in the same dot draws nothing
 * more, so long converged tails cost little. */
static void draw_points(const ctx *c, braille_canvas *cv, const char *xy,
                        size_t stride, size_t n, const double *now, int tag)
{
    double px0 = 0, py0 = 0;
    int last_x = -3, last_y = -3;
    for (size_t i = 0; i <= n; i++) {
        const double *p = i < n ? (const double *)(xy + i * stride) : now;
        double px, py;
        to_dot(c, p[0], p[1], &px, &py);
        int dx = dot_of(px), dy = dot_of(py);
        if (i == 0)
            braille_set(cv, dx, dy, tag);
        else if (dx != last_x || dy != last_y || dx == -2)
            braille_line(cv, px0 - 0.5, py0 - 0.5, px - 0.5, py - 0.5, tag);
        last_x = dx;
        last_y = dy;
        px0 = px;
        py0 = py;
    }
}

/* A run's path: its rows' θ for 2 parameters; on a slice, its kept
 * points projected (the projections cached with the run). */
static void draw_path(const ctx *c, braille_canvas *cv, session_run *sr,
                      int tag)
{
    double now[2];
    plot_xy(c->a, sr->r.theta, &now[0], &now[1]);
    if (!session_sliced(&c->a->s)) {
        const hist *h = &sr->h;
        draw_points(c, cv, (const char *)h->rows[0].theta, sizeof *h->rows,
                    h->nrows, now, tag);
        return;
    }
    if (slice_proj_update(&sr->proj, &c->a->s.slice, &sr->h.path) == 0)
        draw_points(c, cv, (const char *)sr->proj.ab, 2 * sizeof(double),
                    sr->proj.n, now, tag);
}

/* One of eight arrows for a direction on screen (y down). */
static void arrow_glyph(double dx, double dy, uint32_t *cp, char *ascii)
{
    static const uint32_t cps[8] = {0x2192, 0x2198, 0x2193, 0x2199,
                                    0x2190, 0x2196, 0x2191, 0x2197};
    static const char asc[8] = {'>', '\\', 'v', '/', '<', '\\', '^', '/'};
    int k = (int)lround(atan2(dy, dx) / (M_PI / 4.0));
    k = ((k % 8) + 8) % 8;
    *cp = cps[k];
    *ascii = asc[k];
}

typedef struct {
    bool on;
    double x, y;       /* tip, in dots */
    double dx, dy;     /* direction */
} arrow;

/* An arrow from the dot (px, py) along (dx, dy) screen units scaled to a
 * length in [lo, hi] dots. */
static arrow make_arrow(double px, double py, double dx, double dy,
                        double lo, double hi)
{
    double len = hypot(dx, dy);
    arrow ar = {false, 0, 0, dx, dy};
    if (!(len > 0.0) || !isfinite(len) || !isfinite(px + py))
        return ar;
    double want = len < lo ? lo : len > hi ? hi : len;
    ar.x = px + dx / len * want;
    ar.y = py + dy / len * want;
    ar.on = true;
    return ar;
}

static int tag_color(const ctx *c, int tag, double t)
{
    const ui_env *u = &c->a->ui;
    const theme *th = u->th;
    if (tag == TAG_CONTOUR) {
        if (!c->heat)
            return ui_color(u, th->dim);
        /* A lighter (or, on light bands, darker) shade of the band. */
        return palette_color(th->palette, u->depth, t > 0.6 ? t - 0.35 : t + 0.35);
    }
    if (tag == TAG_GRAD)
        return ui_color(u, th->grad);
    if (tag == TAG_UPDATE)
        return ui_color(u, th->update);
    return ui_color(u, th->runs[tag]);
}

/* The heat map's colour position at a cell (unused without one). */
static double cell_t(const ctx *c, int cx, int cy)
{
    const surface_grid *g = &c->a->sc.grid;
    return c->heat ? heat_scale_t(&g->scale, g->cells[cy * g->cw + cx]) : 0.0;
}

static int cell_bg(const ctx *c, double t)
{
    return c->heat ? palette_color(c->a->ui.th->palette, c->a->ui.depth, t)
                   : ui_color(&c->a->ui, c->a->ui.th->bg);
}

static void draw_cells(const ctx *c)
{
    const surface_cache *sc = &c->a->sc;
    const braille_canvas *cv = &sc->canvas;
    for (int y = 0; y < sc->ph; y++)
        for (int x = 0; x < sc->pw; x++) {
            double t = cell_t(c, x, y);
            int bg = cell_bg(c, t), i = y * cv->w + x;
            uint8_t m = cv->dots[i];
            if (!m) {
                ui_cell(c->w, &c->a->ui, sc->py + y, sc->px + x, ' ', ' ', -1,
                        bg, 0);
                continue;
            }
            int tag = cv->color[i];
            attr_t at = tag < TAG_CONTOUR || tag >= TAG_GRAD ? A_BOLD : 0;
            /* Without braille, a cell shows what is in it, not how many
             * dots: density characters would turn steep walls solid. */
            char ascii = tag == TAG_CONTOUR ? '.' : tag < TAG_CONTOUR ? '*' : '+';
            ui_cell(c->w, &c->a->ui, sc->py + y, sc->px + x,
                    braille_codepoint(m), ascii, tag_color(c, tag, t), bg, at);
        }
}

/* A glyph at dot (px, py) over the heat map, if inside the plot. */
static void marker(const ctx *c, double px, double py, uint32_t cp,
                   char ascii, int fg)
{
    const surface_cache *sc = &c->a->sc;
    if (!(px >= 0 && py >= 0 && px < 2.0 * sc->pw && py < 4.0 * sc->ph))
        return;
    int x = (int)(px / 2), y = (int)(py / 4);
    ui_cell(c->w, &c->a->ui, sc->py + y, sc->px + x, cp, ascii, fg,
            cell_bg(c, cell_t(c, x, y)), A_BOLD);
}

static void world_marker(const ctx *c, double x, double y, uint32_t cp,
                         char ascii, int fg)
{
    double px, py;
    to_dot(c, x, y, &px, &py);
    marker(c, px, py, cp, ascii, fg);
}

static void draw_arrows(const ctx *c, braille_canvas *cv, arrow *g, arrow *u)
{
    const run *r = session_focused(&c->a->s);
    double x, y, px, py, gx, gy;
    plot_xy(c->a, r->theta, &x, &y);
    to_dot(c, x, y, &px, &py);
    plot_dir(c->a, r->g, NULL, &gx, &gy);
    double span = 2.0 * c->a->sc.pw;
    *g = make_arrow(px, py, -gx * c->sx, gy * c->sy, span / 10, span / 10);
    *u = (arrow){0};
    if (r->step > 0) {
        double ux, uy;
        plot_dir(c->a, r->theta, r->theta_prev, &ux, &uy);
        *u = make_arrow(px, py, ux * c->sx, -uy * c->sy, span / 16, span / 5);
    }
    if (g->on)
        braille_line(cv, px, py, g->x, g->y, TAG_GRAD);
    if (u->on)
        braille_line(cv, px, py, u->x, u->y, TAG_UPDATE);
}

static void draw_heads(const ctx *c, const arrow *g, const arrow *u)
{
    const theme *th = c->a->ui.th;
    const arrow *ar[2] = {g, u};
    const tcolor col[2] = {th->grad, th->update};
    for (int i = 0; i < 2; i++)
        if (ar[i]->on) {
            uint32_t cp;
            char ascii;
            arrow_glyph(ar[i]->dx, ar[i]->dy, &cp, &ascii);
            marker(c, ar[i]->x, ar[i]->y, cp, ascii, ui_color(&c->a->ui, col[i]));
        }
}

static void draw_markers(const ctx *c)
{
    const app *a = c->a;
    const ui_env *u = &a->ui;
    double x, y;
    /* Known minima are points of θ: on a slice they are not shown. */
    for (size_t i = 0; !session_sliced(&a->s) && i < a->s.obj.n_minima; i++)
        world_marker(c, a->s.obj.minima[i][0], a->s.obj.minima[i][1], 0x2605,
                     '*', ui_color(u, u->th->minimum));
    plot_xy(a, a->s.start, &x, &y);
    world_marker(c, x, y, 0x2022, 'o', ui_color(u, u->th->start));
    for (int i = 0; i < a->s.nruns; i++) {
        plot_xy(a, a->s.runs[i].r.theta, &x, &y);
        world_marker(c, x, y, 0x25cf, '@', ui_color(u, u->th->runs[i]));
    }
}

static void draw_axes(const ctx *c)
{
    const surface_cache *sc = &c->a->sc;
    const ui_env *u = &c->a->ui;
    WINDOW *w = c->w;
    double ticks[32];
    char label[32];
    int ax = sc->px - 1, ay = sc->py + sc->ph;
    ui_axes_frame(w, u, sc->py, sc->px, sc->ph, sc->pw);
    /* A label every third row or so, at most a dozen. */
    int want = sc->ph / 3 + 1 > 12 ? 12 : sc->ph / 3 + 1;
    int n = ticks_nice(c->v[2], c->v[3], want, ticks, 32);
    double step = ticks_step(c->v[2], c->v[3], want);
    for (int i = 0; i < n; i++) {
        int y = sc->py + (int)floor((c->v[3] - ticks[i]) * c->sy / 4.0);
        if (y == ay)
            y--; /* the bottom edge's own tick: on the last row */
        if (y < sc->py || y >= ay)
            continue;
        ticks_label(ticks[i], step, label, sizeof label);
        ui_role_set(w, u, ROLE_BORDER, 0);
        ui_puts(w, u, y, ax, 1, "┤");
        ui_role_set(w, u, ROLE_DIM, 0);
        ui_printf(w, u, y, ax - LABEL_W, LABEL_W, "%*s", LABEL_W, label);
    }
    want = sc->pw / 10 + 1 > 12 ? 12 : sc->pw / 10 + 1;
    n = ticks_nice(c->v[0], c->v[1], want, ticks, 32);
    step = ticks_step(c->v[0], c->v[1], want);
    int free_from = sc->px - 2;
    for (int i = 0; i < n; i++) {
        int x = sc->px + (int)floor((ticks[i] - c->v[0]) * c->sx / 2.0);
        if (x == sc->px + sc->pw)
            x--; /* the right edge's own tick: in the last column */
        if (x < sc->px || x >= sc->px + sc->pw)
            continue;
        ui_role_set(w, u, ROLE_BORDER, 0);
        ui_puts(w, u, ay, x, 1, "┬");
        ticks_label(ticks[i], step, label, sizeof label);
        int len = (int)strlen(label), lx = x - len / 2;
        if (lx + len > sc->px + sc->pw)
            lx = sc->px + sc->pw - len; /* flush with the plot's right edge */
        if (lx < free_from)
            continue; /* would run into its neighbour */
        ui_role_set(w, u, ROLE_DIM, 0);
        ui_puts(w, u, ay + 1, lx, len, label);
        free_from = lx + len + 1;
    }
}

static void draw_legend(const ctx *c, int y)
{
    app *a = c->a;
    const ui_env *u = &a->ui;
    WINDOW *w = c->w;
    int width = getmaxx(w) - 2, x = 1;
    /* Full words where they fit (47 columns), short ones otherwise. */
    static const struct { ui_role role; const char *text[2]; } keys[] = {
        {ROLE_MIN, {"★ minimum", "★ min"}}, {ROLE_START, {"• start", "• start"}},
        {ROLE_GRAD, {"→ −∇f", "→ −∇f"}},
        {ROLE_UPDATE, {"→ last update", "→ update"}}};
    int brief = width < 47;
    /* No minimum is marked on a slice or where none is known. */
    size_t first = session_sliced(&a->s) || !a->s.obj.n_minima ? 1 : 0;
    bool plain = a->replay && !a->replay->surface; /* no −∇f drawn */
    for (size_t i = first; i < sizeof keys / sizeof keys[0]; i++) {
        if (plain && keys[i].role == ROLE_GRAD)
            continue;
        ui_role_set(w, u, keys[i].role, A_BOLD);
        x += ui_puts(w, u, y, x, width - x, keys[i].text[brief]) + 2;
    }
    if (a->s.nruns == 1) {
        ui_role_set(w, u, ROLE_RUN0, A_BOLD);
        ui_puts(w, u, y, x, width - x, "● θ");
        return;
    }
    /* Compare: one entry per run, in its colour; the focused one marked. */
    x = 1;
    for (int i = 0; i < a->s.nruns; i++) {
        const run *r = &a->s.runs[i].r;
        char buf[96];
        /* How α moves, so a schedule and HD side by side tell apart. */
        const char *rate = r->s.sched.kind != SCHED_NONE
                               ? sched_kind_name(r->s.sched.kind)
                           : r->s.hd.mode != HD_OFF ? "HD" : "";
        snprintf(buf, sizeof buf, "%s%d %s lr %.3g%s%s%s",
                 i == a->s.focus ? "▶" : "●", i + 1, r->s.opt->name, r->lr,
                 *rate ? " " : "", rate, r->status == RUN_DIVERGED ? " ✗" : "");
        ui_role_set(w, u, (ui_role)(ROLE_RUN0 + i), A_BOLD);
        x += ui_puts(w, u, y + 1, x, width - x + 1, buf) + 2;
    }
}

/* Where the plot goes inside the window: room for the y labels, the x
 * axis and the legend when there is space for them. */
static int plot_geometry(app *a, WINDOW *w, bool *axes)
{
    int h = getmaxy(w), wd = getmaxx(w);
    int legend = h >= 12 ? (a->s.nruns > 1 ? 2 : 1) : 0;
    *axes = wd >= 30 && h >= 10;
    surface_cache *sc = &a->sc;
    sc->py = 1;
    sc->px = 1 + (*axes ? LABEL_W + 1 : 0);
    sc->ph = h - 2 - legend - (*axes ? 2 : 0);
    sc->pw = wd - 1 - sc->px;
    return legend;
}

/* "surface  formula  x∈[..] y∈[..]" for 2 parameters (the view left
 * out when it does not fit: the axes show it); the slice for more. */
static void draw_title(app *a, WINDOW *w)
{
    char title[200];
    const double *v = a->s.view;
    const char *f = a->s.obj.formula ? a->s.obj.formula : a->s.obj.name;
    if (session_sliced(&a->s)) {
        /* The fullest that fits: the centre, then the notes, go first. */
        for (int brevity = 0; brevity < 3; brevity++) {
            slice_view_title(&a->s.slice, brevity > 0, title, sizeof title);
            size_t at = strlen(title);
            if (brevity < 2 && a->s.slice_want != a->s.slice.sl.kind)
                at += (size_t)snprintf(title + at, sizeof title - at,
                                       " · PCA when the path spans a plane");
            if (brevity < 2 && a->sc.pending)
                snprintf(title + at, sizeof title - at, " · computing %d%%",
                         100 * a->sc.lat.rows_done / a->sc.lat.ny);
            if (ui_width(&a->ui, title) <= getmaxx(w) - 6)
                break;
        }
    } else if (a->replay && !a->replay->surface) {
        /* A replay without an objective: the path on plain axes. */
        snprintf(title, sizeof title, "%.100s   x0∈[%.3g,%.3g] x1∈[%.3g,%.3g]",
                 a->replay->surface_note, v[0], v[1], v[2], v[3]);
        if (ui_width(&a->ui, title) > getmaxx(w) - 6)
            snprintf(title, sizeof title, "%s", a->replay->surface_note);
    } else {
        snprintf(title, sizeof title,
                 "surface  %s   x∈[%.3g,%.3g] y∈[%.3g,%.3g]", f, v[0], v[1],
                 v[2], v[3]);
        if (ui_width(&a->ui, title) > getmaxx(w) - 6)
            snprintf(title, sizeof title, "surface  %s", f);
    }
    ui_box(w, &a->ui, title, false);
}

/* The frame's canvas: the cached contours, or nothing while a slice's
 * first grid is being sampled. 0 or -1 (memory). */
static int prepare_canvas(surface_cache *sc, bool grid)
{
    braille_canvas *cv = &sc->canvas;
    if (cv->w != sc->pw || cv->h != sc->ph) {
        braille_free(cv);
        if (braille_init(cv, sc->pw, sc->ph) < 0)
            return -1;
    }
    size_t cells = (size_t)cv->w * (size_t)cv->h;
    if (!grid) {
        braille_clear(cv);
        return 0;
    }
    memcpy(cv->dots, sc->contours.dots, cells);
    memcpy(cv->color, sc->contours.color, cells * sizeof *cv->color);
    return 0;
}

void panel_surface_draw(app *a, WINDOW *w)
{
    surface_cache *sc = &a->sc;
    bool axes;
    int legend = plot_geometry(a, w, &axes);
    session_slice_follow(&a->s);
    bool plain = a->replay && !a->replay->surface;
    bool grid = !plain && sc->pw >= 2 && sc->ph >= 2 && surface_cache_update(a);
    draw_title(a, w);
    if (sc->pw < 2 || sc->ph < 2 || prepare_canvas(sc, grid) < 0 ||
        (session_sliced(&a->s) && !sc->theta))
        return;
    /* An older grid (a slice's new view still being sampled) is drawn
     * with everything else in its own view, so they agree. */
    const double *v = grid ? sc->grid.view : a->s.view;
    ctx c = {a, w, v, 2.0 * sc->pw / (v[1] - v[0]),
             4.0 * sc->ph / (v[3] - v[2]),
             grid && a->ui.depth != DEPTH_NONE && a->ui.th->color};
    braille_canvas *cv = &sc->canvas;
    for (int i = 0; i < a->s.nruns; i++)
        draw_path(&c, cv, &a->s.runs[i], i);
    arrow g, u;
    draw_arrows(&c, cv, &g, &u);
    draw_cells(&c);
    draw_markers(&c);
    draw_heads(&c, &g, &u);
    if (axes)
        draw_axes(&c);
    if (legend)
        draw_legend(&c, getmaxy(w) - 1 - legend);
}

static bool to_world(app *a, int y, int x, double *wx, double *wy)
{
    const surface_cache *sc = &a->sc;
    rect r = a->lay.r[PANE_SURFACE];
    int ly = y - r.y - sc->py, lx = x - r.x - sc->px;
    if (!layout_visible(&a->lay, PANE_SURFACE) || ly < 0 || lx < 0 ||
        ly >= sc->ph || lx >= sc->pw)
        return false;
    const double *v = a->s.view;
    *wx = v[0] + (lx + 0.5) / sc->pw * (v[1] - v[0]);
    *wy = v[3] - (ly + 0.5) / sc->ph * (v[3] - v[2]);
    return true;
}

bool panel_surface_mouse(app *a, int y, int x, int button)
{
    double wx, wy;
    if (!to_world(a, y, x, &wx, &wy))
        return false;
    if (button == 4 || button == 5)
        session_zoom(&a->s, button == 4 ? 0.8 : 1.25, wx, wy);
    else if (session_sliced(&a->s))
        app_message(a, true, "a model starts at its θ0 (--init, --start, "
                             "--seed)");
    else {
        session_set_start(&a->s, wx, wy);
        a->s.running = false;
        app_message(a, false, "start (%.4g, %.4g): runs restarted", wx, wy);
    }
    return true;
}

void panel_surface_centre(app *a, double *cx, double *cy)
{
    const double *v = a->s.view;
    double x, y;
    plot_xy(a, session_focused(&a->s)->theta, &x, &y);
    bool inside = x >= v[0] && x <= v[1] && y >= v[2] && y <= v[3];
    *cx = inside ? x : (v[0] + v[1]) / 2;
    *cy = inside ? y : (v[2] + v[3]) / 2;
}
