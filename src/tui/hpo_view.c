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
