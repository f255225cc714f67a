#include "hpo_lr.h"

static double val_loss(const void *ctx, const double *theta, double *g)
{
    return model_val_loss(ctx, theta, g);
}

void lr_hpo_init(lr_hpo *l, const objective *obj, const optimizer_type *opt,
                 long steps)
{
    const model *m = model_of(obj);
    *l = (lr_hpo){
        .p = {.train = obj, .opt = opt, .op = optim_params_default(),
              .steps = steps, .outer = val_loss, .outer_ctx = m},
        .start = m->theta0,
    };
}

static int eval(void *ctx, double h, double *value, double *deriv, long *cost)
{
    lr_hpo *l = ctx;
    ++*cost;
    if (!deriv) {
        *value = lr_loss(&l->p, l->start, h);
        return 0;
    }
    lr_result r;
    if (lr_hypergrad(&l->p, l->start, h, &r) < 0)
        return -1;
    *value = r.loss;
    *deriv = r.dloss;
    return 0;
}

hpo_problem lr_hpo_problem(lr_hpo *l, double lo, double hi)
{
    return (hpo_problem){eval, l, lo, hi};
}
