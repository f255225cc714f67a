#include <math.h>
#include <string.h>

#include "clip.h"
#include "vec.h"

const char *clip_mode_name(clip_mode m)
{
    static const char *const names[] = {"none", "norm", "value"};
    return names[m];
}

bool clip_apply(clip_setting s, const double *g, size_t n, double *out,
                double *scale)
{
    bool changed = false;
    *scale = 1.0;
    if (s.mode == CLIP_NONE) {
        memcpy(out, g, n * sizeof *out);
        return false;
    }
    if (s.mode == CLIP_NORM) {
        double norm = sqrt(vec_dot(g, g, n));
        if (norm > s.c) {
            *scale = s.c / norm;
            changed = true;
        }
    }
    for (size_t i = 0; i < n; i++) {
        double v = g[i] * *scale;
        if (s.mode == CLIP_VALUE && fabs(v) > s.c) {
            v = copysign(s.c, v);
            changed = true;
        }
        out[i] = v;
    }
    return changed;
}
