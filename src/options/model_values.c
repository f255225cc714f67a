#include <string.h>

#include "quote.h"
#include "model_values.h"
#include "suggest.h"

void model_options_default(model_options *m)
{
    memset(m, 0, sizeof *m);
    m->spec = model_spec_default();
}

static int parse_model(const char *v, const model_type **out, option_error *e)
{
    const char *names[8];
    size_t n = 0;
    for (const model_type *const *t = model_types; *t; t++)
        names[n++] = (*t)->name;
    names[n] = NULL;
    if ((*out = model_find(v)))
        return 0;
    const char *near = suggest_nearest(v, names);
    if (near)
        return option_fail(e, "--model", "unknown model '%s' (did you mean "
                           "'%s'?)", QUOTE(v), near);
    return option_fail(e, "--model", "unknown model '%s' (see 'descent list "
                       "models')", QUOTE(v));
}

int model_options_set(model_options *m, int id, const char *v,
                      option_error *e)
{
    model_spec *s = &m->spec;
    long n;
    m->data_given = m->data_given || id != MOPT_MODEL;
    switch (id) {
    case MOPT_MODEL: return parse_model(v, &m->type, e);
    case MOPT_DATA:
        if (!*v)
            return option_fail(e, "--data", "empty name (a shipped data set "
                               "or a CSV file)");
        s->data = v;
        return 0;
    case MOPT_TARGET: s->opt.target = v; return 0;
    case MOPT_FEATURES: s->opt.features = v; return 0;
    case MOPT_SPLIT:
        if (option_double(e, "--split", v, &s->opt.split) < 0)
            return -1;
        if (!(s->opt.split > 0.0 && s->opt.split <= 1.0))
            return option_fail(e, "--split", "must be above 0 and at most 1, "
                               "got %s", QUOTE(v));
        return 0;
    case MOPT_NO_SHUFFLE: s->opt.shuffle = false; return 0;
    case MOPT_BATCH: return option_count(e, "--batch", v, 1, &m->batch);
    case MOPT_HIDDEN:
        if (option_count(e, "--hidden", v, 1, &n) < 0)
            return -1;
        /* Far beyond a teaching network, and far from where the sizes of
         * its arrays could overflow. */
        if (n > 65536)
            return option_fail(e, "--hidden", "must be at most 65536, got %s",
                               QUOTE(v));
        s->config.hidden = (size_t)n;
        return 0;
    case MOPT_SCALE:
        if (strcmp(v, "standard") != 0 && !option_is_none(v))
            return option_fail(e, "--scale", "'%s' is not standard or none",
                               QUOTE(v));
        s->opt.standardize = strcmp(v, "standard") == 0;
        return 0;
    case MOPT_INIT: s->init = v; return 0;
    case MOPT_MAX_ROWS:
        if (option_count(e, "--max-rows", v, 1, &n) < 0)
            return -1;
        s->max_rows = (size_t)n;
        return 0;
    case MOPT_LAMBDA:
        if (option_double(e, "--lambda", v, &s->config.lambda) < 0)
            return -1;
        if (!(s->config.lambda >= 0.0))
            return option_fail(e, "--lambda", "must be 0 or more, got %s",
                               QUOTE(v));
        return 0;
    }
    return option_fail(e, "--model", "not a model option");
}

int model_options_build(const model_options *m, unsigned long seed,
                        const double *start, size_t n, objective *obj,
                        option_error *e)
{
    if (!m->type)
        return option_fail(e, "--model", "the model options need --model NAME");
    model_spec s = m->spec;
    s.opt.seed = s.config.seed = seed;
    s.start = start;
    s.n_start = n;
    data_file_error de;
    if (model_open(m->type, &s, obj, &de) == 0)
        return 0;
    char msg[sizeof e->message];
    data_file_error_format(&de, msg, sizeof msg);
    return option_fail(e, "", "%s", msg);
}
