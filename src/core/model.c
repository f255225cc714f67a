/* What every model shares: creation, parameters, the training objective
 * F = scale·L + λ‖θ‖² on all rows or a minibatch, and metrics. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_impl.h"

const model_type *const model_types[] = {
    &model_linreg, &model_logreg, &model_softmax, &model_mlp, &model_ridge,
    NULL};

const model_type *model_find(const char *name)
{
    for (const model_type *const *t = model_types; *t; t++)
        if (strcmp((*t)->name, name) == 0)
            return *t;
    return NULL;
}

model_config model_config_default(void)
{
    return (model_config){.hidden = 64, .lambda = 1.0, .seed = 0};
}

/* nn.Linear's default: kaiming_uniform_(a=√5) gives the weights
 * U(-1/√fan_in, 1/√fan_in), and its biases use the same bound. */
static void init_default(model *m, uint64_t seed)
{
    rng r;
    rng_seed(&r, seed);
    double *t = m->theta0;
    for (size_t b = 0; b < m->n_blocks; b++) {
        const model_block *k = &m->blocks[b];
        double bound = 1.0 / sqrt((double)k->fan_in);
        for (size_t i = 0; i < k->rows * k->cols; i++)
            *t++ = bound * (2.0 * rng_uniform(&r) - 1.0);
    }
}

model *model_create(const model_type *t, data_split *data,
                    const model_config *c, char *err, size_t cap)
{
    model *m = calloc(1, sizeof *m);
    if (!m) {
        snprintf(err, cap, "out of memory");
        data_split_free(data);
        return NULL;
    }
    m->type = t;
    m->data = *data;
    memset(data, 0, sizeof *data);
    m->scale = 1.0;
    if (t->features && m->data.p != t->features) {
        snprintf(err, cap, "%s takes %zu feature%s, not %zu", t->name,
                 t->features, t->features == 1 ? "" : "s", m->data.p);
        model_free(m);
        return NULL;
    }
    if (t->prepare(m, c, err, cap) < 0) {
        model_free(m);
        return NULL;
    }
    for (size_t b = 0; b < m->n_blocks; b++)
        m->dim += m->blocks[b].rows * m->blocks[b].cols;
    size_t n = m->data.n_train > m->data.n_val ? m->data.n_train
                                               : m->data.n_val;
    m->theta0 = malloc(m->dim * sizeof *m->theta0);
    /* Aligned for the kernels' vectors of 8 doubles (simd.h). */
    size_t work = (t->work(m, n) + 8) / 8 * 8;
    m->work = aligned_alloc(64, work * sizeof *m->work);
    m->batch_x = malloc((m->data.p + 1) * m->data.n_train * sizeof *m->batch_x);
    if (!m->theta0 || !m->work || !m->batch_x) {
        snprintf(err, cap, "out of memory");
        model_free(m);
        return NULL;
    }
    m->batch_y = m->batch_x + m->data.p * m->data.n_train;
    init_default(m, c->seed);
    return m;
}

void model_free(model *m)
{
    if (!m)
        return;
    data_split_free(&m->data);
    free(m->class_values);
    free(m->theta0);
    free(m->work);
    free(m->batch_x);
    free(m);
}

int model_set_start(model *m, const double *theta, size_t n)
{
    if (n != m->dim)
        return -1;
    memcpy(m->theta0, theta, n * sizeof *theta);
    return 0;
}

void model_param_name(const model *m, size_t i, char *buf, size_t cap)
{
    for (size_t b = 0; b < m->n_blocks; b++) {
        const model_block *k = &m->blocks[b];
        size_t size = k->rows * k->cols;
        if (i >= size) {
            i -= size;
            continue;
        }
        if (size == 1)
            snprintf(buf, cap, "%s", k->name);
        else if (k->rows == 1)
            snprintf(buf, cap, "%s[%zu]", k->name, i);
        else
            snprintf(buf, cap, "%s[%zu][%zu]", k->name, i / k->cols,
                     i % k->cols);
        return;
    }
    snprintf(buf, cap, "?");
}

/* F from L and ∇L (already in g): the scale and the penalty (none for
 * most models: then L is F as it is). */
double model_finish(const model *m, const double *theta, double loss,
                    double *g)
{
    if (m->lambda == 0.0 && m->scale == 1.0)
        return loss;
    double ss = 0.0;
    for (size_t i = 0; i < m->dim; i++) {
        ss += theta[i] * theta[i];
        if (g)
            g[i] = m->scale * g[i] + 2.0 * m->lambda * theta[i];
    }
    return m->scale * loss + m->lambda * ss;
}

double model_train(const model *m, const double *theta, double *g)
{
    double loss = m->type->loss(m, theta, m->data.x_train, m->data.y_train,
                                m->data.n_train, g);
    return model_finish(m, theta, loss, g);
}

double model_batch(const model *m, const double *theta, const size_t *rows,
                   size_t n, double *g)
{
    size_t p = m->data.p;
    for (size_t i = 0; i < n; i++) {
        memcpy(m->batch_x + i * p, m->data.x_train + rows[i] * p,
               p * sizeof *m->batch_x);
        m->batch_y[i] = m->data.y_train[rows[i]];
    }
    double loss = m->type->loss(m, theta, m->batch_x, m->batch_y, n, g);
    return model_finish(m, theta, loss, g);
}

int model_central(const model *m, const double *theta, double h, double *g)
{
    if (!m->type->central)
        return -1;
    m->type->central(m, theta, h, m->data.x_train, m->data.y_train,
                     m->data.n_train, g);
    for (size_t i = 0; i < m->dim && (m->scale != 1.0 || m->lambda != 0.0);
         i++) {
        /* λ(u² - d²)/(u - d) = λ(u + d). */
        double up = theta[i] + h, down = theta[i] - h;
        g[i] = m->scale * g[i] + m->lambda * (up + down);
    }
    return 0;
}

void model_hvp(const model *m, const double *theta, const double *v,
               double *hv)
{
    m->type->hvp(m, theta, v, m->data.x_train, m->data.y_train,
                 m->data.n_train, hv);
    for (size_t i = 0; i < m->dim; i++)
        hv[i] = m->scale * hv[i] + 2.0 * m->lambda * v[i];
}

double model_val_loss(const model *m, const double *theta, double *g)
{
    if (m->data.n_val == 0)
        return NAN;
    return m->type->loss(m, theta, m->data.x_val, m->data.y_val,
                         m->data.n_val, g);
}

/* The fraction of rows whose predicted class is the target's. */
static double accuracy(const model *m, const double *theta, const double *x,
                       const double *y, size_t n)
{
    if (n == 0)
        return NAN;
    size_t *cls = malloc(n * sizeof *cls);
    if (!cls)
        return NAN;
    m->type->predict(m, theta, x, n, cls);
    size_t right = 0;
    for (size_t i = 0; i < n; i++)
        right += (double)cls[i] == y[i];
    free(cls);
    return (double)right / (double)n;
}

model_metrics model_evaluate(const model *m, const double *theta)
{
    model_metrics r = {model_val_loss(m, theta, NULL), NAN, NAN};
    if (m->type->classifier) {
        const data_split *d = &m->data;
        r.train_acc = accuracy(m, theta, d->x_train, d->y_train, d->n_train);
        r.val_acc = accuracy(m, theta, d->x_val, d->y_val, d->n_val);
    }
    return r;
}

void set_block(model *m, size_t k, const char *name, size_t rows,
               size_t cols, size_t fan_in, bool bias)
{
    m->blocks[k] = (model_block){name, rows, cols, fan_in, bias};
    if (m->n_blocks < k + 1)
        m->n_blocks = k + 1;
}
