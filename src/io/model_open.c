#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_open.h"
#include "numbers.h"

model_spec model_spec_default(void)
{
    return (model_spec){.opt = data_options_default(),
                        .config = model_config_default()};
}

static int whole_file_error(data_file_error *err, const char *file,
                            const char *message)
{
    memset(err, 0, sizeof *err);
    snprintf(err->file, sizeof err->file, "%s", file);
    snprintf(err->message, sizeof err->message, "%s", message);
    return -1;
}

static int load_split(const model_type *t, const model_spec *s,
                      data_split *out, data_file_error *err)
{
    data_options o = s->opt;
    o.take = t->features;
    const char *spec = s->data ? s->data : t->default_data;
    /* Naming the default data set is not choosing other features. */
    bool default_data = !s->data || (t->default_data &&
                                     strcmp(s->data, t->default_data) == 0);
    if (default_data && !o.features)
        o.features = t->default_features;
    if (spec)
        return data_open(spec, s->max_rows, &o, out, err);
    dataset d;
    if (dataset_normal(&d, MODEL_NORMAL_ROWS, MODEL_NORMAL_INPUTS, o.seed) < 0)
        return whole_file_error(err, "N(0,1) data", "out of memory");
    data_error de;
    int rc = data_split_make(&d, &o, out, &de);
    dataset_free(&d);
    return rc < 0 ? whole_file_error(err, "N(0,1) data", de.message) : 0;
}

static int set_init(model *m, const char *path, data_file_error *err)
{
    double *v;
    size_t n;
    if (numbers_read(path, &v, &n, err) < 0)
        return -1;
    int rc = model_set_start(m, v, n);
    free(v);
    if (rc < 0) {
        char msg[160];
        snprintf(msg, sizeof msg, "%zu numbers; the %s model has %zu "
                 "parameters", n, m->type->name, m->dim);
        return whole_file_error(err, path, msg);
    }
    return 0;
}

static int set_start(model *m, const double *start, size_t n,
                     data_file_error *err)
{
    if (model_set_start(m, start, n) == 0)
        return 0;
    char msg[160];
    snprintf(msg, sizeof msg, "the %s model has %zu parameters, got %zu "
             "numbers%s", m->type->name, m->dim, n,
             m->dim > 16 ? " (give them with --init FILE)" : "");
    return whole_file_error(err, "--start", msg);
}

int model_open(const model_type *t, const model_spec *s, objective *out,
               data_file_error *err)
{
    data_split d;
    if (load_split(t, s, &d, err) < 0)
        return -1;
    char msg[200];
    model *m = model_create(t, &d, &s->config, msg, sizeof msg);
    if (!m)
        return whole_file_error(err, s->data ? s->data : t->default_data
                                ? t->default_data : "N(0,1) data", msg);
    if ((s->init && set_init(m, s->init, err) < 0) ||
        (s->start && set_start(m, s->start, s->n_start, err) < 0) ||
        model_objective(m, out) < 0) {
        model_free(m);
        return -1;
    }
    return 0;
}
