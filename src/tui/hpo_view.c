#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hpo_view.h"

int hpo_view_curve(hpo_view *v, size_t n)
{
    v->curve_h = malloc(n * sizeof *v->curve_h);
    v->curve_v = malloc(n * sizeof *v->curve_v);
    v->curve_n = v->curve_h && v->curve_v ? n : 0;
    return v->curve_n ? 0 : -1;
}

void hpo_view_free(hpo_view *v)
{
    free(v->curve_h);
    free(v->curve_v);
    for (int m = 0; m < HPO_METHOD_COUNT; m++)
        hpo_trace_free(&v->trace[m]);
    memset(v, 0, sizeof *v);
}

/* Shows, for every method, the evaluations made within the clock. */
static void settle(hpo_view *v)
{
    for (int m = 0; m < HPO_METHOD_COUNT; m++) {
        const hpo_trace *t = &v->trace[m];
        size_t k = 0;
        while (k < t->n && t->e[k].cost <= v->clock)
            k++;
        v->shown[m] = k;
    }
}

int hpo_view_step(hpo_view *v)
{
    long next = -1;
    for (int m = 0; m < HPO_METHOD_COUNT; m++) {
        const hpo_trace *t = &v->trace[m];
        if (v->shown[m] < t->n &&
            (next < 0 || t->e[v->shown[m]].cost < next))
            next = t->e[v->shown[m]].cost;
    }
    if (next < 0)
        return -1;
    v->clock = next;
    settle(v);
    return 0;
}

int hpo_view_back(hpo_view *v)
{
    long last = 0;
    for (int m = 0; m < HPO_METHOD_COUNT; m++)
        if (v->shown[m] && v->trace[m].e[v->shown[m] - 1].cost > last)
            last = v->trace[m].e[v->shown[m] - 1].cost;
    if (last == 0)
        return -1;
    v->clock = last - 1;
    settle(v);
    return 0;
}

void hpo_view_reset(hpo_view *v)
{
    v->clock = 0;
    settle(v);
}

long hpo_view_total(const hpo_view *v)
{
    long total = 0;
    for (int m = 0; m < HPO_METHOD_COUNT; m++) {
        const hpo_trace *t = &v->trace[m];
        if (t->n && t->e[t->n - 1].cost > total)
            total = t->e[t->n - 1].cost;
    }
    return total;
}

void hpo_view_end(hpo_view *v)
{
    v->clock = hpo_view_total(v);
    settle(v);
}

bool hpo_view_done(const hpo_view *v)
{
    for (int m = 0; m < HPO_METHOD_COUNT; m++)
        if (v->shown[m] < v->trace[m].n)
            return false;
    return true;
}

const hpo_eval *hpo_view_last(const hpo_view *v, int m)
{
    return v->shown[m] ? &v->trace[m].e[v->shown[m] - 1] : NULL;
}

void hpo_view_xrange(const hpo_view *v, double *lo, double *hi)
{
    bool zoomed = v->zlo > 0.0 && v->zhi > v->zlo;
    *lo = zoomed ? v->zlo : v->lo;
    *hi = zoomed ? v->zhi : v->hi;
}

/* The h of the lowest finite value on the curve (the searched range's
 * middle without one). */
static double best_h(const hpo_view *v)
{
    double h = sqrt(v->lo * v->hi), best = INFINITY;
    for (size_t i = 0; i < v->curve_n; i++)
        if (v->curve_v[i] < best) {
            best = v->curve_v[i];
            h = v->curve_h[i];
        }
    return h;
}

void hpo_view_zoom(hpo_view *v, double factor)
{
    double lo, hi;
    hpo_view_xrange(v, &lo, &hi);
    double span = log10(hi / lo) * factor, c = log10(best_h(v));
    double full = log10(v->hi / v->lo);
    if (factor <= 0.0 || span >= full) {
        v->zlo = v->zhi = 0.0;
        return;
    }
    /* Centred on the best h, kept inside the searched range. */
    double a = c - span / 2, b = c + span / 2;
    if (a < log10(v->lo))
        b += log10(v->lo) - a, a = log10(v->lo);
    if (b > log10(v->hi))
        a -= b - log10(v->hi), b = log10(v->hi);
    v->zlo = pow(10.0, a);
    v->zhi = pow(10.0, b);
}

/* Calls fn on every value shown within the zoom: the curve's and the
 * evaluations'. */
static void each_value(const hpo_view *v, void (*fn)(void *, double),
                       void *ctx)
{
    double lo, hi;
    hpo_view_xrange(v, &lo, &hi);
    for (size_t i = 0; i < v->curve_n; i++)
        if (v->curve_h[i] >= lo && v->curve_h[i] <= hi)
            fn(ctx, v->curve_v[i]);
    for (int m = 0; m < HPO_METHOD_COUNT; m++)
        for (size_t i = 0; i < v->trace[m].n; i++)
            if (v->trace[m].e[i].h >= lo && v->trace[m].e[i].h <= hi)
                fn(ctx, v->trace[m].e[i].value);
}

static void lowest(void *ctx, double x)
{
    double *best = ctx;
    if (isfinite(x) && x < *best)
        *best = x;
}

typedef struct {
    double best, min_excess, max;
    double *excess;
    size_t n, cap;
} spread;

static void gather(void *ctx, double x)
{
    spread *s = ctx;
    if (!isfinite(x) || x <= s->best)
        return;
    s->min_excess = fmin(s->min_excess, x - s->best);
    s->max = fmax(s->max, x);
    if (s->n < s->cap)
        s->excess[s->n++] = x - s->best;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

hpo_yscale hpo_view_yscale(const hpo_view *v)
{
    hpo_yscale s = {INFINITY, 1.0, NAN};
    each_value(v, lowest, &s.best);
    if (!isfinite(s.best))
        return s;
    double buf[512];
    spread sp = {s.best, INFINITY, s.best, buf, 0, 512};
    each_value(v, gather, &sp);
    double scale = fmax(fabs(s.best), 1e-300);
    if (!sp.n) {
        s.delta = scale * 1e-6;
        s.top = s.best + scale;
        return s;
    }
    /* The top at most ten typical (upper quartile) excesses above the best, and
     * ten times the best's size, so diverged points (1e94) do not squash
     * the rest; four decades of excess below it, the lowest point a
     * decade above the floor when it is nearer. */
    qsort(sp.excess, sp.n, sizeof *sp.excess, by_value);
    double median = sp.excess[sp.n * 3 / 4];
    if (s.best == 0.0)
        scale = median;
    s.top = fmin(sp.max, s.best + 10 * fmin(scale, median));
    s.delta = fmax(fmax(sp.min_excess / 10, (s.top - s.best) * 1e-4),
                   scale * 1e-15);
    return s;
}

double hpo_yscale_at(const hpo_yscale *s, double v)
{
    if (!isfinite(v) || !isfinite(s->top))
        return NAN;
    double lo = log10(s->delta), hi = log10(s->top - s->best + s->delta);
    double y = log10(fmax(v - s->best, 0.0) + s->delta);
    return hi > lo ? (y - lo) / (hi - lo) : 0.0;
}

double hpo_yscale_value(const hpo_yscale *s, double u)
{
    double lo = log10(s->delta), hi = log10(s->top - s->best + s->delta);
    return s->best + pow(10.0, lo + u * (hi - lo)) - s->delta;
}
