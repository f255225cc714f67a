#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gradient.h"
#include "precision.h"

static const char *const method_names[GRAD_METHOD_COUNT] = {
    "analytic", "ad", "central", "forward"};

const char *grad_method_name(grad_method m) { return method_names[m]; }

int grad_method_parse(const char *name, grad_method *m)
{
    for (int i = 0; i < GRAD_METHOD_COUNT; i++)
        if (strcmp(name, method_names[i]) == 0) {
            *m = (grad_method)i;
            return 0;
        }
    return -1;
}

bool grad_method_uses_h(grad_method m)
{
    return m == GRAD_CENTRAL || m == GRAD_FORWARD;
}

bool gradient_available(const objective *obj, grad_method m)
{
    switch (m) {
    case GRAD_ANALYTIC: return obj->ops->gradient != NULL;
    case GRAD_AD: return obj->ops->gradient_ad != NULL;
    case GRAD_CENTRAL:
    case GRAD_FORWARD: return true;
    }
    return false;
}

core_error gradient_eval(const objective *obj, grad_method m, double h,
                         const double *x, double *g)
{
    if (!gradient_available(obj, m))
        return CORE_ENOGRAD;
    switch (m) {
    case GRAD_ANALYTIC: obj->ops->gradient(obj->ctx, x, g); break;
    case GRAD_AD: obj->ops->gradient_ad(obj->ctx, x, g); break;
    case GRAD_CENTRAL: return gradient_central(obj, h, x, g);
    case GRAD_FORWARD: return gradient_forward(obj, h, x, g);
    }
    return CORE_OK;
}

core_error gradient_value_eval(const objective *obj, grad_method m,
                               double h, const double *x, double *f,
                               double *g)
{
    if (m == GRAD_ANALYTIC && obj->ops->value_grad) {
        *f = obj->ops->value_grad(obj->ctx, x, g);
        return 0;
    }
    *f = obj->ops->value(obj->ctx, x);
    return gradient_eval(obj, m, h, x, g);
}

/* Both difference quotients perturb a copy of x one coordinate at a time
 * and divide by the step actually taken ((x+h)-x need not equal h; in
 * float32, x + h is rounded to float32, and is x itself when h is below
 * half an ulp of x). The copy lives on the stack up to 16 parameters: a
 * gradient by central differences of a 2-D function costs little more
 * than its four values. */
static inline core_error differences_kernel(const objective *obj, double h,
                                            const double *x, double *g,
                                            bool central, bool single)
{
    size_t n = obj->dim;
    double (*f)(const void *, const double *) = obj->ops->value;
    const void *ctx = obj->ctx;
    if (central && obj->ops->gradient_central) {
        obj->ops->gradient_central(ctx, x, h, g);
        return CORE_OK;
    }
    h = PR(h);
    if (n == 2 && central) {
        /* The common case, unrolled: four points of their own, so the
         * four evaluations do not wait on one another. */
        double x0 = PR(x[0]), x1 = PR(x[1]);
        double a[2] = {PR(x0 + h), x1}, b[2] = {PR(x0 - h), x1};
        double c[2] = {x0, PR(x1 + h)}, d[2] = {x0, PR(x1 - h)};
        double fa = f(ctx, a), fb = f(ctx, b), fc = f(ctx, c), fd = f(ctx, d);
        g[0] = PR(PR(fa - fb) / PR(a[0] - b[0]));
        g[1] = PR(PR(fc - fd) / PR(c[1] - d[1]));
        return CORE_OK;
    }
    double small[16];
    double *xs = n <= 16 ? small : malloc(n * sizeof *xs);
    if (!xs)
        return CORE_ENOMEM;
    for (size_t i = 0; i < n; i++)
        xs[i] = PR(x[i]);
    if (central) {
        for (size_t i = 0; i < n; i++) {
            double xi = xs[i], up = PR(xi + h), down = PR(xi - h);
            xs[i] = up;
            double fp = f(ctx, xs);
            xs[i] = down;
            double fm = f(ctx, xs);
            xs[i] = xi;
            g[i] = PR(PR(fp - fm) / PR(up - down));
        }
    } else {
        double f0 = f(ctx, x); /* a float32 objective rounds x itself */
        for (size_t i = 0; i < n; i++) {
            double xi = xs[i], up = PR(xi + h);
            xs[i] = up;
            g[i] = PR(PR(f(ctx, xs) - f0) / PR(up - xi));
            xs[i] = xi;
        }
    }
    if (xs != small)
        free(xs);
    return CORE_OK;
}

static core_error differences(const objective *obj, double h,
                              const double *x, double *g, bool central)
{
    return obj->single ? differences_kernel(obj, h, x, g, central, true)
                       : differences_kernel(obj, h, x, g, central, false);
}

double gradient_step_taken(const objective *obj, double x, double h,
                           bool central)
{
    bool single = obj->single;
    x = PR(x);
    h = PR(h);
    return central ? PR(PR(x + h) - PR(x - h)) : PR(PR(x + h) - x);
}

core_error gradient_central(const objective *obj, double h, const double *x,
                            double *g)
{
    return differences(obj, h, x, g, true);
}

core_error gradient_forward(const objective *obj, double h, const double *x,
                            double *g)
{
    return differences(obj, h, x, g, false);
}

void gradient_cost(grad_method m, size_t n, long *evals, long *gevals)
{
    if (m == GRAD_CENTRAL)
        *evals += 2 * (long)n;
    else if (m == GRAD_FORWARD) /* f(x) too: it is evaluated again */
        *evals += (long)n + 1;
    else
        *gevals += 1;
}

double gradient_rel_error(double a, double b)
{
    double den = fabs(a) + fabs(b);
    return fabs(a - b) / (den > 1e-12 ? den : 1e-12);
}

double gradient_check(const double *a, const double *b, size_t n, double *rel)
{
    double worst = 0.0;
    for (size_t i = 0; i < n; i++) {
        double e = gradient_rel_error(a[i], b[i]);
        if (rel)
            rel[i] = e;
        if (e > worst || isnan(e))
            worst = e;
    }
    return worst;
}
