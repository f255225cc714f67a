/* What the canvases share: the text-width estimate and the star. */
#include <math.h>

#include "canvas.h"

/* DejaVu Sans averages about 0.6 em a character; spaces and the narrow
 * punctuation take about half that. Combining marks take none. */
double canvas_text_width(const char *s, double size)
{
    double w = 0.0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xc0) == 0x80)
            continue; /* a continuation byte: counted with its lead */
        if (*p == ' ' || *p == '.' || *p == ',' || *p == ':' || *p == 'i' ||
            *p == 'l' || *p == '(' || *p == ')' || *p == '|' || *p == '1')
            w += 0.34;
        else if (*p >= 'A' && *p <= 'Z')
            w += 0.68;
        else
            w += 0.6;
    }
    return w * size;
}

void canvas_star(double x, double y, double r, double *xy)
{
    for (int i = 0; i < 10; i++) {
        double a = -M_PI / 2 + i * M_PI / 5, rr = i % 2 ? r * 0.45 : r;
        xy[2 * i] = x + rr * cos(a);
        xy[2 * i + 1] = y + rr * sin(a);
    }
}
