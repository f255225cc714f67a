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
        .runs = {{0x00ffff, 6}, {0x87ff00, 2}, {0xff87ff, 5}, {0xffff5f, 3}},
    },
    {
        .name = "light", .palette = PALETTE_LIGHT, .color = true,
        .fg = {0x1c1c1c, 0}, .bg = {0xffffff, 7},
        .border = {0x5f5f87, 4}, .title = {0x870000, 1}, .dim = {0x6c6c6c, 0},
        .accent = {0x005f87, 4}, .error = {0xd70000, 1},
        .bar_fg = {0xffffff, 7}, .bar_bg = {0x3a3a6a, 4},
        .key_fg = {0xffffff, 7}, .key_bg = {0x005f87, 4},
        .sel_fg = {0x000000, 0}, .sel_bg = {0xffd75f, 3},
        .minimum = {0x000000, 0}, .start = {0x000000, 0},
        .grad = {0xd70000, 1}, .update = {0x008700, 2},
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
        .update = {D, -1},
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
        .runs = {{0xe69f00, 3}, {0xffffff, 7}, {0xcc79a7, 5}, {0x009e73, 2}},
    },
};
