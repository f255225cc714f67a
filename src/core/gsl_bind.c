#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "gsl_bind.h"

core_error gsl_bind_init(gsl_bind *b, const run *r, size_t cap)
{
    size_t n = r->n;
    *b = (gsl_bind){.obj = r->obj, .grad = r->s.grad, .h = r->s.h, .n = n,
                    .cap = cap};
    b->points = malloc((cap * n + cap + 2 * n) * sizeof *b->points);
    b->kind = malloc(cap);
    if (!b->points || !b->kind) {
        gsl_bind_free(b);
        return CORE_ENOMEM;
    }
    b->values = b->points + cap * n;
    b->scratch = b->values + cap;
    return CORE_OK;
}

void gsl_bind_free(gsl_bind *b)
{
    free(b->points);
    free(b->kind);
    b->points = NULL;
    b->kind = NULL;
}

void gsl_bind_begin(gsl_bind *b)
{
    b->calls = (optim_cost){0, 0, 0};
    b->count = b->total = 0;
}

/* x as contiguous doubles (GSL's own vectors are; a view need not be). */
static const double *point_of(gsl_bind *b, const gsl_vector *x)
{
    if (x->stride == 1)
        return x->data;
    for (size_t i = 0; i < b->n; i++)
        b->scratch[i] = gsl_vector_get(x, i);
    return b->scratch;
}

static void record(gsl_bind *b, const double *x, double f, unsigned char kind)
{
    if (b->count < b->cap) {
        memcpy(b->points + b->count * b->n, x, b->n * sizeof *x);
        b->values[b->count] = f;
        b->kind[b->count++] = kind;
    }
    b->total++;
}

static double value_at(gsl_bind *b, const double *x)
{
    b->calls.f++;
    return b->obj->ops->value(b->obj->ctx, x);
}

static void gradient_at(gsl_bind *b, const double *x, gsl_vector *g)
{
    b->calls.g++;
    double *out = g->stride == 1 ? g->data : b->scratch + b->n;
    core_error rc = gradient_eval(b->obj, b->grad, b->h, x, out);
    if (rc != CORE_OK) {
        b->err = rc;
        for (size_t i = 0; i < b->n; i++)
            out[i] = NAN;
    }
    for (size_t i = 0; out != g->data && i < b->n; i++)
        gsl_vector_set(g, i, out[i]);
}

static double bind_f(const gsl_vector *v, void *params)
{
    gsl_bind *b = params;
    const double *x = point_of(b, v);
    double f = value_at(b, x);
    record(b, x, f, PROBE_F);
    return f;
}

static void bind_df(const gsl_vector *v, void *params, gsl_vector *g)
{
    gsl_bind *b = params;
    const double *x = point_of(b, v);
    record(b, x, NAN, PROBE_DF);
    gradient_at(b, x, g);
}

static void bind_fdf(const gsl_vector *v, void *params, double *f,
                     gsl_vector *g)
{
    gsl_bind *b = params;
    const double *x = point_of(b, v);
    *f = value_at(b, x);
    record(b, x, *f, PROBE_F | PROBE_DF);
    gradient_at(b, x, g);
}

gsl_multimin_function_fdf gsl_bind_fdf(gsl_bind *b)
{
    return (gsl_multimin_function_fdf){bind_f, bind_df, bind_fdf, b->n, b};
}

gsl_multimin_function gsl_bind_f(gsl_bind *b)
{
    return (gsl_multimin_function){bind_f, b->n, b};
}

void gsl_bind_shape(const gsl_bind *b, optim_shape *out)
{
    *out = (optim_shape){.probes = b->points, .kind = b->kind,
                         .count = b->count < OPTIM_PROBES ? b->count
                                                          : OPTIM_PROBES,
                         .total = b->total};
}

int gsl_bind_status(const gsl_bind *b, int status, const char **why)
{
    if (b->err != CORE_OK)
        return b->err;
    if (status == GSL_SUCCESS)
        return 0;
    if (status == GSL_ENOMEM)
        return CORE_ENOMEM;
    *why = gsl_strerror(status);
    return OPTIM_NOPROGRESS;
}
