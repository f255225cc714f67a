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
    tcolor series2;          /* a chart's second series (validation) */
    tcolor runs[THEME_RUN_COLORS];
} theme;

enum { THEME_COUNT = 4 };
extern const theme themes[THEME_COUNT];

/* What a piece of the screen is, for its colours. */
typedef enum {
    ROLE_TEXT, ROLE_BORDER, ROLE_TITLE, ROLE_DIM, ROLE_ACCENT, ROLE_ERROR,
    ROLE_BAR, ROLE_BAR_DIM, ROLE_KEY, ROLE_SEL, ROLE_MIN, ROLE_START,
    ROLE_GRAD, ROLE_UPDATE, ROLE_SERIES2, ROLE_RUN0,
    ROLE_COUNT = ROLE_RUN0 + 4
} ui_role;

/* A role's colour and the colour it is drawn on. */
tcolor theme_role_fg(const theme *t, ui_role r);
tcolor theme_role_bg(const theme *t, ui_role r);
/* Whether a role is a line (borders, paths, arrows: 3:1 against its
 * background is enough) rather than text (4.5:1, WCAG 2). */
bool theme_role_is_line(ui_role r);

/* The terminal's own colours where a theme keeps them (the themes that
 * do are for dark terminals). */
enum { THEME_TERM_FG = 0xd0d0d0, THEME_TERM_BG = 0x000000 };

/* WCAG 2's contrast ratio of two colours, 1 to 21; TCOLOR_DEFAULT is
 * the terminal's (fg says which of its two). */
double theme_contrast(uint32_t a, uint32_t b);
/* rgb, or the terminal's own colour for TCOLOR_DEFAULT. */
uint32_t theme_rgb(tcolor c, bool fg);

/* The contour lines over a heat-map cell of colour band: dark or light,
 * whichever stands out more. */
uint32_t theme_contour_rgb(uint32_t band);

#endif
