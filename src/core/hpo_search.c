/* The search driver, the trace, and the two blind methods. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hpo.h"
#include "rng.h"
#include "grow.h"

static const char *const method_names[HPO_METHOD_COUNT] = {
    "grid", "random", "bayes", "gradient"};

const char *hpo_method_name(hpo_method m) { return method_names[m]; }

int hpo_method_parse(const char *name, hpo_method *m)
{
    for (int i = 0; i < HPO_METHOD_COUNT; i++)
        if (strcmp(name, method_names[i]) == 0) {
            *m = (hpo_method)i;
            return 0;
        }
    return -1;
}

void hpo_trace_free(hpo_trace *t)
{
    free(t->e);
    memset(t, 0, sizeof *t);
}

int hpo_record(const hpo_problem *p, hpo_trace *t, double h, double *value,
               double *deriv)
{
    hpo_eval *room = grow(t->e, &t->cap, t->n, sizeof *room, 64);
    if (!room)
        return -1;
    t->e = room;
    long cost = t->n ? t->e[t->n - 1].cost : 0;
    if (p->eval(p->ctx, h, value, deriv, &cost) < 0)
        return -1;
    hpo_eval e = {h, *value, h, *value, cost};
    /* A NaN (diverged) evaluation is never the best, and the first
     * number after NaNs is. */
    const hpo_eval *prev = t->n ? &t->e[t->n - 1] : NULL;
    if (prev && !isnan(prev->best) && !(e.value < prev->best)) {
        e.best = prev->best;
        e.best_h = prev->best_h;
    }
    t->e[t->n++] = e;
    return 0;
}

static int grid(const hpo_problem *p, size_t budget, hpo_trace *t)
{
    double a = log(p->lo), b = log(p->hi), v;
    for (size_t i = 0; i < budget; i++) {
        double u = budget == 1 ? 0.5 * (a + b)
                               : a + (b - a) * (double)i / (double)(budget - 1);
        /* The ends exactly as given, not as exp(log(x)) rounds them. */
        double h = budget > 1 && i == 0 ? p->lo
                   : budget > 1 && i == budget - 1 ? p->hi : exp(u);
        if (hpo_record(p, t, h, &v, NULL) < 0)
            return -1;
    }
    return 0;
}

static int random_search(const hpo_problem *p, size_t budget, uint64_t seed,
                         hpo_trace *t)
{
    rng r;
    rng_seed(&r, seed);
    double a = log(p->lo), b = log(p->hi), v;
    for (size_t i = 0; i < budget; i++)
        if (hpo_record(p, t, exp(a + (b - a) * rng_uniform(&r)), &v, NULL) < 0)
            return -1;
    return 0;
}

int hpo_search(const hpo_problem *p, const hpo_settings *s, hpo_trace *out)
{
    out->n = 0;
    switch (s->method) {
    case HPO_GRID: return grid(p, s->budget, out);
    case HPO_RANDOM: return random_search(p, s->budget, s->seed, out);
    case HPO_BAYES: return hpo_bayes(p, s, out);
    case HPO_GRADIENT: return hpo_gradient(p, s, out);
    }
    return -1;
}

long hpo_cost_to_reach(const hpo_trace *t, double target, double rel)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->e[i].best <= target * (1.0 + rel))
            return t->e[i].cost;
    return -1;
}
