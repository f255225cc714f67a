/* ridge: least squares with an L2 penalty, F = ‖Xw - y‖² + λ‖w‖² (sums,
 * no intercept: the target is centred with its training mean, so the
 * validation MSE of x·w against the centred target is in target units). */
#include <stdio.h>

#include "model_impl.h"

static int ridge_prepare(model *m, const model_config *c, char *err,
                         size_t cap)
{
    data_split *d = &m->data;
    if (!(c->lambda >= 0.0)) {
        snprintf(err, cap, "ridge needs λ ≥ 0, not %g", c->lambda);
        return -1;
    }
    double mean = 0.0;
    for (size_t i = 0; i < d->n_train; i++)
        mean += d->y_train[i];
    mean /= (double)d->n_train;
    for (size_t i = 0; i < d->n_train + d->n_val; i++)
        d->y_train[i] -= mean; /* y_val follows y_train in one block */
    m->y_offset = mean;
    m->scale = (double)d->n_train;
    m->lambda = c->lambda;
    set_block(m, 0, "w", 1, d->p, d->p, false);
    snprintf(m->formula, sizeof m->formula,
             "‖Xw - y‖² + λ‖w‖², λ = %g (%s, centred)", c->lambda, d->target);
    return 0;
}

const model_type model_ridge = {
    .name = "ridge",
    .title = "ridge regression: ‖Xw - y‖² + λ‖w‖², no intercept",
    .default_data = "diabetes",
    .prepare = ridge_prepare,
    .work = no_work,
    .loss = linear_mse_loss,
    .hvp = linear_mse_hvp,
};
