/* The PNG canvas: cairo on an image surface, written as PNG at the end.
 * Text goes through cairo's simple font interface (fontconfig finds
 * DejaVu Sans or the nearest sans-serif). */
#include <math.h>
#include <stdlib.h>

#include <cairo.h>

#include "canvas.h"

struct canvas {
    cairo_surface_t *surface;
    cairo_t *cr;
};

static void set_rgb(cairo_t *cr, uint32_t rgb, double alpha)
{
    cairo_set_source_rgba(cr, (rgb >> 16 & 0xff) / 255.0,
                          (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0,
                          alpha);
}

static canvas *png_open(int w, int h, uint32_t background)
{
    canvas *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    c->cr = cairo_create(c->surface);
    if (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS) {
        cairo_destroy(c->cr);
        cairo_surface_destroy(c->surface);
        free(c);
        return NULL;
    }
    set_rgb(c->cr, background, 1.0);
    cairo_paint(c->cr);
    cairo_set_line_join(c->cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(c->cr, CAIRO_LINE_CAP_ROUND);
    return c;
}

static void stroke(cairo_t *cr, const canvas_stroke *s)
{
    set_rgb(cr, s->color, s->opacity);
    cairo_set_line_width(cr, s->width);
    double dash[2] = {3 * s->width, 2 * s->width};
    cairo_set_dash(cr, dash, s->dashed ? 2 : 0, 0.0);
    cairo_stroke(cr);
}

static void png_rect(canvas *c, double x, double y, double w, double h,
                     uint32_t fill, const canvas_stroke *outline)
{
    cairo_rectangle(c->cr, x, y, w, h);
    set_rgb(c->cr, fill, 1.0);
    if (!outline) {
        cairo_fill(c->cr);
        return;
    }
    cairo_fill_preserve(c->cr);
    stroke(c->cr, outline);
}

static void png_polyline(canvas *c, const double *xy, size_t n,
                         const canvas_stroke *s)
{
    if (n < 2)
        return;
    cairo_move_to(c->cr, xy[0], xy[1]);
    for (size_t i = 1; i < n; i++)
        cairo_line_to(c->cr, xy[2 * i], xy[2 * i + 1]);
    stroke(c->cr, s);
}

static void png_text(canvas *c, double x, double y, const char *s,
                     const canvas_font *f)
{
    cairo_t *cr = c->cr;
    cairo_save(cr);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           f->bold ? CAIRO_FONT_WEIGHT_BOLD
                                   : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, f->size);
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    cairo_translate(cr, x, y);
    if (f->vertical)
        cairo_rotate(cr, -M_PI / 2);
    double shift = f->anchor == ANCHOR_MIDDLE ? e.x_advance / 2
                   : f->anchor == ANCHOR_END  ? e.x_advance : 0.0;
    cairo_move_to(cr, -shift, 0.0);
    set_rgb(cr, f->color, 1.0);
    cairo_show_text(cr, s);
    cairo_restore(cr);
}

/* The image as a cairo surface (RGB24 keeps 0x00RRGGBB in 32 bits, the
 * layout of canvas_image's pixels). */
static cairo_surface_t *image_surface(const canvas_image *im)
{
    cairo_surface_t *s =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, im->w, im->h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        return s;
    cairo_surface_flush(s);
    unsigned char *data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < im->h; y++) {
        uint32_t *row = (uint32_t *)(void *)(data + (size_t)y * stride);
        for (int x = 0; x < im->w; x++)
            row[x] = im->rgb[(size_t)y * im->w + x] & 0xffffff;
    }
    cairo_surface_mark_dirty(s);
    return s;
}

static void png_image(canvas *c, double x, double y, double w, double h,
                      const canvas_image *im)
{
    cairo_surface_t *s = image_surface(im);
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        cairo_t *cr = c->cr;
        cairo_save(cr);
        cairo_rectangle(cr, x, y, w, h);
        cairo_clip(cr);
        cairo_translate(cr, x, y);
        cairo_scale(cr, w / im->w, h / im->h);
        cairo_set_source_surface(cr, s, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BILINEAR);
        cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
        cairo_paint(cr);
        cairo_restore(cr);
    }
    cairo_surface_destroy(s);
}

static void png_mark(canvas *c, double x, double y, canvas_mark m, double r,
                     uint32_t fill, uint32_t outline)
{
    cairo_t *cr = c->cr;
    cairo_new_path(cr);
    if (m == MARK_CIRCLE) {
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
    } else {
        double xy[20];
        canvas_star(x, y, r, xy);
        cairo_move_to(cr, xy[0], xy[1]);
        for (int i = 1; i < 10; i++)
            cairo_line_to(cr, xy[2 * i], xy[2 * i + 1]);
        cairo_close_path(cr);
    }
    set_rgb(cr, fill, 1.0);
    cairo_fill_preserve(cr);
    canvas_stroke s = {outline, 1.0, false, 1.0};
    stroke(cr, &s);
}

static void png_group_begin(canvas *c, const char *name, const double *clip,
                            const char *attrs)
{
    (void)name, (void)attrs;
    cairo_save(c->cr);
    if (clip) {
        cairo_rectangle(c->cr, clip[0], clip[1], clip[2], clip[3]);
        cairo_clip(c->cr);
    }
}

static void png_group_end(canvas *c) { cairo_restore(c->cr); }

static cairo_status_t to_file(void *closure, const unsigned char *data,
                              unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
                                                : CAIRO_STATUS_WRITE_ERROR;
}

int canvas_png_encode(const canvas_image *im, FILE *f)
{
    cairo_surface_t *s = image_surface(im);
    int rc = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
             cairo_surface_write_to_png_stream(s, to_file, f) ==
                 CAIRO_STATUS_SUCCESS ? 0 : -1;
    cairo_surface_destroy(s);
    return rc;
}

static void png_discard(canvas *c)
{
    cairo_destroy(c->cr);
    cairo_surface_destroy(c->surface);
    free(c);
}

static int png_finish(canvas *c, FILE *f)
{
    cairo_surface_flush(c->surface);
    int rc = cairo_status(c->cr) == CAIRO_STATUS_SUCCESS &&
             cairo_surface_write_to_png_stream(c->surface, to_file, f) ==
                 CAIRO_STATUS_SUCCESS ? 0 : -1;
    png_discard(c);
    return rc;
}

const canvas_ops canvas_png = {
    .name = "png",
    .open = png_open,
    .rect = png_rect,
    .polyline = png_polyline,
    .text = png_text,
    .image = png_image,
    .mark = png_mark,
    .group_begin = png_group_begin,
    .group_end = png_group_end,
    .finish = png_finish,
    .discard = png_discard,
};
