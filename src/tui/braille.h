/* A canvas of braille cells (U+2800..U+28FF): each terminal cell holds a
 * 2×4 grid of dots, so a w×h cell area plots at 2w×4h. Each cell also
 * keeps the colour of the last layer drawn into it (a terminal cell has
 * one foreground colour). Pure: no terminal. */
#ifndef DESCENT_TUI_BRAILLE_H
#define DESCENT_TUI_BRAILLE_H

#include <stdint.h>

typedef struct {
    int w, h;          /* in cells */
    uint8_t *dots;     /* w*h dot masks, bit layout of Unicode braille */
    int16_t *color;    /* w*h colour tags; -1 where nothing is drawn */
} braille_canvas;

/* Returns 0, or -1 when memory runs out. */
int braille_init(braille_canvas *c, int w, int h);
void braille_free(braille_canvas *c);
/* Clears every dot (the size stays). */
void braille_clear(braille_canvas *c);

/* Sets the dot at (px, py), 0 ≤ px < 2w, 0 ≤ py < 4h, y down; a dot off
 * the canvas is ignored, so callers can clip by drawing. */
void braille_set(braille_canvas *c, int px, int py, int color);
/* A straight line of dots between two dot positions (Bresenham), clipped
 * to the canvas; endpoints far outside are fine. */
void braille_line(braille_canvas *c, double x0, double y0, double x1,
                  double y1, int color);

/* The bit of dot (dx, dy) inside a cell, dx 0..1, dy 0..3. */
uint8_t braille_bit(int dx, int dy);
/* The code point of a dot mask: U+2800 + mask. */
uint32_t braille_codepoint(uint8_t mask);
/* An ASCII stand-in for a mask where the locale has no braille:
 * density by how many dots are set. */
char braille_ascii(uint8_t mask);

#endif
