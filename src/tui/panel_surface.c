/* The surface panel: the objective as a heat map (cell backgrounds on a
 * log-scaled loss), contour lines and paths in braille over it, the
 * minima, the start, each run's θ, the −gradient and update arrows, axis
 * ticks and a legend. The heat map and contours are cached per view. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "contour.h"
#include "model.h"
#include "panels.h"
#include "surface_marks.h"
#include "ticks.h"

/* Each run's θ by shape as well as colour (monochrome, colour-blind):
 * ● ■ ▲ ◆, and @ # % & without UTF-8. */
static const uint32_t run_glyphs[4] = {0x25cf, 0x25a0, 0x25b2, 0x25c6};
static const char run_ascii[4] = {'@', '#', '%', '&'};

/* Colour tags in the canvas beside the run indices 0..3. */
enum { TAG_CONTOUR = CONTOUR_TAG, TAG_GRAD, TAG_UPDATE, TAG_EIGEN };
enum { LABEL_W = 6 };

/* The contours' colour is chosen on the band under them at this many
 * steps of the heat scale, once a frame (the choice costs pow()s). */
enum { CONTOUR_STEPS = 64 };

typedef struct {
    const app *a;
    WINDOW *w;
    const double *v;   /* view */
    double sx, sy;     /* dots per unit */
    bool heat;
    int contour[CONTOUR_STEPS + 1];   /* colour numbers by band */
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
static void plot_dir(const app *a, const double *p, const double *q, double *x,
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
static void draw_path(const ctx *c, braille_canvas *cv,
                      const session_run *sr, int tag)
{
    double now[2];
    plot_xy(c->a, sr->r.theta, &now[0], &now[1]);
    if (!session_sliced(&c->a->s)) {
        const hist *h = &sr->h;
        draw_points(c, cv, (const char *)h->rows[0].theta, sizeof *h->rows,
                    h->nrows, now, tag);
        return;
    }
    /* Projected in the session's after-update hook. */
    if (sr->proj.slice_gen == c->a->s.slice.gen)
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
        return c->contour[(int)lround(fmin(fmax(t, 0.0), 1.0) * CONTOUR_STEPS)];
    }
    if (tag == TAG_GRAD)
        return ui_color(u, th->grad);
    if (tag == TAG_UPDATE)
        return ui_color(u, th->update);
    if (tag == TAG_EIGEN)
        return ui_color(u, th->minimum);
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
    const braille_canvas *cv = sc->canvas;
    for (int y = 0; y < sc->ph; y++)
        for (int x = 0; x < sc->pw; x++) {
            double t = cell_t(c, x, y);
            int bg = cell_bg(c, t), i = y * cv->w + x;
            uint8_t m = cv->dots[i];
            int tag = cv->color[i];
            attr_t at = tag < TAG_CONTOUR || tag >= TAG_GRAD ? A_BOLD : 0;
            /* Without colours a contour is dotted, every other dot, so
             * it stays apart from the solid paths. */
            if (m && tag == TAG_CONTOUR && !c->heat &&
                (c->a->ui.depth == DEPTH_NONE || !c->a->ui.th->color))
                m &= 0x95;
            if (!m) {
                ui_cell(c->w, &c->a->ui, sc->py + y, sc->px + x, ' ', ' ', -1,
                        bg, 0);
                continue;
            }
            /* Without braille, a cell shows what is in it, not how many
             * dots (density characters would turn steep walls solid):
             * '.' contour, '+' path, '=' arrow; '*' is the minimum. */
            char ascii = tag == TAG_CONTOUR ? '.' : tag < TAG_CONTOUR ? '+' : '=';
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
    const run *r = session_focused_c(&c->a->s);
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
        world_marker(c, x, y, run_glyphs[i], run_ascii[i],
                     ui_color(u, u->th->runs[i]));
    }
}

/* A run's θ outside the view: an arrow at the plot's edge, where the
 * line from the centre leaves it, and θ's coordinates beside it (w fits
 * the view to the paths). NaN: the words at the top left. */
static void offview_marker(const ctx *c, int run, double x, double y, int row)
{
    const surface_cache *sc = &c->a->sc;
    const ui_env *u = &c->a->ui;
    const double *v = c->v;
    if (x >= v[0] && x <= v[1] && y >= v[2] && y <= v[3])
        return;
    char label[96];
    int fg = ui_color(u, u->th->runs[run]);
    int cx = sc->px, cy = sc->py + row;
    if (isfinite(x) && isfinite(y)) {
        /* In cells from the plot's centre, clamped to its edge. */
        double hx = (sc->pw - 1) / 2.0, hy = (sc->ph - 1) / 2.0;
        double dx = (x - (v[0] + v[1]) / 2) / (v[1] - v[0]) * sc->pw;
        double dy = ((v[2] + v[3]) / 2 - y) / (v[3] - v[2]) * sc->ph;
        double t = fmin(fabs(dx) > hx ? hx / fabs(dx) : 1.0,
                        fabs(dy) > hy ? hy / fabs(dy) : 1.0);
        cx = sc->px + (int)lround(hx + dx * t);
        cy = sc->py + (int)lround(hy + dy * t);
        uint32_t cp;
        char ascii;
        arrow_glyph(dx, dy, &cp, &ascii);
        ui_cell(c->w, u, cy, cx, cp, ascii, fg, cell_bg(c, cell_t(c, cx - sc->px,
                cy - sc->py)), A_BOLD);
        static const char *const sub[] = {"₁", "₂", "₃", "₄"};
        snprintf(label, sizeof label, " θ%s (%.3g, %.3g) ",
                 c->a->s.nruns > 1 ? sub[run] : "", x, y);
    } else
        snprintf(label, sizeof label, " θ is not finite: w fits the view ");
    int lw = ui_width(u, label);
    int lx = cx + 1 + lw <= sc->px + sc->pw ? cx + 1 : cx - lw;
    if (lx < sc->px)
        lx = sc->px;
    ui_role_set(c->w, u, (ui_role)(ROLE_RUN0 + run), A_BOLD | A_REVERSE);
    ui_puts(c->w, u, cy, lx, sc->px + sc->pw - lx, label);
}

/* What the plot's axes are: a model's parameter names, x0 and x1 for a
 * trace without an objective, x and y otherwise; "" on a slice (its
 * title says what the plane is). */
static void axis_names(const app *a, char *x, char *y, size_t cap)
{
    const model *m = model_of(&a->s.obj);
    if (session_sliced(&a->s)) {
        x[0] = y[0] = '\0';
    } else if (m) {
        model_param_name(m, 0, x, cap);
        model_param_name(m, 1, y, cap);
    } else {
        snprintf(x, cap, "%s", a->surface_note ? "x0" : "x");
        snprintf(y, cap, "%s", a->surface_note ? "x1" : "y");
    }
}

static void draw_axes(const ctx *c)
{
    const surface_cache *sc = &c->a->sc;
    const ui_env *u = &c->a->ui;
    WINDOW *w = c->w;
    double ticks[32];
    char label[32], xn[24], yn[24];
    int ax = sc->px - 1, ay = sc->py + sc->ph;
    ui_axes_frame(w, u, sc->py, sc->px, sc->ph, sc->pw);
    /* The axes' names in the corner the tick labels leave free. */
    axis_names(c->a, xn, yn, sizeof xn);
    ui_role_set(w, u, ROLE_TITLE, 0);
    if (*yn)
        ui_printf(w, u, ay, ax - LABEL_W, LABEL_W, "%*s↑", LABEL_W - 1, yn);
    /* A column free before the first tick label; the arrow goes first
     * when the name needs its room. */
    if (*xn && (int)strlen(xn) < LABEL_W - 2)
        ui_printf(w, u, ay + 1, ax - LABEL_W, LABEL_W - 2, "%*s→",
                  LABEL_W - 3, xn);
    else if (*xn)
        ui_printf(w, u, ay + 1, ax - LABEL_W, LABEL_W - 2, "%*s",
                  LABEL_W - 2, xn);
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
    const app *a = c->a;
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
    bool plain = a->surface_note != NULL; /* no −∇f drawn */
    for (size_t i = first; i < sizeof keys / sizeof keys[0]; i++) {
        if (plain && keys[i].role == ROLE_GRAD)
            continue;
        ui_role_set(w, u, keys[i].role, A_BOLD);
        x += ui_puts(w, u, y, x, width - x, keys[i].text[brief]) + 2;
    }
    if (a->s.theory.axes && a->s.theory.on && !session_sliced(&a->s)) {
        ui_role_set(w, u, ROLE_MIN, A_BOLD);
        x += ui_puts(w, u, y, x, width - x, brief ? "╱ eigen" : "╱ eigen-directions") + 2;
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
        static const char *const glyph[4] = {"●", "■", "▲", "◆"};
        /* How α moves, so a schedule and HD side by side tell apart. */
        const char *rate = r->s.sched.kind != SCHED_NONE
                               ? sched_kind_name(r->s.sched.kind)
                           : r->s.hd.mode != HD_OFF ? "HD" : "";
        snprintf(buf, sizeof buf, "%s%s%d %s lr %.3g%s%s%s",
                 i == a->s.focus ? "▶" : "", glyph[i], i + 1, r->s.opt->name,
                 r->lr, *rate ? " " : "", rate,
                 r->status == RUN_DIVERGED ? " ✗" : "");
        ui_role_set(w, u, (ui_role)(ROLE_RUN0 + i), A_BOLD);
        x += ui_puts(w, u, y + 1, x, width - x + 1, buf) + 2;
    }
}

/* Where the plot goes inside the window: room for the y labels, the x
 * axis and the legend when there is space for them. */
static void plot_geometry(app *a, WINDOW *w)
{
    int h = getmaxy(w), wd = getmaxx(w);
    surface_cache *sc = &a->sc;
    sc->legend = h >= 12 ? (a->s.nruns > 1 ? 2 : 1) : 0;
    sc->axes = wd >= 30 && h >= 10;
    sc->py = 1;
    sc->px = 1 + (sc->axes ? LABEL_W + 1 : 0);
    sc->ph = h - 2 - sc->legend - (sc->axes ? 2 : 0);
    sc->pw = wd - 1 - sc->px;
}

/* "surface  formula  x∈[..] y∈[..]" for 2 parameters (shorter when it
 * does not fit: the axes show the view); the slice for more. */
static void draw_title(const app *a, WINDOW *w)
{
    char title[300], xn[24], yn[24];
    const double *v = a->s.view;
    int room = getmaxx(w) - 6;
    axis_names(a, xn, yn, sizeof xn);
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
            if (ui_width(&a->ui, title) <= room)
                break;
        }
    } else {
        /* The formula and the view, the formula, or the name and its
         * axes: the fullest that fits, cut only when none does. */
        const char *what = a->surface_note ? a->surface_note : "surface ";
        const char *f = a->surface_note ? ""
                        : a->s.obj.formula ? a->s.obj.formula
                                           : a->s.obj.name;
        for (int brevity = 0; brevity < 3; brevity++) {
            if (brevity == 0)
                snprintf(title, sizeof title, "%s %.160s   %s∈[%.3g,%.3g] "
                         "%s∈[%.3g,%.3g]", what, f, xn, v[0], v[1], yn, v[2],
                         v[3]);
            else if (brevity == 1)
                snprintf(title, sizeof title, "%s %.200s", what, f);
            else if (!a->surface_note)
                snprintf(title, sizeof title, "%s %s over (%s, %s)", what,
                         a->s.obj.name, xn, yn);
            if (ui_width(&a->ui, title) <= room)
                break;
        }
    }
    ui_box(w, &a->ui, title, false);
}

