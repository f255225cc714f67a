/* Colour scales for the heat map: a log-scaled loss mapped to [0, 1],
 * then to a palette colour in the terminal's colour depth. Pure. */
#ifndef DESCENT_TUI_COLORMAP_H
#define DESCENT_TUI_COLORMAP_H

#include <stdint.h>

/* How many colours the terminal shows. */
typedef enum { DEPTH_NONE, DEPTH_8, DEPTH_256, DEPTH_TRUE } color_depth;

typedef enum {
    PALETTE_MAGMA,    /* default: dark purple (low) to orange (high) */
    PALETTE_VIRIDIS,  /* colour-blind safe (perceptually uniform) */
    PALETTE_LIGHT,    /* for projectors: mostly light */
    PALETTE_COUNT
} palette_id;

/* Maps a loss to [0, 1] on a log scale above the smallest value seen:
 * t = log1p((f - lo)/δ) / log1p((hi - lo)/δ) with δ = (hi - lo)·1e-4, so
 * four decades of the loss above its minimum get distinct colours. */
typedef struct {
    double lo, hi, delta, denom;
} heat_scale;

heat_scale heat_scale_make(double lo, double hi);
/* t in [0, 1]; -1 for NaN (no colour). ±Inf and values out of range are
 * clamped. */
double heat_scale_t(const heat_scale *s, double f);
/* The loss at t, the inverse of heat_scale_t (for contour levels). */
double heat_scale_value(const heat_scale *s, double t);

/* 0xRRGGBB of the palette at t in [0, 1]. */
uint32_t palette_rgb(palette_id p, double t);
/* The nearest of xterm's 256 colours (6×6×6 cube or grey ramp) to rgb. */
int rgb_to_xterm256(uint32_t rgb);
/* A colour number for the terminal: 0xRRGGBB at DEPTH_TRUE, an xterm
 * index at DEPTH_256, 0..7 at DEPTH_8 (from a fixed ramp per palette),
 * -1 at DEPTH_NONE. */
int palette_color(palette_id p, color_depth d, double t);
/* A single colour at a depth: rgb, or ansi8 where only 8 exist. */
int color_at_depth(uint32_t rgb, int ansi8, color_depth d);

#endif
