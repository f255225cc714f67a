/* nelder-mead: GSL's nmsimplex2 (DESIGN §3d), initial step α in each
 * coordinate; one update is one gsl_multimin_fminimizer_iterate and θ
 * is the simplex's best point. No gradient.
 *
 * The simplex itself is GSL's opaque state. The screen draws it from a
 * mirror kept here: every vertex GSL holds is a point it evaluated (the
 * start's n+1, then a reflection, expansion or contraction replacing the
 * worst vertex, or a shrink replacing all but the best), so replaying
 * nmsimplex2's choice of vertices on the recorded values rebuilds it.
 * After each iterate the mirror's best point must be GSL's x, bit for
 * bit; if it ever is not, the simplex is not shown rather than shown
 * wrong. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "gsl_bind.h"
#include "optim_whole.h"

enum { NM_PERIOD = 3 };

typedef struct {
    gsl_bind b;
    gsl_multimin_function fn;
    gsl_multimin_fminimizer *m;
    int set_status;
    double *x, *y;          /* the mirror: (n+1) × n vertices, their f */
    bool mirror_ok;
    const char *move;       /* what the last iterate did */
    double *past;           /* the last NM_PERIOD vertex sets, a ring */
    int seen, last_past;
    bool repeats;           /* the simplex came back: no progress */
} nm_live;

static void nm_close(void *live)
{
    nm_live *l = live;
    gsl_multimin_fminimizer_free(l->m);
    gsl_bind_free(&l->b);
    free(l->x);
    free(l->past);
    free(l);
}

/* Vertex i becomes the k-th point evaluated in this iterate. */
static void put(nm_live *l, size_t i, size_t k)
{
    size_t n = l->b.n;
    memcpy(l->x + i * n, l->b.points + k * n, n * sizeof *l->x);
    l->y[i] = l->b.values[k];
}

static size_t lowest(const nm_live *l)
{
    size_t lo = 0;
    for (size_t i = 1; i <= l->b.n; i++)
        if (l->y[i] < l->y[lo])
            lo = i;
    return lo;
}

/* nmsimplex2's worst, second worst and best vertices, chosen as it
 * chooses them (ties included). */
static void rank(const nm_live *l, size_t *hi, size_t *s_hi, size_t *lo)
{
    const double *y = l->y;
    double dhi = y[0], dlo = y[0], ds_hi = y[1];
    *hi = *lo = 0;
    *s_hi = 1;
    for (size_t i = 1; i <= l->b.n; i++) {
        if (y[i] < dlo) {
            dlo = y[i];
            *lo = i;
        } else if (y[i] > dhi) {
            ds_hi = dhi;
            *s_hi = *hi;
            dhi = y[i];
            *hi = i;
        } else if (y[i] > ds_hi) {
            ds_hi = y[i];
            *s_hi = i;
        }
    }
}

/* The iterate just made evaluated k points: 1 a reflection kept; 2 an
 * expansion tried (kept if below the best) or a contraction kept; n+2 a
 * contraction that failed, then the shrink towards the best vertex. */
static void mirror_update(nm_live *l)
{
    size_t n = l->b.n, k = l->b.count, hi, s_hi, lo;
    rank(l, &hi, &s_hi, &lo);
    const double *v = l->b.values;
    if (k == 1) {
        put(l, hi, 0);
        l->move = "reflection";
    } else if (k == 2 && isfinite(v[0]) && v[0] < l->y[lo]) {
        bool expand = isfinite(v[1]) && v[1] < l->y[lo];
        put(l, hi, expand ? 1 : 0);
        l->move = expand ? "expansion" : "reflection (expansion tried)";
    } else if (k == 2) {
        put(l, hi, 1);
        l->move = "contraction";
    } else if (k == n + 2) {
        if (isfinite(v[0]) && v[0] <= l->y[hi])
            put(l, hi, 0);
        for (size_t i = 0, j = 2; i <= n; i++)
            if (i != lo)
                put(l, i, j++);
        l->move = "shrink towards the best vertex";
    } else {
        l->mirror_ok = false;
        return;
    }
    const gsl_vector *x = gsl_multimin_fminimizer_x(l->m);
    lo = lowest(l);
    l->mirror_ok = memcmp(l->x + lo * n, x->data, n * sizeof *l->x) == 0 &&
                   l->y[lo] == gsl_multimin_fminimizer_minimum(l->m);
}

/* nmsimplex2 never says it can go no further: where rounding leaves no
 * move that changes anything it goes on in place (a simplex shrunk to
 * one point, or one whose values all round alike), returning success.
 * Its iterate is a deterministic map of the simplex, so a simplex that
 * comes back, exactly and in the same order, one to NM_PERIOD iterates
 * later, will keep coming back: that is the no further progress. */
