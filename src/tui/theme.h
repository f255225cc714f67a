/* Colour themes (DESIGN §8): default, light for projectors, monochrome,
 * colour-blind safe. A colour is given as RGB with the ANSI colour to use
 * where the terminal has only eight. Pure. */
#ifndef DESCENT_TUI_THEME_H
#define DESCENT_TUI_THEME_H

#include <stdbool.h>
#include <stdint.h>

#include "colormap.h"

/* The terminal's own default colour. */
#define TCOLOR_DEFAULT 0xff000000u

typedef struct {
    uint32_t rgb;
    int ansi8;
} tcolor;

enum { THEME_RUN_COLORS = 4 };

typedef struct {
    const char *name;
    palette_id palette;
    bool color;          /* false: attributes only (monochrome) */
    tcolor fg, bg;       /* panels */
    tcolor border, title, dim, accent, error;
    tcolor bar_fg, bar_bg;   /* top and bottom bars */
    tcolor key_fg, key_bg;   /* key names in the bottom bar */
    tcolor sel_fg, sel_bg;   /* highlighted stage, menu selection */
    tcolor minimum, start, grad, update;
    tcolor runs[THEME_RUN_COLORS];
} theme;

enum { THEME_COUNT = 4 };
extern const theme themes[THEME_COUNT];

#endif
