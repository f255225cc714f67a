/* What a figure is drawn on: an ops table per output format (SVG as text
 * elements, PNG through cairo), in the manner of the optimisers' tables.
 * Coordinates are pixels from the top left; colours 0xRRGGBB. The figure
 * code lays out with its own text-width estimate, so both formats place
 * everything alike. */
#ifndef DESCENT_PLOT_CANVAS_H
#define DESCENT_PLOT_CANVAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END } text_anchor;

typedef struct {
    uint32_t color;
    double width;
    bool dashed;
    double opacity;       /* 1: opaque */
} canvas_stroke;

typedef struct {
    double size;          /* pixels */
    uint32_t color;
    text_anchor anchor;
    bool bold;
    bool vertical;        /* rotated a quarter turn anticlockwise */
} canvas_font;

/* w × h pixels of 0xRRGGBB, row 0 at the top, drawn stretched over a box
 * with smooth interpolation. */
typedef struct {
    int w, h;
    const uint32_t *rgb;
} canvas_image;

typedef enum { MARK_CIRCLE, MARK_STAR } canvas_mark;

typedef struct canvas canvas;

typedef struct {
    const char *name;
    /* A new canvas of w × h pixels on a background colour; NULL when
     * memory runs out. */
    canvas *(*open)(int w, int h, uint32_t background);
    void (*rect)(canvas *c, double x, double y, double w, double h,
                 uint32_t fill, const canvas_stroke *outline);
    /* n points (xy[2i], xy[2i+1]) joined by straight lines. */
    void (*polyline)(canvas *c, const double *xy, size_t n,
                     const canvas_stroke *s);
    /* UTF-8 text with its baseline at y. */
    void (*text)(canvas *c, double x, double y, const char *s,
                 const canvas_font *f);
    void (*image)(canvas *c, double x, double y, double w, double h,
                  const canvas_image *im);
    void (*mark)(canvas *c, double x, double y, canvas_mark m, double r,
                 uint32_t fill, uint32_t outline);
    /* A named group (SVG: <g class="name" ATTRS>) until group_end,
     * clipped to the box clip = {x, y, w, h} unless it is NULL; attrs
     * (NULL: none) are extra attributes for the readers of an SVG file
     * (data-view="..."), which other formats leave out. */
    void (*group_begin)(canvas *c, const char *name, const double *clip,
                        const char *attrs);
    void (*group_end)(canvas *c);
    /* Writes the finished figure to f and frees the canvas. Returns 0,
     * or -1 when writing or encoding failed (the canvas is freed). */
    int (*finish)(canvas *c, FILE *f);
    /* Frees a canvas that will not be written. */
    void (*discard)(canvas *c);
} canvas_ops;

extern const canvas_ops canvas_svg, canvas_png;

/* The estimated width in pixels of text at a size: the figure's layout
 * uses it for every format, so SVG and PNG agree. */
double canvas_text_width(const char *s, double size);

/* The 10 corners of a five-pointed star of outer radius r around
 * (x, y), into xy (20 numbers). */
void canvas_star(double x, double y, double r, double *xy);

/* Encodes a w × h image as PNG onto f (the SVG backend embeds the heat
 * map this way). 0 or -1. */
int canvas_png_encode(const canvas_image *im, FILE *f);

#endif
