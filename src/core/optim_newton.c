/* newton: θ ← θ − α H⁻¹g (DESIGN §3d), α default 1, with the Hessian by
 * the objective's means (hessian.h). Newton solves ∇f = 0 for the local
 * quadratic model: where H is not positive definite that stationary
 * point is a saddle or a maximum, and Newton heads for it; the step
 * panel says which from H's eigenvalues (kept as its state, with the
 * kind of H). A singular H has no inverse: the run stops there. */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "hessian.h"
#include "run.h"

enum { NO_HESSIAN = -1 }; /* the kind before the first Hessian */

static void newton_init(const optim_params *p, double *state, size_t n)
{
    (void)p;
    state[n] = NO_HESSIAN;
}

/* d = H⁻¹g by LU with partial pivoting (H is overwritten). 0, or a GSL
 * status. */
static int solve(double *H, size_t n, const double *g, double *d)
{
    gsl_matrix_view a = gsl_matrix_view_array(H, n, n);
    gsl_vector_const_view b = gsl_vector_const_view_array(g, n);
    gsl_vector_view x = gsl_vector_view_array(d, n);
    gsl_permutation *p = gsl_permutation_alloc(n);
    int signum;
    int st = p ? gsl_linalg_LU_decomp(&a.matrix, p, &signum) : GSL_ENOMEM;
    if (st == GSL_SUCCESS)
        st = gsl_linalg_LU_solve(&a.matrix, p, &b.vector, &x.vector);
    gsl_permutation_free(p);
    return st;
}

/* H at θ, its eigenvalues and kind into the state, then d. */
static int newton_direction(struct run *r, double *H, double *d,
                            optim_cost *cost, const char **why)
{
    size_t n = r->n;
    double *lambda = r->state;
    core_error rc = hessian_eval(r->obj, r->s.grad, r->s.h, r->theta, H, cost);
    if (rc == CORE_OK)
        rc = hessian_eigen(H, n, lambda, NULL);
    if (rc == CORE_ERANGE) {
        *why = "the Hessian is not finite";
        return OPTIM_STOP;
    }
    if (rc != CORE_OK)
        return rc;
    hess_source src = hessian_source(r->obj, r->s.grad);
    hess_kind k = hessian_kind(lambda, n, hessian_accuracy(src, n));
    r->state[n] = k;
    int st = k == HESS_SINGULAR ? GSL_EDOM : solve(H, n, r->g, d);
    if (st == GSL_ENOMEM)
        return CORE_ENOMEM;
    if (st != GSL_SUCCESS) {
        r->state[n] = HESS_SINGULAR;
        *why = "Hessian is singular";
        return OPTIM_STOP;
    }
    return 0;
}

static int newton_step(struct run *r, double *theta, double *d,
                       optim_cost *cost, const char **why)
{
    size_t n = r->n;
    double *H = malloc(n * n * sizeof *H);
    if (!H)
        return CORE_ENOMEM;
    int rc = newton_direction(r, H, d, cost, why);
    free(H);
    if (rc != 0)
        return rc;
    for (size_t i = 0; i < n; i++)
        theta[i] = r->theta[i] - r->lr * d[i];
    return 0;
}

/* What H is, and what that makes of Newton's step: it goes to where the
 * gradient of the local quadratic model vanishes, whatever point that
 * is. */
static void kind_says(int kind, const char **what, const char **why)
{
    static const char *const says[][2] = {
        {"H is positive definite", "a step to the model's minimum"},
        {"H is NOT positive definite (λ < 0 < λ)",
         "Newton heads for the model's saddle"},
        {"H is NOT positive definite (all λ < 0)",
         "Newton heads for the model's maximum"},
        {"H is singular: no H⁻¹, no Newton step", NULL}};
    *what = says[kind][0];
    *why = says[kind][1];
}

static int newton_notes(const struct run *r, const void *live,
                        optim_note *out)
{
    (void)live;
    char v[96];
    int k = 0, kind = (int)r->state[r->n];
    optim_note_set(&out[k++], "θ ← θ − α·H⁻¹g, α = %g", r->lr);
    optim_note_set(&out[k++], "H = ∇²f(θ) by %s",
                   hessian_source_name(hessian_source(r->obj, r->s.grad)));
    if (kind != NO_HESSIAN) {
        const char *what, *why;
        kind_says(kind, &what, &why);
        optim_note_set(&out[k++], "eigenvalues of H: %s",
                       optim_vec_text(v, sizeof v, r->state, r->n, 1.0));
        optim_note_set(&out[k++], "%s", what);
        if (why)
            optim_note_set(&out[k++], "%s", why);
    }
    if (kind != NO_HESSIAN && kind != HESS_SINGULAR && r->opt_step > 0)
        optim_note_set(&out[k++], "d = H⁻¹g = %s",
                       optim_vec_text(v, sizeof v, r->d, r->n, 1.0));
    optim_note_set(&out[k++], "so far: %ld f, %ld ∇f, %ld Hessian%s",
                   r->evals, r->gevals, r->hevals, r->hevals == 1 ? "" : "s");
    return k;
}

static const optim_whole newton_whole = {
    .step = newton_step,
    .notes = newton_notes,
};

const optimizer_type optim_newton = {
    .name = "newton",
    .title = "Newton: θ ← θ − α H⁻¹g, H the Hessian",
    .caps = OPTIM_NEEDS_GRADIENT,
    .state_names = (const char *const[]){"λ", NULL},
    .state_scalars = 1,
    .default_lr = 1.0,
    .init = newton_init,
    .whole = &newton_whole,
};
