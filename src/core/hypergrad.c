#include <math.h>
#include <string.h>

#include "hypergrad.h"
#include "vec.h"

static const char *const mode_names[] = {"off", "add", "mult"};

const char *hd_mode_name(hd_mode m) { return mode_names[m]; }

int hd_mode_parse(const char *name, hd_mode *m)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, mode_names[i]) == 0) {
            *m = (hd_mode)i;
            return 0;
        }
    return -1;
}

/* The loss after update t-1 is f(θ_{t-2} - α d_{t-1}); its derivative in
 * α is -g_t·d_{t-1}, so descending on α adds β g_t·d_{t-1} (the additive
 * rule). The multiplicative rule scales α by the cosine instead, which
 * makes β dimensionless. */
hd_result hd_update(hd_setting s, double lr, const double *g,
                    const double *d_prev, size_t n)
{
    hd_result r = {.h = 0.0, .lr = lr, .clamped = false};
    if (s.mode == HD_OFF)
        return r;
    double dot = vec_dot(g, d_prev, n);
    if (s.mode == HD_ADD) {
        r.h = dot;
        r.lr = lr + s.beta * dot;
    } else {
        double gg = vec_dot(g, g, n), dd = vec_dot(d_prev, d_prev, n);
        if (gg > 0.0 && dd > 0.0) {
            r.h = dot / (sqrt(gg) * sqrt(dd));
            r.lr = lr * (1.0 + s.beta * r.h);
        }
    }
    if (r.lr < s.lr_min) {
        r.lr = s.lr_min;
        r.clamped = true;
    } else if (r.lr > s.lr_max) {
        r.lr = s.lr_max;
        r.clamped = true;
    }
    return r;
}