static void remember(nm_live *l)
{
    size_t len = (l->b.n + 1) * l->b.n;
    for (int k = 0; k < NM_PERIOD && l->mirror_ok; k++)
        if (k < l->seen &&
            memcmp(l->past + (size_t)k * len, l->x, len * sizeof *l->x) == 0)
            l->repeats = true;
    l->last_past = (l->last_past + 1) % NM_PERIOD;
    memcpy(l->past + (size_t)l->last_past * len, l->x, len * sizeof *l->x);
    if (l->seen < NM_PERIOD)
        l->seen++;
}

static core_error nm_open(const struct run *r, const double *x0, void **live)
{
    size_t n = r->n;
    nm_live *l = calloc(1, sizeof *l);
    if (!l)
        return CORE_ENOMEM;
    /* Room for an iterate's n + 2 points (the mirror needs them all). */
    size_t cap = n + 2 > OPTIM_PROBES ? n + 2 : OPTIM_PROBES;
    if (gsl_bind_init(&l->b, r, cap) != CORE_OK) {
        free(l);
        return CORE_ENOMEM;
    }
    l->x = malloc((n + 1) * (n + 1) * sizeof *l->x);
    l->past = malloc(NM_PERIOD * (n + 1) * n * sizeof *l->past);
    gsl_vector *step = gsl_vector_alloc(n);
    l->m = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, n);
    if (!l->x || !l->past || !step || !l->m) {
        gsl_vector_free(step);
        nm_close(l);
        return CORE_ENOMEM;
    }
    l->y = l->x + (n + 1) * n;
    gsl_vector_set_all(step, r->lr);
    l->fn = gsl_bind_f(&l->b);
    gsl_vector_const_view x = gsl_vector_const_view_array(x0, n);
    gsl_bind_begin(&l->b);
    l->set_status = gsl_multimin_fminimizer_set(l->m, &l->fn, &x.vector, step);
    gsl_vector_free(step);
    if (l->set_status == GSL_ENOMEM) {
        nm_close(l);
        return CORE_ENOMEM;
    }
    /* set evaluates x0, then x0 + α e_i: the vertices in GSL's order. */
    l->mirror_ok = l->set_status == GSL_SUCCESS && l->b.count == n + 1;
    for (size_t i = 0; l->mirror_ok && i <= n; i++)
        put(l, i, i);
    l->move = "the starting simplex";
    *live = l;
    return CORE_OK;
}

static int nm_iterate(void *live, optim_cost *cost, const char **why)
{
    nm_live *l = live;
    if (l->repeats) {
        *why = "the simplex repeats itself: no move changes it";
        *cost = (optim_cost){0, 0, 0};
        return OPTIM_NOPROGRESS;
    }
    gsl_bind_begin(&l->b);
    int st = l->set_status != GSL_SUCCESS ? l->set_status
                                          : gsl_multimin_fminimizer_iterate(l->m);
    *cost = l->b.calls;
    if (st == GSL_SUCCESS && l->mirror_ok) {
        mirror_update(l);
        remember(l);
    }
    if (st == GSL_EBADFUNC || st == GSL_EFAILED) {
        *why = st == GSL_EBADFUNC ? "f is not finite at a starting vertex"
                                  : "the shrink met non-finite values of f";
        return OPTIM_STOP;
    }
    return gsl_bind_status(&l->b, st, why);
}

static const double *nm_point(const void *live)
{
    const nm_live *l = live;
    return gsl_multimin_fminimizer_x(l->m)->data;
}

static optim_cost nm_start_cost(size_t n)
{
    return (optim_cost){(long)n + 1, 0, 0}; /* the starting vertices */
}

static void nm_shape(const void *live, optim_shape *out)
{
    const nm_live *l = live;
    gsl_bind_shape(&l->b, out);
    if (l->mirror_ok) {
        out->simplex = l->x;
        out->vertices = l->b.n + 1;
    }
}

static int nm_notes(const struct run *r, const void *live, optim_note *out)
{
    const nm_live *l = live;
    int k = 0;
    optim_note_set(&out[k++], "%s", r->s.opt->title);
    if (l) {
        optim_note_set(&out[k++], "%s: %zu evaluation%s", l->move,
                       l->b.total, l->b.total == 1 ? "" : "s");
        optim_note_set(&out[k++], "simplex size %.4g (rms to its centre)",
                       gsl_multimin_fminimizer_size(l->m));
    }
    if (r->opt_step == 0)
        optim_note_set(&out[k++], "start: θ0 and θ0 + %g·e_i", r->lr);
    optim_note_set(&out[k++], "θ = best vertex, f = %.6g", r->loss);
    optim_note_set(&out[k++], "so far: %ld f evaluations, no gradient",
                   r->evals);
    return k;
}

static const optim_whole nm_whole = {
    .open = nm_open, .close = nm_close, .iterate = nm_iterate,
    .point = nm_point, .start_cost = nm_start_cost, .shape = nm_shape,
    .notes = nm_notes};

const optimizer_type optim_nelder_mead = {
    .name = "nelder-mead",
    .title = "GSL nmsimplex2: Nelder-Mead, no gradient",
    .caps = 0,
    .state_names = optim_whole_origin,
    .default_lr = 0.1,
    .whole = &nm_whole,
};
