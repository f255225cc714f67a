/* The built-in 2-D test functions of DESIGN §5, as a table of types;
 * objective_builtin makes an objective value of one. */
#ifndef DESCENT_BUILTINS_H
#define DESCENT_BUILTINS_H

#include "objective.h"

typedef struct builtin_type {
    const char *name;
    const char *formula;   /* for display, UTF-8 */
    const char *expr;      /* the same function in the expression language */
    double view[4];
    double start[2];
    size_t n_minima;
    double minima[OBJECTIVE_MAX_MINIMA][2];
    double min_value;      /* NaN: no minimum (saddle) */
    double (*f)(const double *x);
    void (*grad)(const double *x, double *g);
    void (*hess)(const double *x, double *h);
    const objective_ops *ops;  /* the same, as an objective's ops */
} builtin_type;

/* NULL-terminated, in the order `descent list objectives` shows. */
extern const builtin_type *const builtin_types[];

const builtin_type *builtin_find(const char *name);

/* An objective for t, with analytic gradient and Hessian, and AD ones
 * from t->expr. Returns 0, or -1 when out of memory. Free it with
 * objective_free. */
int objective_builtin(objective *out, const builtin_type *t);

/* The AD half of every built-in's ops: ctx holds the compiled formula. */
void builtin_gradient_ad(const void *ctx, const double *x, double *g);
void builtin_hessian_ad(const void *ctx, const double *x, double *h);
void builtin_ctx_free(void *ctx);
/* The same in float32. */
void builtin_gradient_ad32(const void *ctx, const double *x, double *g);
void builtin_hessian_ad32(const void *ctx, const double *x, double *h);

/* The compiled formula behind a built-in objective's AD, or NULL when obj
 * is not a built-in. */
struct expr;
const struct expr *builtin_objective_expr(const objective *obj);

#endif
