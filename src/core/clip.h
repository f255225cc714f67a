/* Gradient clipping by norm or by value (DESIGN §2, stage 3). */
#ifndef DESCENT_CLIP_H
#define DESCENT_CLIP_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { CLIP_NONE, CLIP_NORM, CLIP_VALUE } clip_mode;

typedef struct {
    clip_mode mode;
    double c; /* threshold, > 0 unless mode is CLIP_NONE */
} clip_setting;

const char *clip_mode_name(clip_mode m);

/* out = clipped g; returns whether anything changed. *scale gets the
 * norm scale min(1, C/‖g‖) (1 for value clipping or none). */
bool clip_apply(clip_setting s, const double *g, size_t n, double *out,
                double *scale);

#endif
