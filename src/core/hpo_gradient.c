/* Gradient descent on u = log h with the hypergradient dE/du = h dE/dh.
 * In one dimension the Barzilai-Borwein step η = Δu/Δ(dE/du) is the
 * secant method on dE/du = 0, which converges superlinearly on a smooth
 * minimum; the first step moves u by 1 (a factor e in h), no step moves
 * it by more than 2, and a step to a worse or diverged value is not
 * taken (η halves instead). From a diverged start the method backs off
 * (u - 1 each evaluation) until the value is finite. */
#include <math.h>

#include "hpo.h"

enum { MAX_STEP = 2, BACK_OFF = 1 };

int hpo_gradient(const hpo_problem *p, const hpo_settings *s, hpo_trace *t)
{
    double a = log(p->lo), b = log(p->hi);
    double u = s->start > 0.0 ? log(s->start) : 0.5 * (a + b);
    u = fmin(fmax(u, a), b);
    double e, de;
    if (hpo_record(p, t, exp(u), &e, &de) < 0)
        return -1;
    double g = exp(u) * de;
    double eta = g != 0.0 ? 1.0 / fabs(g) : 0.0;
    while (t->n < s->budget) {
        if (!isfinite(e) || !isfinite(g)) {
            /* Diverged (a learning rate too large): no gradient to
             * follow, so back off towards lo by a factor e until the
             * value is finite, and start the steps afresh from there. */
            double un = fmax(u - BACK_OFF, a);
            if (un >= u)
                break;
            if (hpo_record(p, t, exp(un), &e, &de) < 0)
                return -1;
            u = un;
            g = exp(u) * de;
            eta = isfinite(g) && g != 0.0 ? 1.0 / fabs(g) : 0.0;
            continue;
        }
        double du = fmin(fmax(-eta * g, -MAX_STEP), MAX_STEP);
        double un = fmin(fmax(u + du, a), b);
        /* Converged, or pressed against the range's end. */
        if (fabs(un - u) < 1e-6)
            break;
        double en, den;
        if (hpo_record(p, t, exp(un), &en, &den) < 0)
            return -1;
        double gn = exp(un) * den, su = un - u, sy = gn - g;
        bool better = en <= e;
        /* From far up a wall (a value 10 times this one, as where the
         * runs nearly diverge) the secant says nothing of the basin:
         * start afresh with a unit step. */
        if (better && fabs(e) > 10.0 * fabs(en))
            eta = isfinite(gn) && gn != 0.0 ? 1.0 / fabs(gn) : 0.0;
        else if (isfinite(gn) && su * sy > 0.0)
            eta = su / sy;
        else if (!better)
            eta *= 0.5;
        if (better) {
            u = un;
            e = en;
            g = gn;
        }
    }
    return 0;
}
