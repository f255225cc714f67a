#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "quote.h"
#include "rng.h"
#include "suggest.h"

int dataset_alloc(dataset *d, size_t rows, size_t cols)
{
    d->rows = rows;
    d->cols = cols;
    d->names = calloc(cols, sizeof *d->names);
    d->v = calloc(rows * cols + 1, sizeof *d->v);
    if (!d->names || !d->v) {
        dataset_free(d);
        return -1;
    }
    return 0;
}

/* Frees an array of n strings (NULL entries allowed) and the array. */
static void free_names(char **names, size_t n)
{
    for (size_t c = 0; names && c < n; c++)
        free(names[c]);
    free(names);
}

void dataset_free(dataset *d)
{
    free_names(d->names, d->cols);
    free(d->v);
    d->names = NULL;
    d->v = NULL;
}

int dataset_column(const dataset *d, const char *name)
{
    for (size_t c = 0; c < d->cols; c++)
        if (strcmp(d->names[c], name) == 0)
            return (int)c;
    return -1;
}

int dataset_normal(dataset *d, size_t rows, size_t inputs, uint64_t seed)
{
    if (dataset_alloc(d, rows, inputs + 1) < 0)
        return -1;
    for (size_t c = 0; c <= inputs; c++) {
        char name[32];
        if (c < inputs)
            snprintf(name, sizeof name, "x%zu", c);
        else
            snprintf(name, sizeof name, "y");
        if (!(d->names[c] = strdup(name))) {
            dataset_free(d);
            return -1;
        }
    }
    rng r;
    rng_seed(&r, seed);
    for (size_t i = 0; i < rows * (inputs + 1); i++)
        d->v[i] = rng_normal(&r);
    return 0;
}

data_options data_options_default(void)
{
    return (data_options){.split = 0.8, .shuffle = true, .seed = 0,
                          .standardize = true};
}

/* A name from the command line in a message, narrow enough that the
 * hint still fits in data_error's message. */
enum { NAME_SHOWN = 32, HINT_WIDTH = 110 };
#define QUOTE_NAME(s) QUOTE_WIDTH((s), strlen(s), NAME_SHOWN)

