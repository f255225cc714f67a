/* Hypergradient descent on the learning rate (Baydin et al., ICLR 2018;
 * DESIGN §4). */
#ifndef DESCENT_HYPERGRAD_H
#define DESCENT_HYPERGRAD_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { HD_OFF, HD_ADD, HD_MULT } hd_mode;

typedef struct {
    hd_mode mode;
    double beta;
    double lr_min, lr_max; /* clamp; defaults 0 and +inf */
} hd_setting;

const char *hd_mode_name(hd_mode m);
int hd_mode_parse(const char *name, hd_mode *m);

typedef struct {
    double h;       /* g·d_prev for add, cos(g, d_prev) for mult, 0 off */
    double lr;      /* α_t */
    bool clamped;   /* α_t was clamped to [lr_min, lr_max] */
} hd_result;

/* α_t from α_{t-1} = lr, the raw gradient g_t and the previous direction
 * d_{t-1} (all zero at t = 1). */
hd_result hd_update(hd_setting s, double lr, const double *g,
                    const double *d_prev, size_t n);

#endif
