/* GSL's gradient minimisers as reference methods (DESIGN §3d):
 * vector_bfgs2, conjugate_fr, conjugate_pr and steepest_descent, set with
 * step_size = α and line-search tolerance 0.1; one update is one
 * gsl_multimin_fdfminimizer_iterate, and θ is the minimiser's x. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "gsl_bind.h"
#include "optim_whole.h"

static const double line_tol = 0.1; /* the contract's */

typedef struct {
    gsl_bind b;
    gsl_multimin_function_fdf fn;
    gsl_multimin_fdfminimizer *m;
    int set_status;         /* what set said; an iterate reports it */
    double *prev, *x0;      /* the last iterate's points; x before this */
    size_t prev_count, prev_total;
    bool prev_in_place;     /* the last iterate left x where it was */
} fdf_live;

static void fdf_close(void *live)
{
    fdf_live *l = live;
    gsl_multimin_fdfminimizer_free(l->m);
    gsl_bind_free(&l->b);
    free(l->prev);
    free(l);
}

/* Whether this iterate, which left x in place, evaluated exactly what the
 * last one did from the same x: GSL says success each time, but an
 * iterate that repeats itself in place (a line search that finds nothing
 * better, as bfgs2's on the saddle x² − y²) will repeat forever. */
static bool repeats(fdf_live *l)
{
    size_t n = l->b.n, len = l->b.count * n;
    const double *x = gsl_multimin_fdfminimizer_x(l->m)->data;
    bool in_place = memcmp(x, l->x0, n * sizeof *x) == 0;
    bool same = in_place && l->prev_in_place &&
                l->prev_total == l->b.total && l->prev_count == l->b.count &&
                memcmp(l->prev, l->b.points, len * sizeof *l->prev) == 0;
    memcpy(l->prev, l->b.points, len * sizeof *l->prev);
    l->prev_count = l->b.count;
    l->prev_total = l->b.total;
    l->prev_in_place = in_place;
    return same;
}

static core_error fdf_open(const gsl_multimin_fdfminimizer_type *T,
                           const struct run *r, const double *x0, void **live)
{
    fdf_live *l = calloc(1, sizeof *l);
    if (!l)
        return CORE_ENOMEM;
    if (gsl_bind_init(&l->b, r, OPTIM_PROBES) != CORE_OK) {
        free(l);
        return CORE_ENOMEM;
    }
    l->prev = malloc((OPTIM_PROBES + 1) * r->n * sizeof *l->prev);
    l->x0 = l->prev ? l->prev + OPTIM_PROBES * r->n : NULL;
    if (!l->prev || !(l->m = gsl_multimin_fdfminimizer_alloc(T, r->n))) {
        fdf_close(l);
        return CORE_ENOMEM;
    }
    l->fn = gsl_bind_fdf(&l->b);
    gsl_vector_const_view x = gsl_vector_const_view_array(x0, r->n);
    gsl_bind_begin(&l->b);
    l->set_status = gsl_multimin_fdfminimizer_set(l->m, &l->fn, &x.vector,
                                                  r->lr, line_tol);
    if (l->set_status == GSL_ENOMEM) {
        fdf_close(l);
        return CORE_ENOMEM;
    }
    *live = l;
    return CORE_OK;
}

static int fdf_iterate(void *live, optim_cost *cost, const char **why)
{
    fdf_live *l = live;
    gsl_bind_begin(&l->b);
    memcpy(l->x0, gsl_multimin_fdfminimizer_x(l->m)->data,
           l->b.n * sizeof *l->x0);
    int st = l->set_status != GSL_SUCCESS
                 ? l->set_status
                 : gsl_multimin_fdfminimizer_iterate(l->m);
    *cost = l->b.calls;
    if (st == GSL_SUCCESS && repeats(l)) {
        *why = "GSL's iterate repeats itself in place";
        return OPTIM_NOPROGRESS;
    }
    return gsl_bind_status(&l->b, st, why);
}

static const double *fdf_point(const void *live)
{
    const fdf_live *l = live;
    return gsl_multimin_fdfminimizer_x(l->m)->data;
}

static optim_cost fdf_start_cost(size_t n)
{
    (void)n;
    return (optim_cost){1, 1, 0}; /* set evaluates f and ∇f at θ0 */
}

static void fdf_shape(const void *live, optim_shape *out)
{
    const fdf_live *l = live;
    gsl_bind_shape(&l->b, out);
}

/* The method, then what the update did: the direction it moved along,
 * how far, and what its line search cost. */
static int fdf_notes(const struct run *r, const void *live, optim_note *out)
{
    const fdf_live *l = live;
    char v[96];
    int k = 0;
    optim_note_set(&out[k++], "%s", r->s.opt->title);
    if (r->opt_step == 0) {
        optim_note_set(&out[k++], "set at θ0: step size %g, line-search "
                       "tol 0.1", r->lr);
    } else {
        double norm = r->last.update_norm;
        if (norm > 0.0)
            optim_note_set(&out[k++], "moved along p = %s",
                           optim_vec_text(v, sizeof v, r->d, r->n, -1.0 / norm));
        optim_note_set(&out[k++], "‖Δθ‖ = %.6g", norm);
        if (l)
            optim_note_set(&out[k++], "last iterate: %ld f, %ld ∇f",
                           l->b.calls.f, l->b.calls.g);
    }
    optim_note_set(&out[k++], "so far: %ld f, %ld ∇f evaluations", r->evals,
                   r->gevals);
    return k;
}

#define FDF_METHOD(id, gsl_type, display, summary)                          \
    static core_error id##_open(const struct run *r, const double *x0,      \
                                void **live)                                \
    {                                                                       \
        return fdf_open(gsl_type, r, x0, live);                             \
    }                                                                       \
    static const optim_whole id##_whole = {                                 \
        .open = id##_open, .close = fdf_close, .iterate = fdf_iterate,      \
        .point = fdf_point, .start_cost = fdf_start_cost,                   \
        .shape = fdf_shape, .notes = fdf_notes};                            \
    const optimizer_type optim_##id = {                                     \
        .name = display, .title = summary, .caps = OPTIM_NEEDS_GRADIENT,    \
        .state_names = optim_whole_origin, .default_lr = 0.01,              \
        .whole = &id##_whole};

FDF_METHOD(bfgs, gsl_multimin_fdfminimizer_vector_bfgs2, "bfgs",
           "GSL vector_bfgs2: quasi-Newton, line search")
FDF_METHOD(cg_fr, gsl_multimin_fdfminimizer_conjugate_fr, "cg-fr",
           "GSL conjugate_fr: Fletcher-Reeves conj. gradients")
FDF_METHOD(cg_pr, gsl_multimin_fdfminimizer_conjugate_pr, "cg-pr",
           "GSL conjugate_pr: Polak-Ribière conj. gradients")
FDF_METHOD(steepest, gsl_multimin_fdfminimizer_steepest_descent, "steepest",
           "GSL steepest_descent: −g/‖g‖, adaptive step")
