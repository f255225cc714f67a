/* run_options_open: from checked values to an open objective and the
 * settings that depend on it. */
#include <string.h>

#include "method_values.h"
#include "objective_open.h"
#include "run_values.h"

void run_options_default_hd(run_options *o)
{
    if (!o->hd_beta_set)
        o->s.hd.beta = optim_hd_beta(o->s.opt, o->s.hd.mode);
}

/* What the optimiser does not take is refused by its flags, whatever it
 * is called. */
int run_options_check(const run_options *o, option_error *e)
{
    const run_settings *s = &o->s;
    unsigned caps = s->opt->caps;
    if (!(s->hd.lr_min < s->hd.lr_max))
        return option_fail(e, "--lr-min", "must be below --lr-max (%g ≥ %g)",
                           s->hd.lr_min, s->hd.lr_max);
    if (s->clip.mode != CLIP_NONE && !(caps & OPTIM_TAKES_CLIP))
        return option_fail(e, "--clip", "%s takes no clipping", s->opt->name);
    if (s->hd.mode != HD_OFF && !(caps & OPTIM_TAKES_HD))
        return option_fail(e, "--hypergrad", "%s takes no hypergradient",
                           s->opt->name);
    return method_options_check(o, e);
}

/* A model: its own start unless --start gives one, the analytic
 * gradient by default, minibatches (which need it) and the seed. */
static int open_model(run_options *o, objective *obj, option_error *e)
{
    run_settings *s = &o->s;
    if (o->objective_set)
        return option_fail(e, "--model", "give --model or --objective, not both");
    if (model_options_build(&o->model, o->seed, o->has_start ? o->start : NULL,
                            o->n_start, obj, e) != 0)
        return -1;
    s->batch = (size_t)o->model.batch;
    s->seed = o->seed;
    if (s->batch && s->opt->whole) {
        objective_free(obj);
        return option_fail(e, "--batch", "%s takes no minibatches: it works "
                           "on the whole objective", s->opt->name);
    }
    o->objective = obj->name;
    if (!o->grad_set)
        s->grad = GRAD_ANALYTIC;
    int rc = 0;
    if (!gradient_available(obj, s->grad))
        rc = option_fail(e, "--grad", "models have analytic and "
                         "central-difference gradients, not ad");
    else if (s->batch && s->grad != GRAD_ANALYTIC)
        rc = option_fail(e, "--batch", "minibatches need --grad analytic");
    if (rc < 0) {
        objective_free(obj);
        return -1;
    }
    if (o->has_view && obj->dim == 2)
        memcpy(obj->view, o->view, sizeof o->view);
    return 0;
}

const double *run_options_start(const run_options *o, const objective *obj)
{
    const model *m = model_of(obj);
    return m ? m->theta0 : o->start;
}

/* What an objective needs of the options once it is open. */
static int fit_objective(run_options *o, objective *obj, option_error *e)
{
    run_settings *s = &o->s;
    if (!o->grad_set)
        s->grad = gradient_available(obj, GRAD_ANALYTIC) ? GRAD_ANALYTIC : GRAD_AD;
    if (!gradient_available(obj, s->grad))
        return option_fail(e, "--grad", "%s gradients are not available for %s",
                           grad_method_name(s->grad), o->objective);
    if (o->has_start && o->n_start != obj->dim)
        return option_fail(e, "--start", "%s takes %zu numbers, got %zu",
                           o->objective, obj->dim, o->n_start);
    if (!o->has_start) {
        o->n_start = obj->dim < 2 ? obj->dim : 2;
        memcpy(o->start, obj->start, o->n_start * sizeof *o->start);
    }
    if (o->has_view)
        memcpy(obj->view, o->view, sizeof o->view);
    return 0;
}

/* The objective in float32 with --precision single. */
static int set_precision(const run_options *o, objective *obj, option_error *e)
{
    if (!o->single || objective_single(obj) == CORE_OK)
        return 0;
    option_fail(e, "--precision", "single precision is for built-in "
                "objectives and expressions; %s computes in double",
                model_of(obj) ? "a model" : obj->name);
    objective_free(obj);
    return -1;
}

int run_options_open(run_options *o, objective *obj, option_error *e)
{
    run_settings *s = &o->s;
    run_options_default_hd(o);
    if (!o->lr_set && s->opt->default_lr > 0.0)
        s->lr = s->opt->default_lr;
    if (run_options_check(o, e) < 0)
        return -1;
    if (o->model.type || o->model.data_given)
        return open_model(o, obj, e) < 0 ? -1 : set_precision(o, obj, e);
    objective_error oe;
    if (objective_open(o->objective, obj, &oe) < 0) {
        option_fail(e, "--objective", "%s", oe.message);
        e->column = oe.column;
        return -1;
    }
    if (set_precision(o, obj, e) < 0)
        return -1;
    if (fit_objective(o, obj, e) < 0) {
        objective_free(obj);
        return -1;
    }
    return 0;
}