/* The heat map's key in the bottom border, right: "f 0.0012 ▇▇▇▇ 2506",
 * the band colours from the lowest loss in view to the highest (the
 * scale is logarithmic above the lowest, so the ends are what is
 * written), from column from on if it fits. */
static void draw_colorbar(const ctx *c, int from)
{
    const surface_grid *g = &c->a->sc.grid;
    const ui_env *u = &c->a->ui;
    int wd = getmaxx(c->w), y = getmaxy(c->w) - 1;
    if (!c->heat)
        return;
    enum { CELLS = 8 };
    char lo[16], hi[16];
    snprintf(lo, sizeof lo, " f %.3g ", g->scale.lo);
    snprintf(hi, sizeof hi, " %.3g ", g->scale.hi);
    int x = wd - 2 - ui_width(u, lo) - CELLS - ui_width(u, hi);
    if (x < from)
        return;
    int at = x;
    ui_role_set(c->w, u, ROLE_DIM, 0);
    at += ui_puts(c->w, u, y, at, wd - at, lo);
    for (int i = 0; i < CELLS; i++)
        ui_cell(c->w, u, y, at++, ' ', ' ', -1,
                palette_color(u->th->palette, u->depth, i / (CELLS - 1.0)), 0);
    ui_role_set(c->w, u, ROLE_DIM, 0);
    ui_puts(c->w, u, y, at, wd - at, hi);
}

