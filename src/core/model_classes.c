/* Class labels for the classifiers: distinct target values, sorted. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_impl.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static size_t class_of(const double *values, size_t k, double y)
{
    const double *at = bsearch(&y, values, k, sizeof *values, cmp_double);
    return (size_t)(at - values);
}

int classes_from_target(model *m, size_t max_classes, char *err, size_t cap)
{
    data_split *d = &m->data;
    size_t n = d->n_train + d->n_val; /* y_val follows y_train */
    double *v = malloc(n * sizeof *v);
    if (!v) {
        snprintf(err, cap, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (d->y_train[i] != floor(d->y_train[i])) {
            snprintf(err, cap, "target '%s' has the value %g: a class "
                     "label must be a whole number", d->target, d->y_train[i]);
            free(v);
            return -1;
        }
        v[i] = d->y_train[i];
    }
    qsort(v, n, sizeof *v, cmp_double);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || v[i] != v[k - 1])
            v[k++] = v[i];
    if (k < 2 || k > max_classes) {
        snprintf(err, cap, "target '%s' has %zu distinct value%s: %s needs "
                 "2 to %zu classes", d->target, k, k == 1 ? "" : "s",
                 m->type->name, max_classes);
        free(v);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        d->y_train[i] = (double)class_of(v, k, d->y_train[i]);
    m->classes = k;
    m->class_values = v;
    return 0;
}
