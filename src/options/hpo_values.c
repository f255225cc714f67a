#include <stdio.h>
#include <string.h>

#include "hpo_values.h"
#include "model.h"
#include "quote.h"

const option_entry hpo_search_options[] = {HPO_CLI_OPTIONS, {NULL, false, 0}};

void hpo_options_default(hpo_options *o)
{
    *o = (hpo_options){.method = -1, .budget = 30, .grid = 101,
                       .steps = 100, .opt = &optim_sgd};
}

static int parse_range(option_error *e, const char *v, double *r)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", v);
    char *colon = strchr(buf, ':');
    if (!colon)
        return option_fail(e, "--range", "'%s' is not of the form LO:HI",
                           QUOTE(v));
    *colon = 0;
    if (option_double(e, "--range", buf, &r[0]) < 0 ||
        option_double(e, "--range", colon + 1, &r[1]) < 0)
        return -1;
    if (!(r[0] > 0 && r[0] < r[1]))
        return option_fail(e, "--range", "needs 0 < LO < HI, got %s",
                           QUOTE(v));
    return 0;
}

/* An evaluation count: 1..HPO_MAX_EVALS, refused before any work. */
static int evaluations(option_error *e, const char *where, const char *v,
                       long *out)
{
    if (option_count(e, where, v, 1, out) < 0)
        return -1;
    if (*out > HPO_MAX_EVALS)
        return option_fail(e, where, "must be 1 to %d, got %s", HPO_MAX_EVALS,
                           QUOTE(v));
    return 0;
}

int hpo_options_set(hpo_options *o, int id, const char *v, option_error *e)
{
    hpo_method m;
    double range[2];
    switch (id) {
    case HOPT_OVER:
        if (strcmp(v, "lambda") != 0 && strcmp(v, "lr") != 0)
            return option_fail(e, "--over", "'%s' is not lambda or lr",
                               QUOTE(v));
        o->lr = strcmp(v, "lr") == 0;
        return 0;
    case HOPT_METHOD:
        if (strcmp(v, "all") == 0)
            return o->method = -1, 0;
        if (hpo_method_parse(v, &m) < 0)
            return option_fail(e, "--method", "'%s' is not grid, random, "
                               "bayes, gradient or all", QUOTE(v));
        return o->method = (int)m, 0;
    case HOPT_BUDGET: return evaluations(e, "--budget", v, &o->budget);
    case HOPT_GRID: return evaluations(e, "--grid", v, &o->grid);
    case HOPT_RANGE:
        if (parse_range(e, v, range) < 0)
            return -1;
        o->range[0] = range[0];
        o->range[1] = range[1];
        o->range_set = true;
        return 0;
    case HOPT_OPTIMIZER:
        if (!(o->opt = optimizer_find(v)))
            return option_fail(e, "--optimizer", "unknown optimizer '%s' (see "
                               "'descent list optimizers')", QUOTE(v));
        return 0;
    case HOPT_STEPS: return option_count(e, "--steps", v, 1, &o->steps);
    }
    return option_fail(e, "", "not an option of hpo");
}

void hpo_options_range(const hpo_options *o, double *lo, double *hi)
{
    *lo = o->range_set ? o->range[0] : o->lr ? 1e-4 : 1e-3;
    *hi = o->range_set ? o->range[1] : o->lr ? 1.0 : 1e5;
}

bool hpo_options_searches(const hpo_options *o, int m)
{
    return o->method < 0 || m == o->method || m == HPO_GRID;
}

/* On failure s holds nothing to free. */
int hpo_setup_open(hpo_setup *s, const hpo_options *o, const objective *obj,
                   uint64_t seed, option_error *e)
{
    memset(s, 0, sizeof *s);
    s->o = *o;
    s->seed = seed;
    hpo_options_range(o, &s->lo, &s->hi);
    const model *m = model_of(obj);
    if (!m)
        return option_fail(e, "--model", "a search needs a model");
    if (!o->lr && m->type != &model_ridge)
        return option_fail(e, "--model", "--over lambda needs --model ridge");
    if ((o->method < 0 || o->method == HPO_BAYES) &&
        o->budget > HPO_BAYES_MAX_EVALS)
        return option_fail(e, "--budget", "Bayesian search takes at most %d "
                           "evaluations (its model costs n³ each); leave it "
                           "out with --method grid, random or gradient",
                           HPO_BAYES_MAX_EVALS);
    if (m->data.n_val == 0)
        return option_fail(e, "--split", "the search needs validation rows: "
                           "a split below 1");
    if (o->lr) {
        lr_hpo_init(&s->lr, obj, o->opt, o->steps);
        s->p = lr_hpo_problem(&s->lr, s->lo, s->hi);
        return 0;
    }
    char err[256];
    if (ridge_hpo_init(&s->ridge, m, err, sizeof err) < 0) {
        memset(s, 0, sizeof *s); /* freed by ridge_hpo_init */
        return option_fail(e, "--model", "%s", err);
    }
    s->p = ridge_hpo_problem(&s->ridge, s->lo, s->hi);
    return 0;
}

void hpo_setup_free(hpo_setup *s)
{
    if (!s->o.lr && s->ridge.m)
        ridge_hpo_free(&s->ridge);
    memset(s, 0, sizeof *s);
}

int hpo_setup_search(const hpo_setup *s, hpo_method m, hpo_trace *t)
{
    hpo_settings set = {m, (size_t)(m == HPO_GRID ? s->o.grid : s->o.budget),
                        s->seed, 0.0};
    return hpo_search(&s->p, &set, t) < 0 || t->n == 0 ? -1 : 0;
}

int hpo_setup_search_all(const hpo_setup *s, hpo_trace t[HPO_METHOD_COUNT],
                         const char **failed)
{
    return hpo_setup_search_only(s, t, ~0u, failed);
}

int hpo_setup_search_only(const hpo_setup *s, hpo_trace t[HPO_METHOD_COUNT],
                          unsigned mask, const char **failed)
{
    for (int m = 0; m < HPO_METHOD_COUNT; m++) {
        t[m].n = 0;
        if ((mask >> m & 1u) && hpo_options_searches(&s->o, m) &&
            hpo_setup_search(s, (hpo_method)m, &t[m]) < 0) {
            *failed = hpo_method_name((hpo_method)m);
            return -1;
        }
    }
    return 0;
}
