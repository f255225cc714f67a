/* How the HPO view tells the four methods apart, the same in every
 * panel: a colour (the theme's run colours) and a glyph, so monochrome
 * and ASCII screens still separate them. */
#ifndef DESCENT_TUI_HPO_STYLE_H
#define DESCENT_TUI_HPO_STYLE_H

#include <stdbool.h>
#include <stdint.h>

struct app;

typedef struct {
    uint32_t cp;   /* the glyph */
    char ascii;    /* its stand-in without UTF-8 */
    int fg;        /* colour number, -1 default */
} hpo_style;

hpo_style hpo_method_style(const struct app *a, int method);

/* The y position of value v on a plot of height dots over [lo, hi],
 * log-scaled when log (the running best). */
double hpo_scale_y(double v, double lo, double hi, bool log, int dots);
#endif