/* The frame's canvas: the cached contours, or nothing while a slice's
 * first grid is being sampled. 0 or -1 (memory). */
static int prepare_canvas(surface_cache *sc, bool grid)
{
    if (!sc->canvas && !(sc->canvas = calloc(1, sizeof *sc->canvas)))
        return -1;
    braille_canvas *cv = sc->canvas;
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

void panel_surface_prepare(app *a, WINDOW *w)
{
    surface_cache *sc = &a->sc;
    plot_geometry(a, w);
    bool plain = a->surface_note != NULL;
    sc->drawable = false;
    if (sc->pw < 2 || sc->ph < 2)
        return;
    if (!plain)
        surface_cache_update(a);
    if (prepare_canvas(sc, sc->drawable) < 0 ||
        (session_sliced(&a->s) && !sc->theta))
        sc->pw = 0; /* nothing to draw on */
    if (a->ptr.over)
        surface_pointer_update(a);
}

void panel_surface_draw(const app *a, WINDOW *w)
{
    const surface_cache *sc = &a->sc;
    draw_title(a, w);
    if (sc->pw < 2 || sc->ph < 2)
        return;
    /* An older grid (a slice's new view still being sampled) is drawn
     * with everything else in its own view, so they agree. */
    bool grid = sc->drawable;
    const double *v = grid ? sc->grid.view : a->s.view;
    ctx c = {a, w, v, 2.0 * sc->pw / (v[1] - v[0]),
             4.0 * sc->ph / (v[3] - v[2]),
             grid && a->ui.depth != DEPTH_NONE && a->ui.th->color, {0}};
    /* Dark contours on light bands, light on dark ones: 3:1 at least. */
    for (int k = 0; c.heat && k <= CONTOUR_STEPS; k++) {
        uint32_t rgb = theme_contour_rgb(palette_rgb(a->ui.th->palette,
                                                     (double)k / CONTOUR_STEPS));
        c.contour[k] = color_at_depth(rgb, rgb < 0x808080 ? 0 : 7, a->ui.depth);
    }
    braille_canvas *cv = sc->canvas;
    surface_xf xf = {&a->s, v, c.sx, c.sy};
    surface_marks_eigen(&xf, cv, TAG_EIGEN);
    for (int i = 0; i < a->s.nruns; i++)
        draw_path(&c, cv, &a->s.runs[i], i);
    surface_marks_methods(&xf, cv);
    arrow g, u;
    draw_arrows(&c, cv, &g, &u);
    draw_cells(&c);
    draw_markers(&c);
    draw_heads(&c, &g, &u);
    for (int i = 0; i < a->s.nruns; i++) {
        double x, y;
        plot_xy(a, a->s.runs[i].r.theta, &x, &y);
        offview_marker(&c, i, x, y, i);
    }
    if (sc->axes)
        draw_axes(&c);
    if (sc->legend)
        draw_legend(&c, getmaxy(w) - 1 - sc->legend);
    draw_colorbar(&c, surface_pointer_draw(a, w));
}

void panel_surface_centre(const app *a, double *cx, double *cy)
{
    const double *v = a->s.view;
    double x, y;
    plot_xy(a, session_focused_c(&a->s)->theta, &x, &y);
    bool inside = x >= v[0] && x <= v[1] && y >= v[2] && y <= v[3];
    *cx = inside ? x : (v[0] + v[1]) / 2;
    *cy = inside ? y : (v[2] + v[3]) / 2;
}
