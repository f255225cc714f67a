/* logreg: binary logistic regression on two features, no bias (2
 * parameters). The target's first class (its smallest value) is 0 and
 * every other class 1: on iris, setosa against the others.
 * L = mean(softplus(z) - y z), z = x·w; ∇L = mean((σ(z) - y) x);
 * ∇²L v = mean(σ(z)(1 - σ(z)) (x·v) x). */
#include <math.h>
#include <stdio.h>

#include "model_impl.h"

static int logreg_prepare(model *m, const model_config *c, char *err,
                          size_t cap)
{
    (void)c;
    if (classes_from_target(m, (size_t)-1, err, cap) < 0)
        return -1;
    data_split *d = &m->data;
    for (size_t i = 0; i < d->n_train + d->n_val; i++)
        d->y_train[i] = d->y_train[i] > 0.0;
    m->classes = 2;
    set_block(m, 0, "w", 1, 2, 2, false);
    snprintf(m->formula, sizeof m->formula,
             "cross-entropy of σ(w0·%s + w1·%s): %s ≠ %g", d->features[0],
             d->features[1], d->target, m->class_values[0]);
    return 0;
}

static double dot2(const double *a, const double *b)
{
    return a[0] * b[0] + a[1] * b[1];
}

/* log(1 + e^z) without overflow. */
static double softplus(double z) { return fmax(z, 0.0) + log1p(exp(-fabs(z))); }

static double sigmoid(double z)
{
    return z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
}

static double logreg_loss(const model *m, const double *w, const double *x,
                          const double *y, size_t n, double *g)
{
    (void)m;
    double sum = 0.0;
    if (g)
        g[0] = g[1] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double *row = x + 2 * i;
        double z = dot2(row, w);
        sum += softplus(z) - y[i] * z;
        if (g) {
            double r = (sigmoid(z) - y[i]) / (double)n;
            g[0] += r * row[0];
            g[1] += r * row[1];
        }
    }
    return sum / (double)n;
}

static void logreg_hvp(const model *m, const double *w, const double *v,
                       const double *x, const double *y, size_t n, double *hv)
{
    (void)m, (void)y;
    hv[0] = hv[1] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double *row = x + 2 * i;
        double s = sigmoid(dot2(row, w));
        double c = s * (1.0 - s) * dot2(row, v) / (double)n;
        hv[0] += c * row[0];
        hv[1] += c * row[1];
    }
}

static void logreg_predict(const model *m, const double *w, const double *x,
                           size_t n, size_t *cls)
{
    (void)m;
    for (size_t i = 0; i < n; i++)
        cls[i] = dot2(x + 2 * i, w) > 0.0;
}

const model_type model_logreg = {
    .name = "logreg",
    .title = "binary logistic regression on two features, no bias",
    .features = 2,
    .classifier = true,
    .default_data = "iris",
    .default_features = "sepal_length,sepal_width",
    .prepare = logreg_prepare,
    .work = no_work,
    .loss = logreg_loss,
    .hvp = logreg_hvp,
    .predict = logreg_predict,
};
