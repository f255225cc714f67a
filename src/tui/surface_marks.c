#include <math.h>

#include "surface_marks.h"

/* Past this many vertices (models' slices) the simplex is its vertices:
 * its edges grow as the square. */
enum { EDGES_UP_TO = 8 };

static void to_dot(const surface_xf *t, const double *theta, double *px,
                   double *py)
{
    double x = theta[0], y = theta[1];
    if (session_sliced(t->s))
        slice_project(&t->s->slice.sl, theta, &x, &y);
    *px = (x - t->v[0]) * t->sx;
    *py = (t->v[3] - y) * t->sy;
}

/* A small cross of dots: a probe stands out from a path. */
static void cross(braille_canvas *cv, double px, double py, int tag)
{
    int x = (int)floor(px), y = (int)floor(py);
    if (!(px > -2.0 && px < 1e6 && py > -2.0 && py < 1e6))
        return;
    braille_set(cv, x, y, tag);
    braille_set(cv, x - 1, y, tag);
    braille_set(cv, x + 1, y, tag);
    braille_set(cv, x, y - 1, tag);
    braille_set(cv, x, y + 1, tag);
}

static void simplex(const surface_xf *t, braille_canvas *cv,
                    const optim_shape *sh, size_t n, int tag)
{
    double px[EDGES_UP_TO], py[EDGES_UP_TO];
    if (sh->vertices > EDGES_UP_TO) {
        for (size_t v = 0; v < sh->vertices; v++) {
            double x, y;
            to_dot(t, sh->simplex + v * n, &x, &y);
            cross(cv, x, y, tag);
        }
        return;
    }
    for (size_t v = 0; v < sh->vertices; v++)
        to_dot(t, sh->simplex + v * n, &px[v], &py[v]);
    for (size_t a = 0; a < sh->vertices; a++)
        for (size_t b = a + 1; b < sh->vertices; b++)
            braille_line(cv, px[a], py[a], px[b], py[b], tag);
}

void surface_marks_methods(const surface_xf *t, braille_canvas *cv)
{
    for (int i = 0; i < t->s->nruns; i++) {
        const run *r = &t->s->runs[i].r;
        optim_shape sh;
        if (!run_shape(r, &sh))
            continue;
        if (sh.simplex)
            simplex(t, cv, &sh, r->n, i);
        for (size_t k = 0; k < sh.count; k++) {
            double x, y;
            to_dot(t, sh.probes + k * r->n, &x, &y);
            cross(cv, x, y, i);
        }
    }
}

void surface_marks_eigen(const surface_xf *t, braille_canvas *cv, int tag)
{
    const theory_view *th = &t->s->theory;
    if (!th->on || !th->axes || th->q.n != 2 || session_sliced(t->s))
        return;
    const double *c = th->q.theta_star, *v = t->v;
    double reach = hypot(v[1] - v[0], v[3] - v[2]) +
                   hypot(c[0] - v[0], c[1] - v[2]);
    for (int k = 0; k < 2; k++) {
        double e[2] = {th->q.vecs[k], th->q.vecs[2 + k]};
        double a[2] = {c[0] - reach * e[0], c[1] - reach * e[1]};
        double b[2] = {c[0] + reach * e[0], c[1] + reach * e[1]};
        double ax, ay, bx, by;
        to_dot(t, a, &ax, &ay);
        to_dot(t, b, &bx, &by);
        braille_line(cv, ax, ay, bx, by, tag);
    }
}
