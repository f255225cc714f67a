#include <math.h>
#include <stdio.h>

#include "theory_view.h"

void theory_view_open(theory_view *t, const objective *obj,
                      const double *start)
{
    t->on = quad_theory_open(obj, start, &t->q) == 1;
}

/* The measured rate over the last rows of a 2-parameter run's history;
 * for more parameters (rows keep two), its last update's. */
static void measure(const quad_theory *q, const run *r, const hist *h,
                    quad_meter *m)
{
    quad_meter_reset(m);
    if (r->n != 2) {
        if (r->step > 0)
            quad_meter_add(m, q, r->theta, r->theta_prev, r->step);
        return;
    }
    size_t first = h->nrows > QUAD_WINDOW ? h->nrows - QUAD_WINDOW : 1;
    for (size_t i = first; i < h->nrows; i++)
        quad_meter_add(m, q, h->rows[i].theta, h->rows[i - 1].theta, (long)i);
}

/* "1, 100" or "0.5, …, 40" for more than three. */
static void eigenvalues(const quad_theory *q, char *buf, size_t cap)
{
    if (q->n > 3)
        snprintf(buf, cap, "%.4g, …, %.4g", q->lambda[0], q->lambda[q->n - 1]);
    else if (q->n == 2)
        snprintf(buf, cap, "%.4g, %.4g", q->lambda[0], q->lambda[1]);
    else
        snprintf(buf, cap, "%.4g", q->lambda[0]);
}

static void optimum_line(const quad_theory *q, const optimizer_type *o,
                         char *buf, size_t cap)
{
    quad_optimum best = quad_optimal(q);
    if (o == &optim_sgd)
        snprintf(buf, cap, "best α %.4g (rate %.4g)", best.sgd_lr,
                 best.sgd_rate);
    else if (o == &optim_momentum)
        snprintf(buf, cap, "best α %.4g μ %.4g", best.hb_lr, best.hb_mu);
    else if (o == &optim_nesterov)
        snprintf(buf, cap, "best α %.4g μ %.4g", best.nag_lr, best.nag_mu);
    else
        snprintf(buf, cap, "no optimal setting known");
}

int theory_view_lines(const theory_view *t, const run *r, const hist *h,
                      char lines[][THEORY_LINE])
{
    if (!t->on || (t->hidden && !t->later))
        return 0;
    if (t->hidden) {
        snprintf(lines[0], THEORY_LINE, "held back until this step is done");
        return 1;
    }
    quad_theory decayed;
    quad_theory_decayed(&t->q, r->s.opt, &r->s.op, &decayed);
    const quad_theory *q = &decayed;
    char ev[64];
    int k = 0;
    eigenvalues(q, ev, sizeof ev);
    snprintf(lines[k++], THEORY_LINE, "quadratic%s: λ %s%s%s",
             q->lambda[0] != t->q.lambda[0] ? " + decay" : "", ev,
             q->has_min ? "" : ", θ* a saddle", t->axes ? "" : " · E: axes");
    quad_prediction p = quad_predict(q, r->s.opt, &r->s.op, r->lr);
    if (!p.known) {
        snprintf(lines[k++], THEORY_LINE, "%s: no linear-rate theory",
                 r->s.opt->name);
        return k;
    }
    quad_meter m;
    measure(q, r, h, &m);
    char got[64] = "—";
    if (m.at)
        snprintf(got, sizeof got, "%.4g, last %zu %.4g", m.last, m.count,
                 quad_meter_mean(&m));
    snprintf(lines[k++], THEORY_LINE, "rate %.4g%s · measured %s", p.rate,
             p.complex ? " spiral" : "", got);
    if (q->has_min && !isnan(p.limit)) {
        char best[96];
        optimum_line(q, r->s.opt, best, sizeof best);
        snprintf(lines[k++], THEORY_LINE, "stable α < %.4g · %s", p.limit,
                 best);
    }
    if (r->s.clip.mode != CLIP_NONE || r->s.hd.mode != HD_OFF)
        snprintf(lines[k++], THEORY_LINE, "(assumes a fixed α, no clipping)");
    return k;
}
