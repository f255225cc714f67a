#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "braille.h"

int braille_init(braille_canvas *c, int w, int h)
{
    c->w = w > 0 ? w : 0;
    c->h = h > 0 ? h : 0;
    size_t n = (size_t)c->w * (size_t)c->h;
    c->dots = malloc(n ? n : 1);
    c->color = malloc((n ? n : 1) * sizeof *c->color);
    if (!c->dots || !c->color) {
        braille_free(c);
        return -1;
    }
    braille_clear(c);
    return 0;
}

void braille_free(braille_canvas *c)
{
    free(c->dots);
    free(c->color);
    c->dots = NULL;
    c->color = NULL;
    c->w = c->h = 0;
}

void braille_clear(braille_canvas *c)
{
    size_t n = (size_t)c->w * (size_t)c->h;
    memset(c->dots, 0, n);
    for (size_t i = 0; i < n; i++)
        c->color[i] = -1;
}

/* Unicode numbers the dots 1-2-3 down the left column, 4-5-6 down the
 * right, then 7 and 8 on the bottom row (added later to 6-dot braille). */
uint8_t braille_bit(int dx, int dy)
{
    static const uint8_t bits[4][2] = {
        {0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    return bits[dy][dx];
}

uint32_t braille_codepoint(uint8_t mask) { return 0x2800u + mask; }

char braille_ascii(uint8_t mask)
{
    int n = 0;
    for (uint8_t m = mask; m; m &= (uint8_t)(m - 1))
        n++;
    return n == 0 ? ' ' : n <= 2 ? '.' : n <= 5 ? ':' : '#';
}

void braille_set(braille_canvas *c, int px, int py, int color)
{
    if (px < 0 || py < 0 || px >= 2 * c->w || py >= 4 * c->h)
        return;
    size_t i = (size_t)(py / 4) * (size_t)c->w + (size_t)(px / 2);
    c->dots[i] |= braille_bit(px % 2, py % 4);
    c->color[i] = (int16_t)color;
}

/* Liang–Barsky: clips the segment to the canvas box (with a margin of one
 * dot), so a line from a diverged point far away costs no more than one
 * across the canvas. Returns false when nothing is left. */
static bool clip_segment(double box_w, double box_h, double *x0, double *y0,
                         double *x1, double *y1)
{
    double t0 = 0.0, t1 = 1.0, dx = *x1 - *x0, dy = *y1 - *y0;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {*x0 + 1.0, box_w - *x0, *y0 + 1.0, box_h - *y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0)
                return false;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0.0) {
            if (t > t1)
                return false;
            if (t > t0)
                t0 = t;
        } else {
            if (t < t0)
                return false;
            if (t < t1)
                t1 = t;
        }
    }
    double ax = *x0 + t0 * dx, ay = *y0 + t0 * dy;
    *x1 = *x0 + t1 * dx;
    *y1 = *y0 + t1 * dy;
    *x0 = ax;
    *y0 = ay;
    return true;
}

void braille_line(braille_canvas *c, double x0, double y0, double x1,
                  double y1, int color)
{
    if (!(isfinite(x0) && isfinite(y0) && isfinite(x1) && isfinite(y1)))
        return;
    if (!clip_segment(2.0 * c->w, 4.0 * c->h, &x0, &y0, &x1, &y1))
        return;
    int ax = (int)lround(x0), ay = (int)lround(y0);
    int bx = (int)lround(x1), by = (int)lround(y1);
    int dx = abs(bx - ax), dy = -abs(by - ay);
    int sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1, err = dx + dy;
    for (;;) {
        braille_set(c, ax, ay, color);
        if (ax == bx && ay == by)
            break;
        int e2 = 2 * err;
        if (e2 >= dy) {
            err += dy;
            ax += sx;
        }
        if (e2 <= dx) {
            err += dx;
            ay += sy;
        }
    }
}
