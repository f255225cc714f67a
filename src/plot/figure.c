/* plot_draw: the figure's layout. A title (the objective, or the
 * slice), a legend, then the surface on the left and the charts stacked
 * on its right (below it when the figure is taller than wide); either
 * alone takes the whole figure. Sizes follow the figure's: the type is
 * a 48th of its smaller side. */
#include <math.h>
#include <string.h>

#include "figure.h"

static const struct {
    const char *name;
    unsigned bit;
} panel_names[] = {
    {"surface", PLOT_SURFACE}, {"loss", PLOT_LOSS}, {"lr", PLOT_LR},
    {"grad", PLOT_GRAD},
};

int plot_panels_parse(const char *text, const char **bad, size_t *len)
{
    unsigned bits = 0;
    for (const char *p = text;; p++) {
        size_t n = strcspn(p, ",");
        unsigned bit = 0;
        for (size_t i = 0; i < sizeof panel_names / sizeof panel_names[0]; i++)
            if (strlen(panel_names[i].name) == n &&
                strncmp(p, panel_names[i].name, n) == 0)
                bit = panel_names[i].bit;
        if (!bit) {
            *bad = p;
            *len = n;
            return -1;
        }
        bits |= bit;
        p += n;
        if (!*p)
            return (int)bits;
    }
}

/* Figure colours from the theme: its own where it has them, else a
 * dark ground like the terminal's the default themes assume. */
static void colours(fig_ctx *f)
{
    const theme *th = f->th;
    f->bg = th->bg.rgb == TCOLOR_DEFAULT ? 0x16161e : th->bg.rgb;
    f->fg = th->fg.rgb == TCOLOR_DEFAULT ? 0xe4e4e4 : th->fg.rgb;
    f->dim = th->dim.rgb == TCOLOR_DEFAULT ? 0x9a9a9a : th->dim.rgb;
}

/* One legend entry: a stroke or a mark, then its text. Returns its
 * width. */
static double entry_width(const fig_ctx *f, const char *text)
{
    return 2.2 * f->fs + canvas_text_width(text, 0.85 * f->fs) + 1.4 * f->fs;
}

typedef struct {
    double x, y, left, right;
} legend_pos;

static void next_entry(fig_ctx *f, legend_pos *lp, const char *text)
{
    double w = entry_width(f, text);
    if (lp->x > lp->left && lp->x + w > lp->right) {
        lp->x = lp->left;
        lp->y += 1.5 * f->fs;
    }
    fig_text(f, lp->x + 2.2 * f->fs, lp->y + 0.3 * f->fs, text, 0.85, f->fg,
             ANCHOR_START);
}

/* The legend from y down; returns where it ends. */
static double legend(fig_ctx *f, const fig_plane *pl, double y, double left,
                     double right)
{
    const plot_figure *fig = f->fig;
    legend_pos lp = {left, y, left, right};
    f->ops->group_begin(f->c, "legend", NULL, NULL);
    bool val = false;
    for (int i = 0; i < fig->n_paths; i++) {
        const plot_path *p = &fig->paths[i];
        next_entry(f, &lp, p->label);
        double xy[4] = {lp.x, lp.y, lp.x + 1.7 * f->fs, lp.y};
        canvas_stroke s = {f->th->runs[i].rgb, 0.2 * f->fs, false, 1.0};
        f->ops->polyline(f->c, xy, 2, &s);
        lp.x += entry_width(f, p->label);
        val |= p->has_val;
    }
    struct {
        bool on;
        const char *text;
        canvas_mark mark;
        uint32_t color;
    } marks[] = {
        {fig->obj && !pl->sliced && fig->obj->n_minima && (fig->panels & PLOT_SURFACE),
         "minimum", MARK_STAR, f->th->minimum.rgb},
        {fig->panels & PLOT_SURFACE, "start", MARK_CIRCLE, f->th->start.rgb},
    };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        if (!marks[i].on)
            continue;
        next_entry(f, &lp, marks[i].text);
        f->ops->mark(f->c, lp.x + 0.85 * f->fs, lp.y, marks[i].mark,
                     (marks[i].mark == MARK_STAR ? 0.55 : 0.3) * f->fs,
                     marks[i].color, f->bg);
        lp.x += entry_width(f, marks[i].text);
    }
    if (val && (fig->panels & PLOT_LOSS)) {
        const char *text = "validation loss";
        next_entry(f, &lp, text);
        double xy[4] = {lp.x, lp.y, lp.x + 1.7 * f->fs, lp.y};
        canvas_stroke s = {f->fg, 0.13 * f->fs, true, 1.0};
        f->ops->polyline(f->c, xy, 2, &s);
        lp.x += entry_width(f, text);
    }
    f->ops->group_end(f->c);
    return lp.y + 0.9 * f->fs;
}

static int charts_count(unsigned panels)
{
    return !!(panels & PLOT_LOSS) + !!(panels & PLOT_LR) + !!(panels & PLOT_GRAD);
}

/* The panels in the content box. */
static int panels(fig_ctx *f, const fig_plane *pl, box c)
{
    unsigned bits = f->fig->panels;
    int k = charts_count(bits);
    bool surface = bits & PLOT_SURFACE, wide = c.w >= c.h;
    box s = c, ch = c;
    if (surface && k) {
        if (wide) {
            s.w = c.w * 0.6;
            ch.x = c.x + s.w + 0.8 * f->fs;
            ch.w = c.w - s.w - 0.8 * f->fs;
        } else {
            s.h = c.h * 0.6;
            ch.y = c.y + s.h + 0.8 * f->fs;
            ch.h = c.h - s.h - 0.8 * f->fs;
        }
    }
    if (surface && fig_surface(f, pl, s) < 0)
        return -1;
    int i = 0;
    for (unsigned bit = PLOT_LOSS; bit <= PLOT_GRAD; bit <<= 1) {
        if (!(bits & bit))
            continue;
        box b = ch;
        b.h = ch.h / k;
        b.y = ch.y + i++ * b.h;
        fig_chart(f, bit, b);
    }
    return 0;
}

int plot_draw(const plot_figure *fig, const canvas_ops *ops, FILE *out,
              char *err, size_t errcap)
{
    fig_ctx f = {ops, NULL, fig, fig->th, 0, 0, 0, 0};
    double side = fig->width < fig->height ? fig->width : fig->height;
    f.fs = fmin(fmax(side / 48.0, 9.0), 24.0);
    colours(&f);
    fig_plane pl;
    if (fig_plane_init(&pl, fig) < 0 || !(f.c = ops->open(fig->width, fig->height, f.bg))) {
        fig_plane_free(&pl);
        snprintf(err, errcap, "out of memory");
        return -1;
    }
    double m = f.fs;
    canvas_font title = {1.15 * f.fs, f.fg, ANCHOR_START, true, false};
    ops->text(f.c, m, m + 1.1 * f.fs, pl.title, &title);
    double top = legend(&f, &pl, m + 2.6 * f.fs, m, fig->width - m);
    box content = {m, top, fig->width - 2 * m, fig->height - m - top};
    int rc = panels(&f, &pl, content);
    fig_plane_free(&pl);
    if (rc < 0) {
        ops->discard(f.c);
        snprintf(err, errcap, "out of memory");
        return -1;
    }
    if (ops->finish(f.c, out) < 0) {
        snprintf(err, errcap, "write failed");
        return -1;
    }
    return 0;
}
