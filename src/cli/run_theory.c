#include <math.h>
#include <stdio.h>

#include "run_theory.h"

int run_theory_open(run_theory *t, const objective *obj, const double *start,
                    const run_settings *s)
{
    *t = (run_theory){.on = false};
    quad_meter_reset(&t->meter);
    int rc = quad_theory_open(obj, start, &t->q);
    t->on = rc == 1;
    if (t->on)
        quad_theory_decayed(&t->q, s->opt, &s->op, &t->eff);
    return rc < 0 ? -1 : 0;
}

void run_theory_watch(run_theory *t, const run *r)
{
    if (t->on && r->step > 0)
        quad_meter_add(&t->meter, &t->eff, r->theta, r->theta_prev, r->step);
}

/* Up to four numbers; for more, the first three and the last. */
static void print_vec(const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (n > 4 && i == 3) {
            printf(", …");
            i = n - 1;
        }
        printf("%s%.6g", i ? ", " : "", v[i]);
    }
}

static void print_rate(const run_theory *t, const run *r)
{
    const optimizer_type *o = r->s.opt;
    quad_prediction p = quad_predict(&t->eff, o, &r->s.op, r->lr);
    if (!p.known) {
        printf("%-10s %s has no linear-rate theory (sgd, momentum and "
               "nesterov have)\n", "", o->name);
        return;
    }
    const quad_meter *m = &t->meter;
    printf("%-10s %s, α %.6g: predicted rate %.6g%s\n", "", o->name, r->lr,
           p.rate, p.complex ? " (complex roots)" : "");
    if (m->at)
        printf("%-10s measured %.6g at update %ld, %.6g over the last %zu\n",
               "", m->last, m->at, quad_meter_mean(m), m->count);
    else
        printf("%-10s measured: no update far enough from θ*\n", "");
    if (r->s.clip.mode != CLIP_NONE || r->s.hd.mode != HD_OFF)
        printf("%-10s (the theory assumes a fixed α and no clipping)\n", "");
    if (!isnan(p.limit))
        printf("%-10s stable for α < %.6g\n", "", p.limit);
}

void run_theory_print(const run_theory *t, const run *r)
{
    if (!t->on)
        return;
    const quad_theory *q = &t->q;
    printf("%-10s quadratic, eigenvalues of H: ", "theory:");
    print_vec(q->lambda, q->n);
    printf("\n%-10s %s θ* = (", "", q->has_min ? "minimum" : "saddle point");
    print_vec(q->theta_star, q->n);
    printf(")\n");
    double w = optim_weight_decay(r->s.opt, &r->s.op);
    if (q->theta_star[0] != t->eff.theta_star[0] ||
        q->lambda[0] != t->eff.lambda[0]) {
        printf("%-10s with weight decay %g: f + %g‖θ‖², %s θ*_W = (", "", w,
               w / 2, t->eff.has_min ? "minimum" : "no minimum:");
        print_vec(t->eff.theta_star, q->n);
        printf(")\n");
    }
    print_rate(t, r);
    if (!t->eff.has_min)
        return;
    quad_optimum o = quad_optimal(&t->eff);
    printf("%-10s optimal for κ = %.6g: sgd α = %.6g (rate %.6g)\n", "",
           o.kappa, o.sgd_lr, o.sgd_rate);
    printf("%-10s heavy ball α = %.6g, μ = %.6g (rate %.6g)\n", "", o.hb_lr,
           o.hb_mu, o.hb_rate);
    printf("%-10s nesterov α = %.6g, μ = %.6g (rate %.6g)\n", "", o.nag_lr,
           o.nag_mu, o.nag_rate);
}
