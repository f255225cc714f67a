#include <math.h>

#include "theme.h"

#define D TCOLOR_DEFAULT

/* Run colours are chosen to stay apart on every heat map of the theme
 * and for the common colour-vision deficiencies (the colour-blind theme
 * uses Okabe and Ito's palette). */
const theme themes[THEME_COUNT] = {
    {
        .name = "default", .palette = PALETTE_MAGMA, .color = true,
        .fg = {D, -1}, .bg = {D, -1},
        .border = {0x5f87af, 4}, .title = {0xffd75f, 3}, .dim = {0x8a8a8a, 7},
        .accent = {0x5fd7ff, 6}, .error = {0xff5f5f, 1},
        .bar_fg = {0xeeeeee, 7}, .bar_bg = {0x262640, 4},
        .key_fg = {0x000000, 0}, .key_bg = {0x5fafd7, 6},
        .sel_fg = {0x000000, 0}, .sel_bg = {0xffd75f, 3},
        .minimum = {0xffffff, 7}, .start = {0xffffff, 7},
        .grad = {0xff5f5f, 1}, .update = {0x87ff87, 2},
        .series2 = {0xff8700, 3},
        .runs = {{0x00ffff, 6}, {0x87ff00, 2}, {0xff87ff, 5}, {0xffff5f, 3}},
    },
    {
        .name = "light", .palette = PALETTE_LIGHT, .color = true,
        .fg = {0x1c1c1c, 0}, .bg = {0xffffff, 7},
        .border = {0x5f5f87, 4}, .title = {0x870000, 1}, .dim = {0x6c6c6c, 0},
        .accent = {0x005f87, 4}, .error = {0xd70000, 1},
        .bar_fg = {0xffffff, 7}, .bar_bg = {0x3a3a6a, 4},
        /* Key names light on the dark bar: " descent " is drawn in
         * key_bg on bar_bg too (a dark blue there was 1.2:1). */
        .key_fg = {0x000000, 0}, .key_bg = {0x87d7ff, 6},
        .sel_fg = {0x000000, 0}, .sel_bg = {0xffd75f, 3},
        .minimum = {0x000000, 0}, .start = {0x000000, 0},
        .grad = {0xd70000, 1}, .update = {0x008700, 2},
        .series2 = {0x008787, 6},
        .runs = {{0xaf0000, 1}, {0x0000af, 4}, {0x008700, 2}, {0x870087, 5}},
    },
    {
        .name = "mono", .palette = PALETTE_MAGMA, .color = false,
        .fg = {D, -1}, .bg = {D, -1},
        .border = {D, -1}, .title = {D, -1}, .dim = {D, -1},
        .accent = {D, -1}, .error = {D, -1},
        .bar_fg = {D, -1}, .bar_bg = {D, -1},
        .key_fg = {D, -1}, .key_bg = {D, -1},
        .sel_fg = {D, -1}, .sel_bg = {D, -1},
        .minimum = {D, -1}, .start = {D, -1}, .grad = {D, -1},
        .update = {D, -1}, .series2 = {D, -1},
        .runs = {{D, -1}, {D, -1}, {D, -1}, {D, -1}},
    },
    {
        .name = "colour-blind", .palette = PALETTE_VIRIDIS, .color = true,
        .fg = {D, -1}, .bg = {D, -1},
        .border = {0x56b4e9, 4}, .title = {0xf0e442, 3}, .dim = {0x8a8a8a, 7},
        .accent = {0x56b4e9, 6}, .error = {0xd55e00, 1},
        .bar_fg = {0xeeeeee, 7}, .bar_bg = {0x1c2c44, 4},
        .key_fg = {0x000000, 0}, .key_bg = {0x56b4e9, 6},
        .sel_fg = {0x000000, 0}, .sel_bg = {0xf0e442, 3},
        .minimum = {0xffffff, 7}, .start = {0xffffff, 7},
        .grad = {0xd55e00, 1}, .update = {0xf0e442, 3},
        .series2 = {0x56b4e9, 4},
        .runs = {{0xe69f00, 3}, {0xffffff, 7}, {0xcc79a7, 5}, {0x009e73, 2}},
    },
};

tcolor theme_role_fg(const theme *t, ui_role r)
{
    switch (r) {
    case ROLE_TEXT: return t->fg;
    case ROLE_BORDER: return t->border;
    case ROLE_TITLE: return t->title;
    case ROLE_DIM: return t->dim;
    case ROLE_ACCENT: return t->accent;
    case ROLE_ERROR: return t->error;
    case ROLE_BAR: return t->bar_fg;
    case ROLE_BAR_DIM: return t->key_bg;
    case ROLE_KEY: return t->key_fg;
    case ROLE_SEL: return t->sel_fg;
    case ROLE_MIN: return t->minimum;
    case ROLE_START: return t->start;
    case ROLE_GRAD: return t->grad;
    case ROLE_UPDATE: return t->update;
    case ROLE_SERIES2: return t->series2;
    default: return t->runs[r - ROLE_RUN0];
    }
}

tcolor theme_role_bg(const theme *t, ui_role r)
{
    switch (r) {
    case ROLE_BAR:
    case ROLE_BAR_DIM: return t->bar_bg;
    case ROLE_KEY: return t->key_bg;
    case ROLE_SEL: return t->sel_bg;
    default: return t->bg;
    }
}

bool theme_role_is_line(ui_role r)
{
    return r == ROLE_BORDER || r == ROLE_GRAD || r == ROLE_UPDATE ||
           r == ROLE_SERIES2 || r >= ROLE_RUN0;
}

uint32_t theme_rgb(tcolor c, bool fg)
{
    if (c.rgb == TCOLOR_DEFAULT)
        return fg ? THEME_TERM_FG : THEME_TERM_BG;
    return c.rgb;
}

/* Relative luminance (WCAG 2): sRGB channels made linear, weighted. */
static double luminance(uint32_t rgb)
{
    double l = 0.0;
    static const double w[3] = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; i++) {
        double c = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;
        c = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
        l += w[i] * c;
    }
    return l;
}

double theme_contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

uint32_t theme_contour_rgb(uint32_t band)
{
    static const uint32_t dark = 0x1c1c1c, light = 0xeeeeee;
    return theme_contrast(band, dark) >= theme_contrast(band, light) ? dark
                                                                     : light;
}
