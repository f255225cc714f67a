#include <math.h>

#include "colormap.h"

heat_scale heat_scale_make(double lo, double hi)
{
    heat_scale s = {lo, hi, 0.0, 0.0};
    double span = hi - lo;
    if (span > 0.0 && isfinite(span)) {
        s.delta = span * 1e-4;
        s.denom = log1p(span / s.delta);
    }
    return s;
}

double heat_scale_t(const heat_scale *s, double f)
{
    if (isnan(f))
        return -1.0;
    if (!(s->denom > 0.0) || f <= s->lo)
        return 0.0;
    if (f >= s->hi)
        return 1.0;
    return log1p((f - s->lo) / s->delta) / s->denom;
}

double heat_scale_value(const heat_scale *s, double t)
{
    if (!(s->denom > 0.0))
        return s->lo;
    return s->lo + s->delta * expm1(t * s->denom);
}

/* Five stops each, evenly spaced in t. Magma and viridis are sampled
 * from matplotlib's maps at 0, .25, .5, .75 and .9 (the top is left
 * out so highs are not glaring under the path). */
static const uint32_t stops[PALETTE_COUNT][5] = {
    [PALETTE_MAGMA] = {0x0b0924, 0x3b0f70, 0x8c2981, 0xde4968, 0xf7a06e},
    [PALETTE_VIRIDIS] = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xbddf26},
    [PALETTE_LIGHT] = {0x4f5f9e, 0x7fa7cf, 0xb5d3e6, 0xe4eef4, 0xfbfbf8},
};

/* Ramps over the eight ANSI colours, for terminals without more. */
static const int ramps8[PALETTE_COUNT][5] = {
    [PALETTE_MAGMA] = {0, 4, 5, 1, 3},
    [PALETTE_VIRIDIS] = {0, 4, 6, 2, 3},
    [PALETTE_LIGHT] = {4, 6, 6, 7, 7},
};

static int channel(uint32_t rgb, int shift) { return (int)(rgb >> shift) & 0xff; }

uint32_t palette_rgb(palette_id p, double t)
{
    if (!(t > 0.0))
        t = 0.0;
    if (t > 1.0)
        t = 1.0;
    double pos = t * 4.0;
    int i = (int)pos;
    if (i > 3)
        i = 3;
    double f = pos - i;
    uint32_t a = stops[p][i], b = stops[p][i + 1], out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double v = channel(a, shift) + f * (channel(b, shift) - channel(a, shift));
        out |= (uint32_t)lround(v) << shift;
    }
    return out;
}

static int sq(int v) { return v * v; }

static int dist2(uint32_t rgb, int r, int g, int b)
{
    return sq(channel(rgb, 16) - r) + sq(channel(rgb, 8) - g) +
           sq(channel(rgb, 0) - b);
}

/* The cube's six levels are 0, 95, 135, 175, 215, 255. */
static int cube_level(int v)
{
    return v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40;
}

static int level_value(int i) { return i == 0 ? 0 : 55 + 40 * i; }

int rgb_to_xterm256(uint32_t rgb)
{
    int r = cube_level(channel(rgb, 16)), g = cube_level(channel(rgb, 8)),
        b = cube_level(channel(rgb, 0));
    int cube = 16 + 36 * r + 6 * g + b;
    int cube_d = dist2(rgb, level_value(r), level_value(g), level_value(b));
    /* The grey ramp 232..255 is 8, 18, ..., 238. */
    int avg = (channel(rgb, 16) + channel(rgb, 8) + channel(rgb, 0)) / 3;
    int gi = avg < 8 ? 0 : avg > 238 ? 23 : (avg - 3) / 10;
    int grey = 8 + 10 * gi;
    return dist2(rgb, grey, grey, grey) < cube_d ? 232 + gi : cube;
}

int color_at_depth(uint32_t rgb, int ansi8, color_depth d)
{
    switch (d) {
    case DEPTH_TRUE: return (int)rgb;
    case DEPTH_256: return rgb_to_xterm256(rgb);
    case DEPTH_8: return ansi8;
    case DEPTH_NONE: break;
    }
    return -1;
}

int palette_color(palette_id p, color_depth d, double t)
{
    if (t < 0.0 || d == DEPTH_NONE)
        return -1;
    int i = (int)lround((t > 1.0 ? 1.0 : t) * 4.0);
    return color_at_depth(palette_rgb(p, t), ramps8[p][i], d);
}
