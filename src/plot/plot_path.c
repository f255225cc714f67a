/* A run's rows for a figure, thinned as they come: when the arrays are
 * full every other row goes and the stride doubles, so a run of any
 * length keeps between cap/2 and cap rows spread evenly over it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot.h"

/* Rows kept at most: about 32 MB of numbers, at least 2048 rows. */
static size_t row_cap(size_t dim)
{
    size_t cap = ((size_t)1 << 22) / (dim + 6);
    return cap < 2048 ? 2048 : cap;
}

enum { SCALARS = 5 };

int plot_path_init(plot_path *p, size_t dim, const char *label)
{
    memset(p, 0, sizeof *p);
    snprintf(p->label, sizeof p->label, "%s", label);
    p->dim = dim;
    p->cap = row_cap(dim);
    p->stride = 1;
    double *block = malloc(p->cap * (dim + SCALARS) * sizeof *block);
    p->last = malloc((dim + SCALARS) * sizeof *p->last);
    if (!block || !p->last) {
        free(block);
        free(p->last);
        return -1;
    }
    p->step = block;
    p->loss = block + p->cap;
    p->lr = block + 2 * p->cap;
    p->grad = block + 3 * p->cap;
    p->val = block + 4 * p->cap;
    p->theta = block + 5 * p->cap;
    return 0;
}

void plot_path_free(plot_path *p)
{
    free(p->step);
    free(p->last);
    memset(p, 0, sizeof *p);
}

static double *column(plot_path *p, int k)
{
    double *cols[SCALARS] = {p->step, p->loss, p->lr, p->grad, p->val};
    return cols[k];
}

/* Every other row dropped (row 0 stays). */
static void halve(plot_path *p)
{
    size_t m = 0;
    for (size_t i = 0; i < p->n; i += 2, m++) {
        for (int k = 0; k < SCALARS; k++)
            column(p, k)[m] = column(p, k)[i];
        memmove(p->theta + m * p->dim, p->theta + i * p->dim,
                p->dim * sizeof *p->theta);
    }
    p->n = m;
    p->stride *= 2;
}

static void keep(plot_path *p, const double *row)
{
    if (p->n == p->cap)
        halve(p);
    for (int k = 0; k < SCALARS; k++)
        column(p, k)[p->n] = row[k];
    memcpy(p->theta + p->n * p->dim, row + SCALARS, p->dim * sizeof *row);
    if (!isnan(row[4]))
        p->has_val = true;
    p->n++;
}

void plot_path_add(plot_path *p, double step, const double *theta,
                   double loss, double lr, double grad, double val)
{
    /* The row before is kept when it falls on the stride. */
    if (p->pending && (p->seen - 1) % p->stride == 0)
        keep(p, p->last);
    double *row = p->last;
    row[0] = step, row[1] = loss, row[2] = lr, row[3] = grad, row[4] = val;
    if (p->dim)
        memcpy(row + SCALARS, theta, p->dim * sizeof *theta);
    p->pending = true;
    p->seen++;
}

void plot_path_end(plot_path *p)
{
    if (p->pending)
        keep(p, p->last);
    p->pending = false;
}

void plot_run_label(const run_settings *s, char *buf, size_t cap)
{
    int n = snprintf(buf, cap, "%s lr %g", s->opt->name, s->lr);
    if (n >= 0 && (size_t)n < cap && s->clip.mode != CLIP_NONE)
        n += snprintf(buf + n, cap - (size_t)n, ", clip %s:%g",
                      clip_mode_name(s->clip.mode), s->clip.c);
    if (n >= 0 && (size_t)n < cap && s->hd.mode != HD_OFF)
        n += snprintf(buf + n, cap - (size_t)n, ", hypergrad %s β %g",
                      hd_mode_name(s->hd.mode), s->hd.beta);
    if (n >= 0 && (size_t)n < cap && s->sched.kind != SCHED_NONE) {
        char sched[64];
        schedule_text(&s->sched, sched, sizeof sched);
        snprintf(buf + n, cap - (size_t)n, ", schedule %s", sched);
    }
}
