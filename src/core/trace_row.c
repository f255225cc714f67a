#include <math.h>

#include "model.h"
#include "trace_row.h"
#include "vec.h"

void trace_row_of(trace_row *row, const run *r)
{
    *row = (trace_row){
        .step = r->step, .loss = r->loss, .grad_norm = r->grad_norm,
        .clipped = r->last.clipped, .lr = r->lr,
        .hypergrad = r->last.hypergrad, .lr_clamped = r->last.lr_clamped,
        .update_norm = r->last.update_norm,
        .val_loss = NAN, .train_acc = NAN, .val_acc = NAN,
        .batch_loss = r->batch_loss, .evals = r->evals, .gevals = r->gevals,
        .clip_scale = r->last.clip_scale,
        .gclip_norm = r->step > 0 ? sqrt(vec_dot(r->g_clipped, r->g_clipped,
                                                 r->n))
                                  : 0.0,
        .theta = {r->theta[0], r->n > 1 ? r->theta[1] : 0.0}};
}

void trace_row_metrics(trace_row *row, const run *r)
{
    const model *m = model_of(r->obj);
    if (!m)
        return;
    model_metrics x = model_evaluate(m, r->theta);
    row->val_loss = x.val_loss;
    row->train_acc = x.train_acc;
    row->val_acc = x.val_acc;
}