static int fail(data_error *err, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err->column = column;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

/* " (did you mean 'X'? columns: a, b, ...)" for a name not among d's
 * columns, into buf; the list is cut to fit a message. */
static const char *column_hint(const dataset *d, const char *name, char *buf,
                               size_t cap)
{
    const char *near = NULL;
    size_t best = (size_t)-1, dist;
    for (size_t c = 0; c < d->cols; c++)
        if (suggest_near(name, strlen(name), d->names[c], &dist) &&
            dist < best)
            best = dist, near = d->names[c];
    size_t n = (size_t)snprintf(buf, cap, " (%s%s%scolumns:", near ?
                                "did you mean '" : "", near ? near : "",
                                near ? "'? " : "");
    for (size_t c = 0; c < d->cols && n < cap; c++) {
        const char *sep = c ? ", " : " ";
        /* Room for this name, and for the mark of a cut after it. */
        size_t reserve = c + 1 < d->cols ? 12 : 1;
        if (n + strlen(sep) + strlen(d->names[c]) + reserve > HINT_WIDTH) {
            n += (size_t)snprintf(buf + n, cap - n, ", … (%zu)", d->cols);
            break;
        }
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", sep, d->names[c]);
    }
    if (n < cap)
        snprintf(buf + n, cap - n, ")");
    return buf;
}

/* The feature columns from o->features, or the defaults. cols has room
 * for d->cols entries; returns how many, or -1. */
static int pick_features(const dataset *d, const data_options *o, int target,
                         int *cols, data_error *err)
{
    int p = 0;
    if (!o->features) {
        for (size_t c = 0; c < d->cols; c++)
            if ((int)c != target && (o->take == 0 || (size_t)p < o->take))
                cols[p++] = (int)c;
        if (o->take && (size_t)p < o->take)
            return fail(err, -1, "the model needs %zu feature columns; the "
                        "data has %d besides the target", o->take, p);
        return p;
    }
    char *list = strdup(o->features);
    if (!list)
        return fail(err, -1, "out of memory");
    char *save = NULL, hint[HINT_WIDTH + 8];
    for (char *tok = strtok_r(list, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        int c = dataset_column(d, tok), rc = 0;
        if (c < 0)
            rc = fail(err, -1, "unknown feature '%s'%s", QUOTE_NAME(tok),
                      column_hint(d, tok, hint, sizeof hint));
        else if (c == target)
            rc = fail(err, c, "feature '%s' is the target", tok);
        for (int k = 0; rc == 0 && k < p; k++)
            if (cols[k] == c)
                rc = fail(err, c, "feature '%s' named twice", tok);
        if (rc < 0) {
            free(list);
            return -1;
        }
        cols[p++] = c;
    }
    free(list);
    if (p == 0)
        return fail(err, -1, "no features given");
    if (o->take && (size_t)p != o->take)
        return fail(err, -1, "the model takes %zu feature%s, %d given",
                    o->take, o->take == 1 ? "" : "s", p);
    return p;
}

static int alloc_split(data_split *s, size_t p)
{
    size_t n = s->n_train + s->n_val;
    s->x_train = malloc((n * p + 1) * sizeof *s->x_train);
    s->y_train = malloc((n + 1) * sizeof *s->y_train);
    s->features = calloc(p, sizeof *s->features);
    s->mean = malloc(2 * p * sizeof *s->mean);
    if (!s->x_train || !s->y_train || !s->features || !s->mean)
        return -1;
    s->x_val = s->x_train + s->n_train * p;
    s->y_val = s->y_train + s->n_train;
    s->sd = s->mean + p;
    return 0;
}

/* Mean and population sd of column c over the first n rows (two passes,
 * for accuracy). */
static void column_stats(const double *x, size_t n, size_t p, size_t c,
                         double *mean, double *sd)
{
    double m = 0.0, ss = 0.0;
    for (size_t i = 0; i < n; i++)
        m += x[i * p + c];
    m /= (double)n;
    for (size_t i = 0; i < n; i++)
        ss += (x[i * p + c] - m) * (x[i * p + c] - m);
    *mean = m;
    *sd = sqrt(ss / (double)n);
}

static int too_large(data_error *err, int col, const char *name)
{
    return fail(err, col, "column '%s' has values too large to standardise "
                "(use --scale none)", QUOTE_NAME(name));
}

static int standardize(data_split *s, const int *cols, data_error *err)
{
    size_t p = s->p, n = s->n_train + s->n_val;
    for (size_t c = 0; c < p; c++) {
        column_stats(s->x_train, s->n_train, p, c, &s->mean[c], &s->sd[c]);
        if (!isfinite(s->mean[c]) || !isfinite(s->sd[c]))
            return too_large(err, cols[c], s->features[c]);
        /* A column equal to within rounding is constant too: dividing by
         * its sd would blow rounding noise up to unit size. */
        if (!(s->sd[c] > 1e-12 * fmax(1.0, fabs(s->mean[c]))))
            return fail(err, cols[c], "column '%s' is constant over the "
                        "training rows: it cannot be standardised (drop it "
                        "with --features or use --scale none)",
                        QUOTE_NAME(s->features[c]));
        /* A validation row far outside the training rows' scale (1e308
         * against values near 1) overflows on the way. */
        for (size_t i = 0; i < n; i++) {
            double *x = &s->x_train[i * p + c];
            if (!isfinite(*x = (*x - s->mean[c]) / s->sd[c]))
                return too_large(err, cols[c], s->features[c]);
        }
    }
    return 0;
}

int data_split_make(const dataset *d, const data_options *o, data_split *out,
                    data_error *err)
{
    memset(out, 0, sizeof *out);
    if (d->rows == 0 || d->cols < 2)
        return fail(err, -1, "the data needs a target and at least one "
                    "feature column, and at least one row");
    int target = (int)d->cols - 1;
    if (o->target && (target = dataset_column(d, o->target)) < 0)
        return fail(err, -1, "no target column '%s'%s", QUOTE_NAME(o->target),
                    column_hint(d, o->target, (char[HINT_WIDTH + 8]){""},
                                HINT_WIDTH + 8));
    int *cols = malloc(d->cols * sizeof *cols);
    if (!cols)
        return fail(err, -1, "out of memory");
    int p = pick_features(d, o, target, cols, err);
    size_t n = d->rows;
    size_t n_train = (size_t)floor(o->split * (double)n + 0.5);
    size_t *order = p > 0 ? malloc(n * sizeof *order) : NULL;
    int rc = -1;
    if (p < 0)
        goto out;
    if (!(o->split > 0.0 && o->split <= 1.0) || n_train == 0) {
        fail(err, -1, "a split of %g leaves no training rows", o->split);
        goto out;
    }
    out->p = (size_t)p;
    out->n_train = n_train > n ? n : n_train;
    out->n_val = n - out->n_train;
    out->standardized = o->standardize;
    if (!order || alloc_split(out, out->p) < 0 ||
        !(out->target = strdup(d->names[target]))) {
        fail(err, -1, "out of memory");
        goto out;
    }
    for (size_t c = 0; c < out->p; c++) {
        out->mean[c] = 0.0;
        out->sd[c] = 1.0;
        if (!(out->features[c] = strdup(d->names[cols[c]]))) {
            fail(err, -1, "out of memory");
            goto out;
        }
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    if (o->shuffle) {
        rng r;
        rng_seed(&r, o->seed);
        rng_shuffle(&r, order, n);
    }
    for (size_t i = 0; i < n; i++) {
        const double *row = d->v + order[i] * d->cols;
        for (size_t c = 0; c < out->p; c++)
            out->x_train[i * out->p + c] = row[cols[c]];
        out->y_train[i] = row[target];
    }
    rc = o->standardize ? standardize(out, cols, err) : 0;
out:
    if (rc < 0)
        data_split_free(out);
    free(order);
    free(cols);
    return rc;
}

void data_split_free(data_split *s)
{
    free_names(s->features, s->p);
    free(s->x_train);
    free(s->y_train);
    free(s->mean);
    free(s->target);
    memset(s, 0, sizeof *s);
}
