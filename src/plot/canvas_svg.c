/* The SVG canvas: every element as text, in memory until finish. Lines
 * are <polyline>s and words <text>, so the figure stays editable and
 * searchable; the heat map is the one raster, embedded as a PNG. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"

struct canvas {
    FILE *mem;
    char *buf;
    size_t len;
    int clips;            /* clip paths defined so far */
};

static const char font_family[] = "DejaVu Sans, Verdana, Arial, sans-serif";

/* "12.5", "3": two decimals at most, the zeros after the point dropped. */
static void num(FILE *f, double v)
{
    char s[48];
    snprintf(s, sizeof s, "%.2f", v);
    char *end = s + strlen(s) - 1;
    while (*end == '0')
        *end-- = '\0';
    if (*end == '.')
        *end = '\0';
    fputs(strcmp(s, "-0") == 0 ? "0" : s, f);
}

static void color(FILE *f, const char *attr, uint32_t rgb)
{
    fprintf(f, " %s=\"#%06x\"", attr, (unsigned)(rgb & 0xffffff));
}

static void escaped(FILE *f, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
}

static canvas *svg_open(int w, int h, uint32_t background)
{
    canvas *c = calloc(1, sizeof *c);
    if (!c || !(c->mem = open_memstream(&c->buf, &c->len))) {
        free(c);
        return NULL;
    }
    fprintf(c->mem,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" "
            "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            "font-family=\"%s\">\n",
            w, h, w, h, font_family);
    fprintf(c->mem, "<rect width=\"%d\" height=\"%d\"", w, h);
    color(c->mem, "fill", background);
    fputs("/>\n", c->mem);
    return c;
}

static void stroke_attrs(FILE *f, const canvas_stroke *s)
{
    color(f, "stroke", s->color);
    fputs(" stroke-width=\"", f);
    num(f, s->width);
    fputc('"', f);
    if (s->dashed) {
        fputs(" stroke-dasharray=\"", f);
        num(f, 3 * s->width);
        fputc(' ', f);
        num(f, 2 * s->width);
        fputc('"', f);
    }
    if (s->opacity < 1.0)
        fprintf(f, " stroke-opacity=\"%.3g\"", s->opacity);
}

/* <element x="" y="" width="" height="" of a box. */
static void box_element(FILE *f, const char *element, double x, double y,
                        double w, double h)
{
    fprintf(f, "<%s x=\"", element);
    num(f, x);
    fputs("\" y=\"", f);
    num(f, y);
    fputs("\" width=\"", f);
    num(f, w);
    fputs("\" height=\"", f);
    num(f, h);
    fputc('"', f);
}

static void svg_rect(canvas *c, double x, double y, double w, double h,
                     uint32_t fill, const canvas_stroke *outline)
{
    FILE *f = c->mem;
    box_element(f, "rect", x, y, w, h);
    color(f, "fill", fill);
    if (outline)
        stroke_attrs(f, outline);
    fputs("/>\n", f);
}

/* points="x,y x,y ..." */
static void points(FILE *f, const double *xy, size_t n)
{
    fputs(" points=\"", f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(' ', f);
        num(f, xy[2 * i]);
        fputc(',', f);
        num(f, xy[2 * i + 1]);
    }
    fputc('"', f);
}

static void svg_polyline(canvas *c, const double *xy, size_t n,
                         const canvas_stroke *s)
{
    if (n < 2)
        return;
    FILE *f = c->mem;
    fputs("<polyline fill=\"none\" stroke-linejoin=\"round\" "
          "stroke-linecap=\"round\"", f);
    stroke_attrs(f, s);
    points(f, xy, n);
    fputs("/>\n", f);
}

static void svg_text(canvas *c, double x, double y, const char *s,
                     const canvas_font *ft)
{
    static const char *const anchors[] = {"start", "middle", "end"};
    FILE *f = c->mem;
    fputs("<text x=\"", f);
    num(f, x);
    fputs("\" y=\"", f);
    num(f, y);
    fputs("\" font-size=\"", f);
    num(f, ft->size);
    fprintf(f, "\" text-anchor=\"%s\"", anchors[ft->anchor]);
    color(f, "fill", ft->color);
    if (ft->bold)
        fputs(" font-weight=\"bold\"", f);
    if (ft->vertical) {
        fputs(" transform=\"rotate(-90 ", f);
        num(f, x);
        fputc(' ', f);
        num(f, y);
        fputs(")\"", f);
    }
    fputc('>', f);
    escaped(f, s);
    fputs("</text>\n", f);
}

static void base64(FILE *f, const unsigned char *p, size_t n)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        fputc(digits[v >> 18 & 63], f);
        fputc(digits[v >> 12 & 63], f);
        fputc(i + 1 < n ? digits[v >> 6 & 63] : '=', f);
        fputc(i + 2 < n ? digits[v & 63] : '=', f);
    }
}

static void svg_image(canvas *c, double x, double y, double w, double h,
                      const canvas_image *im)
{
    char *png = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&png, &len);
    if (!m)
        return;
    int rc = canvas_png_encode(im, m);
    if (fclose(m) != 0 || rc < 0) {
        free(png);
        return;
    }
    FILE *f = c->mem;
    box_element(f, "image", x, y, w, h);
    fputs(" preserveAspectRatio=\"none\" "
          "xlink:href=\"data:image/png;base64,", f);
    base64(f, (const unsigned char *)png, len);
    fputs("\"/>\n", f);
    free(png);
}

static void svg_mark(canvas *c, double x, double y, canvas_mark m, double r,
                     uint32_t fill, uint32_t outline)
{
    FILE *f = c->mem;
    if (m == MARK_CIRCLE) {
        fputs("<circle cx=\"", f);
        num(f, x);
        fputs("\" cy=\"", f);
        num(f, y);
        fputs("\" r=\"", f);
        num(f, r);
        fputc('"', f);
    } else {
        double xy[20];
        canvas_star(x, y, r, xy);
        fputs("<polygon", f);
        points(f, xy, 10);
    }
    color(f, "fill", fill);
    color(f, "stroke", outline);
    fputs(" stroke-width=\"1\"/>\n", f);
}

static void svg_group_begin(canvas *c, const char *name, const double *clip,
                            const char *attrs)
{
    FILE *f = c->mem;
    int id = clip ? ++c->clips : 0;
    if (clip) {
        fprintf(f, "<clipPath id=\"clip%d\">", id);
        svg_rect(c, clip[0], clip[1], clip[2], clip[3], 0, NULL);
        fputs("</clipPath>\n", f);
    }
    fprintf(f, "<g class=\"%s\"", name);
    if (clip)
        fprintf(f, " clip-path=\"url(#clip%d)\"", id);
    if (attrs)
        fprintf(f, " %s", attrs);
    fputs(">\n", f);
}

static void svg_group_end(canvas *c) { fputs("</g>\n", c->mem); }

static void svg_discard(canvas *c)
{
    fclose(c->mem);
    free(c->buf);
    free(c);
}

static int svg_finish(canvas *c, FILE *f)
{
    fputs("</svg>\n", c->mem);
    int rc = fclose(c->mem) == 0 && fwrite(c->buf, 1, c->len, f) == c->len
                 ? 0 : -1;
    free(c->buf);
    free(c);
    return rc;
}

const canvas_ops canvas_svg = {
    .name = "svg",
    .open = svg_open,
    .rect = svg_rect,
    .polyline = svg_polyline,
    .text = svg_text,
    .image = svg_image,
    .mark = svg_mark,
    .group_begin = svg_group_begin,
    .group_end = svg_group_end,
    .finish = svg_finish,
    .discard = svg_discard,
};
