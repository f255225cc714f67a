/* The session's view: zoom and pan, back to the objective's (or the
 * slice's) own, and fitted to the runs' paths. */
#include <math.h>
#include <string.h>

#include "session.h"

void session_zoom(session *s, double factor, double cx, double cy)
{
    double *v = s->view;
    v[0] = cx + (v[0] - cx) * factor;
    v[1] = cx + (v[1] - cx) * factor;
    v[2] = cy + (v[2] - cy) * factor;
    v[3] = cy + (v[3] - cy) * factor;
    s->view_gen++;
}

void session_pan(session *s, double fx, double fy)
{
    double dx = (s->view[1] - s->view[0]) * fx;
    double dy = (s->view[3] - s->view[2]) * fy;
    s->view[0] += dx;
    s->view[1] += dx;
    s->view[2] += dy;
    s->view[3] += dy;
    s->view_gen++;
}

void session_view_reset(session *s)
{
    memcpy(s->view, session_sliced(s) ? s->slice.range : s->obj.view,
           sizeof s->view);
    s->view_gen++;
}

typedef struct {
    double lo[2], hi[2];
} box;

static void box_add(box *b, double x, double y)
{
    if (run_value_diverged(x) || run_value_diverged(y))
        return;
    b->lo[0] = fmin(b->lo[0], x);
    b->hi[0] = fmax(b->hi[0], x);
    b->lo[1] = fmin(b->lo[1], y);
    b->hi[1] = fmax(b->hi[1], y);
}

/* θ in plot coordinates: itself, or its projection on the slice. */
static void plot_point(const session *s, const double *theta, double *x,
                       double *y)
{
    if (session_sliced(s))
        slice_project(&s->slice.sl, theta, x, y);
    else
        *x = theta[0], *y = theta[1];
}

int session_view_fit(session *s)
{
    box b = {{INFINITY, INFINITY}, {-INFINITY, -INFINITY}};
    double x, y;
    plot_point(s, s->start, &x, &y);
    box_add(&b, x, y);
    for (int i = 0; i < s->nruns; i++) {
        const session_run *sr = &s->runs[i];
        plot_point(s, sr->r.theta, &x, &y);
        box_add(&b, x, y);
        if (session_sliced(s))
            for (size_t k = 0; k < sr->proj.n; k++)
                box_add(&b, sr->proj.ab[2 * k], sr->proj.ab[2 * k + 1]);
        else
            for (size_t k = 0; k < sr->h.nrows; k++)
                box_add(&b, sr->h.rows[k].theta[0], sr->h.rows[k].theta[1]);
    }
    if (!(b.lo[0] <= b.hi[0]))
        return -1;
    for (int d = 0; d < 2; d++) {
        /* A tenth either side; a point or a line gets a unit's room (a
         * span doubles can tell apart). */
        double span = b.hi[d] - b.lo[d];
        double mag = fmax(fabs(b.lo[d]), fabs(b.hi[d]));
        double pad = span > 1e-6 * fmax(mag, 1.0) ? span / 10
                                                  : fmax(mag * 0.1, 1.0);
        s->view[2 * d] = b.lo[d] - pad;
        s->view[2 * d + 1] = b.hi[d] + pad;
    }
    s->view_gen++;
    return 0;
}

