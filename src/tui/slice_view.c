#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "slice_view.h"

/* Takes over s as the slice shown. */
static void install(slice_view *v, slice *s, const hist_path *path,
                    long step)
{
    slice_free(&v->sl);
    v->sl = *s;
    v->step = step;
    v->gen++;
    slice_range(&v->sl, path ? path->theta : NULL, path ? path->count : 0,
                v->range);
}

int slice_view_random(slice_view *v, const objective *obj,
                      const double *theta, long step, uint64_t seed)
{
    const model *m = model_of(obj);
    slice s;
    if (slice_random(&s, theta, obj->dim, m ? m->blocks : NULL,
                     m ? m->n_blocks : 0, seed) < 0)
        return -1;
    v->seed = seed;
    install(v, &s, NULL, step);
    return 0;
}

int slice_view_pca(slice_view *v, const hist_path *path, const double *theta,
                   long step)
{
    slice s;
    if (!path->n || slice_pca(&s, theta, path->theta, path->count,
                              path->n) < 0)
        return -1;
    install(v, &s, path, step);
    return 0;
}

void slice_view_free(slice_view *v)
{
    slice_free(&v->sl);
}

bool slice_view_pca_due(const slice_view *v, long step)
{
    long grown = step - v->step;
    return grown >= SLICE_PCA_EVERY && grown >= v->step / 4;
}

void slice_view_title(const slice_view *v, bool brief, char *buf,
                      size_t cap)
{
    int n;
    if (v->sl.kind == SLICE_PCA)
        n = snprintf(buf, cap, "slice: PCA of the path (explains %.0f%%)",
                     100.0 * (v->sl.explained[0] + v->sl.explained[1]));
    else
        n = snprintf(buf, cap, "slice: random seed %llu",
                     (unsigned long long)v->seed);
    if (!brief && n >= 0 && (size_t)n < cap)
        snprintf(buf + n, cap - (size_t)n, " through θ at step %ld", v->step);
}

void slice_view_delta(const slice_view *v, const double *p, const double *q,
                      double *scratch, double *a, double *b)
{
    for (size_t i = 0; i < v->sl.n; i++)
        scratch[i] = v->sl.centre[i] + p[i] - (q ? q[i] : 0.0);
    slice_project(&v->sl, scratch, a, b);
}

int slice_proj_update(slice_proj *p, const slice_view *v,
                      const hist_path *path)
{
    if (p->slice_gen != v->gen || p->path_gen != path->gen ||
        p->n > path->count) {
        p->n = 0;
        p->slice_gen = v->gen;
        p->path_gen = path->gen;
    }
    if (path->count > p->cap) {
        double *ab = realloc(p->ab, 2 * HIST_PATH_POINTS * sizeof *ab);
        if (!ab)
            return -1;
        p->ab = ab;
        p->cap = HIST_PATH_POINTS;
    }
    for (; p->n < path->count; p->n++)
        slice_project(&v->sl, path->theta + p->n * path->n, &p->ab[2 * p->n],
                      &p->ab[2 * p->n + 1]);
    return 0;
}

void slice_proj_free(slice_proj *p)
{
    free(p->ab);
    memset(p, 0, sizeof *p);
}
