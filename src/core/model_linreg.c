/* linreg: y = w·x + b on one feature, mean squared error; 2 parameters,
 * so an exact loss surface. */
#include <stdio.h>

#include "model_impl.h"

static int linreg_prepare(model *m, const model_config *c, char *err,
                          size_t cap)
{
    (void)c, (void)err, (void)cap;
    set_block(m, 0, "w", 1, 1, 1, false);
    set_block(m, 1, "b", 1, 1, 1, true);
    snprintf(m->formula, sizeof m->formula, "mean((w·%s + b - %s)²)",
             m->data.features[0], m->data.target);
    return 0;
}

const model_type model_linreg = {
    .name = "linreg",
    .title = "linear regression y = w·x + b on one feature, MSE",
    .features = 1,
    .default_data = "diabetes",
    .default_features = "bmi",
    .prepare = linreg_prepare,
    .work = no_work,
    .loss = linear_mse_loss,
    .hvp = linear_mse_hvp,
};
