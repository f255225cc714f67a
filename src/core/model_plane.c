/* A model's loss on a plane through parameter space (model.h), for the
 * slices of the loss landscape: pre(θ), the first layer's outputs, is
 * linear in θ, so pre(c + a d1 + b d2) = pre(c) + a pre(d1) + b pre(d2)
 * and a point costs that combination and the layers after it. */
#include <stdlib.h>

#include "model_impl.h"
#include <string.h>

struct model_plane {
    const model *m;
    const double *c, *d1, *d2;
    size_t len;            /* doubles of pre */
    double *pre[3];        /* at c, d1, d2 */
    double *theta;         /* the point */
};

void model_plane_free(model_plane *p)
{
    if (!p)
        return;
    for (int k = 0; k < 3; k++)
        free(p->pre[k]);
    free(p->theta);
    free(p);
}

/* Zeroed and aligned for the kernels' vectors. */
static double *vector(size_t n)
{
    size_t bytes = (n * sizeof(double) + 63) / 64 * 64;
    double *v = aligned_alloc(64, bytes ? bytes : 64);
    if (v)
        memset(v, 0, bytes);
    return v;
}

model_plane *model_plane_new(const model *m, const double *c,
                             const double *d1, const double *d2)
{
    const model_type *t = m->type;
    if (!t->plane_pre || !t->plane_loss || !t->plane_size)
        return NULL;
    model_plane *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    *p = (model_plane){.m = m, .c = c, .d1 = d1, .d2 = d2,
                       .len = t->plane_size(m, m->data.n_train)};
    bool ok = (p->theta = vector(m->dim)) != NULL;
    for (int k = 0; k < 3; k++)
        ok = ok && (p->pre[k] = vector(p->len)) != NULL;
    if (!ok) {
        model_plane_free(p);
        return NULL;
    }
    const double *at[3] = {c, d1, d2};
    for (int k = 0; k < 3; k++)
        t->plane_pre(m, at[k], m->data.x_train, m->data.n_train, p->pre[k]);
    return p;
}

double model_plane_value(model_plane *p, double a, double b)
{
    const model *m = p->m;
    for (size_t i = 0; i < m->dim; i++)
        p->theta[i] = p->c[i] + a * p->d1[i] + b * p->d2[i];
    const double *const pre[3] = {p->pre[0], p->pre[1], p->pre[2]};
    double loss = m->type->plane_loss(m, p->theta, pre, a, b,
                                      m->data.y_train, m->data.n_train);
    return model_finish(m, p->theta, loss, NULL);
}
