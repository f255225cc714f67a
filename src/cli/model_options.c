#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model_options.h"

const char model_options_help[] =
    "  --model NAME            a model instead of --objective: linreg logreg\n"
    "                          softmax mlp ridge (see 'descent list models')\n"
    "  --data NAME|FILE.csv    a shipped data set or a CSV file (default: the\n"
    "                          model's; mlp: 100 rows of N(0,1) data)\n"
    "  --target COL            the target column (default: the last)\n"
    "  --features A,B,...      feature columns (default: the others)\n"
    "  --split F               training fraction, 0 < F ≤ 1 (default 0.8)\n"
    "  --no-shuffle            split in file order (default: shuffled by --seed)\n"
    "  --batch N               minibatch size (default: full batch)\n"
    "  --hidden N              mlp width (default 64)\n"
    "  --scale standard|none   standardise features on the training rows\n"
    "                          (default standard)\n"
    "  --init FILE             initial parameters, in the model's order\n"
    "  --max-rows N            read at most N rows (default: more than 1e6 is\n"
    "                          an error)\n"
    "  --lambda L              ridge's penalty λ ≥ 0 (default 1)\n";

void model_options_default(model_options *m)
{
    memset(m, 0, sizeof *m);
    m->spec = model_spec_default();
}

static int count(const char *where, const char *v, long min, long *out)
{
    if (cli_long(where, v, out) < 0)
        return -1;
    if (*out < min)
        return cli_error(where, "must be at least %ld, got %s", min, v), -1;
    return 0;
}

static int parse_model(const char *v, const model_type **out)
{
    const char *names[8];
    size_t n = 0;
    for (const model_type *const *t = model_types; *t; t++)
        names[n++] = (*t)->name;
    names[n] = NULL;
    if ((*out = model_find(v)))
        return 0;
    const char *near = cli_suggest(v, names);
    if (near)
        cli_error("--model", "unknown model '%s' (did you mean '%s'?)", v, near);
    else
        cli_error("--model", "unknown model '%s' (see 'descent list models')", v);
    return -1;
}

int model_options_apply(model_options *m, int id, const char *v)
{
    model_spec *s = &m->spec;
    long n;
    m->data_given = m->data_given || id != MOPT_MODEL;
    switch (id) {
    case MOPT_MODEL: return parse_model(v, &m->type);
    case MOPT_DATA: s->data = v; return 0;
    case MOPT_TARGET: s->opt.target = v; return 0;
    case MOPT_FEATURES: s->opt.features = v; return 0;
    case MOPT_SPLIT:
        if (cli_double("--split", v, &s->opt.split) < 0)
            return -1;
        if (!(s->opt.split > 0.0 && s->opt.split <= 1.0))
            return cli_error("--split", "must be above 0 and at most 1, got "
                             "%s", v), -1;
        return 0;
    case MOPT_NO_SHUFFLE: s->opt.shuffle = false; return 0;
    case MOPT_BATCH: return count("--batch", v, 1, &m->batch);
    case MOPT_HIDDEN:
        if (count("--hidden", v, 1, &n) < 0)
            return -1;
        s->config.hidden = (size_t)n;
        return 0;
    case MOPT_SCALE:
        if (strcmp(v, "standard") != 0 && strcmp(v, "none") != 0)
            return cli_error("--scale", "'%s' is not standard or none", v), -1;
        s->opt.standardize = strcmp(v, "standard") == 0;
        return 0;
    case MOPT_INIT: s->init = v; return 0;
    case MOPT_MAX_ROWS:
        if (count("--max-rows", v, 1, &n) < 0)
            return -1;
        s->max_rows = (size_t)n;
        return 0;
    case MOPT_LAMBDA:
        if (cli_double("--lambda", v, &s->config.lambda) < 0)
            return -1;
        if (!(s->config.lambda >= 0.0))
            return cli_error("--lambda", "must be 0 or more, got %s", v), -1;
        return 0;
    }
    return -1;
}

int model_options_open(model_options *m, unsigned long seed,
                       const double *start, size_t n, objective *obj)
{
    if (!m->type)
        return cli_error("--model", "the model options need --model NAME");
    model_spec s = m->spec;
    s.opt.seed = s.config.seed = seed;
    s.start = start;
    s.n_start = n;
    data_file_error e;
    if (model_open(m->type, &s, obj, &e) == 0)
        return 0;
    char msg[1024];
    data_file_error_format(&e, msg, sizeof msg);
    fprintf(stderr, "descent: %s\n", msg);
    return EXIT_USAGE;
}

static void column(const char **names, double *values, size_t *k,
                   const char *name, double v)
{
    names[*k] = name;
    if (values)
        values[*k] = v;
    ++*k;
}

void model_trace_extra(const model *m, bool batch, const run *r,
                       const char **names, double *values)
{
    model_metrics x = r ? model_evaluate(m, r->theta)
                        : (model_metrics){NAN, NAN, NAN};
    size_t k = 0;
    if (m->data.n_val)
        column(names, values, &k, "val_loss", x.val_loss);
    if (m->type->classifier)
        column(names, values, &k, "train_acc", x.train_acc);
    if (m->type->classifier && m->data.n_val)
        column(names, values, &k, "val_acc", x.val_acc);
    if (batch)
        column(names, values, &k, "batch_loss", r ? r->batch_loss : NAN);
    names[k] = NULL;
}
