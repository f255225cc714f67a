#include <math.h>

#include "ref_csv.h"
#include "ref_match.h"

static double rel_floor(double a, double b, double floor)
{
    double d = fabs(a - b);
    if (d == 0.0)
        return 0.0;
    return d / fmax(fmax(fabs(a), fabs(b)), floor);
}

static double rel(double a, double b) { return rel_floor(a, b, 1e-300); }

/* h = g·d is a dot product that cancels near its sign changes, where its
 * relative error says nothing. What h is for is the change it makes to α:
 * β·Δh for add, α β Δh for mult; that change relative to α is judged
 * when it is the smaller. */
static double hypergrad_error(const run *r, double want)
{
    double got = r->last.hypergrad, d = fabs(got - want);
    double on_lr = r->s.hd.mode == HD_MULT ? r->s.hd.beta * d
                                            : r->s.hd.beta * d / fabs(r->lr);
    return fmin(rel(got, want), on_lr);
}

double ref_match(run *r, const char *file)
{
    ref_table t;
    if (ref_load(file, &t) < 0)
        return -1.0;
    int cols[5] = {ref_col(&t, "loss"), ref_col(&t, "x0"), ref_col(&t, "x1"),
                   ref_col(&t, "lr"), ref_col(&t, "hypergrad")};
    double worst = 0.0;
    /* Near a minimum f is ill-conditioned in θ: θ equal to 1e-15 can give
     * losses of 1e-25 that agree in no digit. Losses below 1e-12 of the
     * starting loss are compared at that scale. */
    double loss_floor = cols[0] >= 0 ? 1e-12 * fabs(ref_at(&t, 0, cols[0])) : 0;
    for (size_t row = 0; row < t.rows; row++) {
        if (row > 0)
            run_step(r);
        double got[5] = {r->loss, r->theta[0], r->theta[1], r->lr,
                         r->last.hypergrad};
        worst = fmax(worst, rel_floor(got[0], ref_at(&t, row, cols[0]), loss_floor));
        for (int c = 1; c < 4; c++)
            if (cols[c] >= 0)
                worst = fmax(worst, rel(got[c], ref_at(&t, row, cols[c])));
        if (cols[4] >= 0)
            worst = fmax(worst, hypergrad_error(r, ref_at(&t, row, cols[4])));
    }
    ref_free(&t);
    return worst;
}
