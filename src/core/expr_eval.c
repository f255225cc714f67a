/* Value, gradient and Hessian of a compiled expression: one interpreter
 * (expr_eval_loop.h) instantiated for doubles and both dual types. */
#include "dual.h"
#include "expr_impl.h"

#define T double
#define P(f) r_##f
#define RUN run_value
#include "expr_eval_loop.h"
#undef T
#undef P
#undef RUN

#define T dual1
#define P(f) d1_##f
#define RUN run_gradient
#include "expr_eval_loop.h"
#undef T
#undef P
#undef RUN

#define T dual2
#define P(f) d2_##f
#define RUN run_hessian
#include "expr_eval_loop.h"
#undef T
#undef P
#undef RUN

double expr_value(const expr *e, const double *x)
{
    return run_value(e, x);
}

double expr_gradient(const expr *e, const double *x, double *g)
{
    dual1 r = run_gradient(e, x);
    g[0] = r.d[0];
    g[1] = r.d[1];
    return r.v;
}

double expr_hessian(const expr *e, const double *x, double *g, double *h)
{
    dual2 r = run_hessian(e, x);
    g[0] = r.d[0];
    g[1] = r.d[1];
    h[0] = r.h[0];
    h[1] = h[2] = r.h[1];
    h[3] = r.h[2];
    return r.v;
}
