/* The h sweep (hsweep.h). */
#include <math.h>

#include "gradient.h"
#include "hsweep.h"

/* 10^k as "1e-3" reads, for |k| ≤ 22: 10^|k| is a double exactly, and
 * the division rounds correctly. */
static double pow10_exact(int k)
{
    double p = 1.0;
    for (int i = 0; i < (k < 0 ? -k : k); i++)
        p *= 10.0;
    return k < 0 ? 1.0 / p : p;
}

double hsweep_h(int k, int per_decade)
{
    return k % per_decade ? pow(10.0, (double)k / per_decade)
                          : pow10_exact(k / per_decade);
}

double hsweep_h_step(double h, int steps, int per_decade)
{
    return hsweep_h((int)lround(log10(h) * per_decade) + steps, per_decade);
}

bool hsweep_available(const objective *obj)
{
    return obj->dim <= HSWEEP_MAX_DIM &&
           (obj->ops->gradient || obj->ops->gradient_ad);
}

core_error hsweep_exact(const objective *obj, const double *x, double *g)
{
    grad_method m = gradient_available(obj, GRAD_ANALYTIC) ? GRAD_ANALYTIC
                                                            : GRAD_AD;
    return gradient_eval(obj, m, 0.0, x, g);
}

double hsweep_error(const objective *obj, const double *x,
                    const double *exact, double h, int method)
{
    double g[HSWEEP_MAX_DIM];
    if (obj->dim > HSWEEP_MAX_DIM)
        return NAN;
    core_error rc = method == HSWEEP_CENTRAL ? gradient_central(obj, h, x, g)
                                             : gradient_forward(obj, h, x, g);
    return rc == CORE_OK ? gradient_check(g, exact, obj->dim, NULL) : NAN;
}

core_error hsweep_run(hsweep *s, const objective *obj, const double *x,
                      int hi, int lo, int per_decade)
{
    double exact[HSWEEP_MAX_DIM];
    s->n = 0;
    if (obj->dim > HSWEEP_MAX_DIM)
        return CORE_ERANGE;
    core_error rc = hsweep_exact(obj, x, exact);
    if (rc != CORE_OK)
        return rc;
    for (int k = hi * per_decade; s->n < HSWEEP_MAX && k >= lo * per_decade;
         k--) {
        double h = hsweep_h(k, per_decade);
        s->h[s->n] = h;
        for (int m = 0; m < HSWEEP_METHODS; m++)
            s->err[m][s->n] = hsweep_error(obj, x, exact, h, m);
        s->n++;
    }
    for (int m = 0; m < HSWEEP_METHODS; m++) {
        s->best[m] = s->n;
        for (size_t i = 0; i < s->n; i++)
            if (!isnan(s->err[m][i]) &&
                (s->best[m] == s->n || s->err[m][i] < s->err[m][s->best[m]]))
                s->best[m] = i;
    }
    return CORE_OK;
}

core_error hsweep_standard(hsweep *s, const objective *obj, const double *x)
{
    return hsweep_run(s, obj, x, 0, -16, HSWEEP_PER_DECADE);
}
