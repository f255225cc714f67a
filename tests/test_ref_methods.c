/* The reference methods of DESIGN §3d: Newton against a hand computation
 * and a numpy trajectory, GSL's minimisers against direct calls of GSL's
 * API with the contract's settings (bit for bit, also across copies that
 * replay), what they show, what they count, and what they refuse. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_multimin.h>

#include "builtins.h"
#include "hessian.h"
#include "objective_open.h"
#include "ref_csv.h"
#include "run.h"
#include "suites.h"

static objective open_obj(const char *spec)
{
    objective o;
    objective_error e;
    CU_ASSERT_EQUAL_FATAL(objective_open(spec, &o, &e), 0);
    return o;
}

static run start_run(const objective *o, const char *method, double lr,
                     const double *x0)
{
    run_settings s = run_settings_default();
    s.opt = optimizer_find(method);
    s.lr = lr;
    s.grad = gradient_available(o, GRAD_ANALYTIC) ? GRAD_ANALYTIC : GRAD_AD;
    s.max_steps = 100000;
    run r;
    CU_ASSERT_EQUAL_FATAL(run_init(&r, o, &s, x0 ? x0 : o->start), CORE_OK);
    return r;
}

/* One Newton step lands on the minimum of a positive definite quadratic:
 * 3x² + 2xy + 5y² − 4x + y + 7 has H = [[6, 2], [2, 10]] and
 * θ* = −H⁻¹(−4, 1) = (10·4 + 2, −2·4 − 6)/56 = (0.75, −0.25). */
static void newton_one_step(void)
{
    objective o = open_obj("3*x^2 + 2*x*y + 5*y^2 - 4*x + y + 7");
    const double x0[2] = {2.0, -1.0};
    run r = start_run(&o, "newton", 1.0, x0);
    run_step(&r);
    CU_ASSERT_DOUBLE_EQUAL(r.theta[0], 0.75, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(r.theta[1], -0.25, 1e-15);
    CU_ASSERT_EQUAL(r.state[2], HESS_POSITIVE);
    CU_ASSERT_DOUBLE_EQUAL(r.state[0], 8.0 - sqrt(8.0), 1e-13); /* λ of H */
    CU_ASSERT_DOUBLE_EQUAL(r.state[1], 8.0 + sqrt(8.0), 1e-13);
    CU_ASSERT_EQUAL(r.evals, 2);
    CU_ASSERT_EQUAL(r.gevals, 2);
    CU_ASSERT_EQUAL(r.hevals, 1);
    run_free(&r);
    /* α = 0.5 goes half way. */
    r = start_run(&o, "newton", 0.5, x0);
    run_step(&r);
    CU_ASSERT_DOUBLE_EQUAL(r.theta[0], 1.375, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(r.theta[1], -0.625, 1e-15);
    run_free(&r);
    objective_free(&o);
    const char *builtins[] = {"quadratic", "ill", "booth"};
    for (int i = 0; i < 3; i++) {
        o = open_obj(builtins[i]);
        r = start_run(&o, "newton", 1.0, NULL);
        run_step(&r);
        CHECKF(hypot(r.theta[0] - o.minima[0][0], r.theta[1] - o.minima[0][1]) <
                   1e-14, "%s: one step to (%g, %g), not (%.17g, %.17g)",
               builtins[i], o.minima[0][0], o.minima[0][1], r.theta[0],
               r.theta[1]);
        run_free(&r);
        objective_free(&o);
    }
}

static bool notes_say(const run *r, const char *what)
{
    optim_note n[OPTIM_NOTES];
    int k = run_notes(r, n);
    for (int i = 0; i < k; i++)
        if (strstr(n[i].text, what))
            return true;
    return false;
}

/* Where H is not positive definite Newton heads for the model's
 * stationary point: the saddle of x² − y², the maximum of −x² − y²; a
 * singular H stops the run. */
static void newton_saddle_maximum_singular(void)
{
    objective o = open_obj("saddle");
    const double x0[2] = {1.0, 0.5};
    run r = start_run(&o, "newton", 1.0, x0);
    run_step(&r);
    CU_ASSERT_EQUAL(r.theta[0], 0.0);
    CU_ASSERT_EQUAL(r.theta[1], 0.0);
    CU_ASSERT_EQUAL(r.state[2], HESS_INDEFINITE);
    CU_ASSERT(notes_say(&r, "saddle"));
    CU_ASSERT(notes_say(&r, "NOT positive definite"));
    run_free(&r);
    objective_free(&o);
    o = open_obj("-(x^2) - 2*y^2");
    r = start_run(&o, "newton", 1.0, x0);
    run_step(&r);
    CU_ASSERT_DOUBLE_EQUAL(hypot(r.theta[0], r.theta[1]), 0.0, 1e-15);
    CU_ASSERT_EQUAL(r.state[2], HESS_NEGATIVE);
    CU_ASSERT(notes_say(&r, "maximum"));
    run_free(&r);
    objective_free(&o);
    o = open_obj("x^2 + y");
    r = start_run(&o, "newton", 1.0, x0);
    CU_ASSERT_EQUAL(run_step(&r), RUN_STOPPED);
    CU_ASSERT_EQUAL(r.step, 0);
    CU_ASSERT_STRING_EQUAL(r.stop_why, "Hessian is singular");
    CU_ASSERT(notes_say(&r, "singular"));
    run_free(&r);
    objective_free(&o);
}

/* Against numpy's np.linalg.solve (tests/gen/newton_rosenbrock.py). The
 * two solves round differently by an ulp at update 3, which the nearly
 * singular H of update 4 amplifies to about 1.5e-11. */
static void newton_numpy(void)
{
    const char *files[] = {"newton_rosenbrock_lr1.csv",
                           "newton_rosenbrock_lr0.5.csv"};
    const double lrs[] = {1.0, 0.5};
    objective o = open_obj("rosenbrock");
    for (int k = 0; k < 2; k++) {
        ref_table t;
        CU_ASSERT_EQUAL_FATAL(ref_load(files[k], &t), 0);
        run r = start_run(&o, "newton", lrs[k], NULL);
        double worst = 0.0;
        for (size_t i = 0; i < t.rows; i++) {
            if (i)
                run_step(&r);
            for (int c = 0; c < 2; c++) {
                double want = ref_at(&t, i, ref_col(&t, c ? "x1" : "x0"));
                worst = fmax(worst, fabs(r.theta[c] - want) / fabs(want));
            }
            double f = ref_at(&t, i, ref_col(&t, "loss"));
            worst = fmax(worst, fabs(r.loss - f) / fmax(fabs(f), 1e-10));
        }
        CHECKF(worst <= 1e-10, "%s: worst error %g", files[k], worst);
        run_free(&r);
        ref_free(&t);
    }
    objective_free(&o);
}

/* With differences, H is differences of gradients: steps close to the
 * analytic one's (the far jump of update 2 amplifies the differences'
 * error, about 1e-6 in H, to some 1e-3), the same minimum, counted as the
 * function values it took. */
static void newton_differences(void)
{
    objective o = open_obj("rosenbrock");
    run a = start_run(&o, "newton", 1.0, NULL);
    run_settings s = run_settings_of(&a);
    s.grad = GRAD_CENTRAL;
    run b;
    CU_ASSERT_EQUAL_FATAL(run_init(&b, &o, &s, o.start), CORE_OK);
    for (int t = 0; t < 10; t++) {
        run_step(&a);
        run_step(&b);
        CU_ASSERT_DOUBLE_EQUAL(a.theta[0], b.theta[0], t < 8 ? 5e-3 : 1e-9);
        CU_ASSERT_DOUBLE_EQUAL(a.theta[1], b.theta[1], t < 8 ? 5e-3 : 1e-9);
    }
    /* Each update: 2n gradients of 2n values for H, f and ∇f at θ_t. */
    CU_ASSERT_EQUAL(b.evals, 5 + 10 * (16 + 5));
    CU_ASSERT_EQUAL(b.gevals, 0);
    CU_ASSERT_EQUAL(b.hevals, 0);
    CU_ASSERT_EQUAL(hessian_source(&o, GRAD_CENTRAL), HESS_DIFFERENCES);
    run_free(&a);
    run_free(&b);
    objective_free(&o);
}

/* Direct calls of GSL's API, counting as descent counts. */
typedef struct {
    const objective *o;
    long f, g;
} direct;

static double d_f(const gsl_vector *x, void *p)
{
    direct *d = p;
    d->f++;
    return d->o->ops->value(d->o->ctx, x->data);
}

static void d_df(const gsl_vector *x, void *p, gsl_vector *g)
{
    direct *d = p;
    d->g++;
    d->o->ops->gradient(d->o->ctx, x->data, g->data);
}

static void d_fdf(const gsl_vector *x, void *p, double *f, gsl_vector *g)
{
    *f = d_f(x, p);
    d_df(x, p, g);
}

/* Each update of r equals one iterate of m, or ends the run where GSL
 * says it can go no further (or repeats itself in place, as bfgs2 on the
 * saddle); at update 7 the run goes on as a copy of itself, which has to
 * replay GSL's state. */
static run_status compare_fdf(const char *objname, const char *method,
                              const gsl_multimin_fdfminimizer_type *T)
{
    objective o = open_obj(objname);
    direct d = {&o, 0, 0};
    gsl_multimin_function_fdf fn = {d_f, d_df, d_fdf, 2, &d};
    gsl_multimin_fdfminimizer *m = gsl_multimin_fdfminimizer_alloc(T, 2);
    gsl_vector_const_view x0 = gsl_vector_const_view_array(o.start, 2);
    CU_ASSERT_EQUAL_FATAL(gsl_multimin_fdfminimizer_set(m, &fn, &x0.vector,
                                                        0.01, 0.1), 0);
    run r = start_run(&o, method, 0.01, NULL);
    int t = 0, st = GSL_SUCCESS;
    bool same = true;
    for (; t < 300 && st == GSL_SUCCESS && r.status == RUN_RUNNING; t++) {
        if (t == 7) {
            run copy;
            CU_ASSERT_EQUAL_FATAL(run_copy(&copy, &r), CORE_OK);
            run_free(&r);
            r = copy;
        }
        st = gsl_multimin_fdfminimizer_iterate(m);
        run_step(&r);
        const double *x = gsl_multimin_fdfminimizer_x(m)->data;
        if (st == GSL_SUCCESS)
            same = same && memcmp(r.theta, x, sizeof r.theta[0] * 2) == 0 &&
                   r.evals == d.f && r.gevals == d.g;
    }
    CHECKF(same, "%s on %s: not GSL's point or counts by update %d", method,
           objname, t);
    if (st != GSL_SUCCESS || r.status != RUN_RUNNING)
        CHECKF(r.status != RUN_RUNNING && r.step == t - 1 && r.stop_why &&
                   (st != GSL_SUCCESS ||
                    strcmp(r.stop_why, "GSL's iterate repeats itself in place") == 0),
               "%s on %s: GSL stopped at %d, the run is %s at %ld", method,
               objname, t, run_status_name(r.status), r.step);
    gsl_multimin_fdfminimizer_free(m);
    run_status status = r.status;
    run_free(&r);
    objective_free(&o);
    return status;
}

static void gsl_fdf_methods(void)
{
    const char *objs[] = {"rosenbrock", "beale", "quadratic"};
    for (int i = 0; i < 3; i++) {
        compare_fdf(objs[i], "bfgs", gsl_multimin_fdfminimizer_vector_bfgs2);
        compare_fdf(objs[i], "cg-fr", gsl_multimin_fdfminimizer_conjugate_fr);
        compare_fdf(objs[i], "cg-pr", gsl_multimin_fdfminimizer_conjugate_pr);
        compare_fdf(objs[i], "steepest",
                    gsl_multimin_fdfminimizer_steepest_descent);
    }
    CU_ASSERT_EQUAL(compare_fdf("saddle", "bfgs",
                                gsl_multimin_fdfminimizer_vector_bfgs2),
                    RUN_STOPPED);
}

/* nmsimplex2 with step 0.1 in each coordinate; θ is GSL's best point,
 * and the simplex shown has it as a vertex. */
static void gsl_nelder_mead(void)
{
    const char *objs[] = {"rosenbrock", "beale", "himmelblau"};
    for (int i = 0; i < 3; i++) {
        objective o = open_obj(objs[i]);
        direct d = {&o, 0, 0};
        gsl_multimin_function fn = {d_f, 2, &d};
        gsl_multimin_fminimizer *m = gsl_multimin_fminimizer_alloc(
            gsl_multimin_fminimizer_nmsimplex2, 2);
        gsl_vector *step = gsl_vector_alloc(2);
        gsl_vector_set_all(step, 0.1);
        gsl_vector_const_view x0 = gsl_vector_const_view_array(o.start, 2);
        CU_ASSERT_EQUAL_FATAL(gsl_multimin_fminimizer_set(m, &fn, &x0.vector,
                                                          step), 0);
        run r = start_run(&o, "nelder-mead", 0.1, NULL);
        CU_ASSERT_EQUAL(r.evals, 3);
        bool same = true, shown = true;
        int t = 0;
        for (; t < 300 && r.status == RUN_RUNNING; t++) {
            if (t == 11) {
                run copy;
                CU_ASSERT_EQUAL_FATAL(run_copy(&copy, &r), CORE_OK);
                run_free(&r);
                r = copy;
            }
            if (run_step(&r) != RUN_RUNNING && r.step == t)
                break; /* collapsed: GSL would go on in place */
            gsl_multimin_fminimizer_iterate(m);
            same = same && memcmp(r.theta, gsl_multimin_fminimizer_x(m)->data,
                                  2 * sizeof r.theta[0]) == 0 &&
                   r.evals == d.f && r.gevals == 0;
            optim_shape sh;
            bool vertex = false;
            shown = shown && run_shape(&r, &sh) && sh.simplex && sh.vertices == 3;
            for (size_t v = 0; shown && v < 3; v++)
                vertex |= memcmp(sh.simplex + 2 * v, r.theta,
                                 2 * sizeof r.theta[0]) == 0;
            shown = shown && vertex;
        }
        CHECKF(same, "nelder-mead on %s: not GSL's point by update %d",
               objs[i], t);
        CHECKF(shown, "nelder-mead on %s: no simplex by update %d", objs[i], t);
        gsl_vector_free(step);
        gsl_multimin_fminimizer_free(m);
        run_free(&r);
        objective_free(&o);
    }
}

/* BFGS's probes of an update lie on the line it searched, which runs
 * through θ_{t−1} and θ_t; the count is what it asked for. */
static void probes_on_the_line(void)
{
    objective o = open_obj("rosenbrock");
    run r = start_run(&o, "bfgs", 0.01, NULL);
    for (int t = 0; t < 15; t++) {
        long e0 = r.evals, g0 = r.gevals;
        run_step(&r);
        optim_shape sh;
        CU_ASSERT_FATAL(run_shape(&r, &sh));
        long f = 0, g = 0;
        double dx = r.theta[0] - r.theta_prev[0], dy = r.theta[1] - r.theta_prev[1];
        for (size_t k = 0; k < sh.count; k++) {
            const double *p = sh.probes + 2 * k;
            f += (sh.kind[k] & PROBE_F) != 0;
            g += (sh.kind[k] & PROBE_DF) != 0;
            double cross = (p[0] - r.theta_prev[0]) * dy - (p[1] - r.theta_prev[1]) * dx;
            CU_ASSERT(fabs(cross) <= 1e-9 * (1.0 + dx * dx + dy * dy));
        }
        CU_ASSERT_EQUAL(sh.total, sh.count);
        CU_ASSERT_EQUAL(f, r.evals - e0);
        CU_ASSERT_EQUAL(g, r.gevals - g0);
    }
    /* A copy shows nothing until it is prepared; then the same. */
    run c;
    CU_ASSERT_EQUAL_FATAL(run_copy(&c, &r), CORE_OK);
    optim_shape a, b;
    CU_ASSERT_FALSE(run_shape(&c, &b));
    CU_ASSERT_EQUAL(run_prepare(&c), CORE_OK);
    CU_ASSERT(run_shape(&c, &b) && run_shape(&r, &a));
    CU_ASSERT_EQUAL(a.count, b.count);
    CU_ASSERT_EQUAL(memcmp(a.probes, b.probes, 2 * a.count * sizeof *a.probes), 0);
    CU_ASSERT_EQUAL(c.evals, r.evals); /* replaying is not counted */
    run_free(&c);
    run_free(&r);
    objective_free(&o);
}

/* The stages a method has: no clipping or hypergradient for any of
 * them, no gradient for Nelder-Mead. */
static void stages(void)
{
    objective o = open_obj("beale");
    const char *methods[] = {"newton", "bfgs", "nelder-mead"};
    const run_stage want[][3] = {
        {STAGE_GRADIENT, STAGE_UPDATE, STAGE_EVALUATE},
        {STAGE_GRADIENT, STAGE_UPDATE, STAGE_EVALUATE},
        {STAGE_UPDATE, STAGE_EVALUATE, STAGE_UPDATE}};
    for (int m = 0; m < 3; m++) {
        run r = start_run(&o, methods[m], optim_default_lr(optimizer_find(methods[m])),
                          NULL);
        for (int k = 0; k < 3; k++) {
            run_stage_step(&r);
            CU_ASSERT_EQUAL(r.next, want[m][k]);
        }
        run_free(&r);
    }
    objective_free(&o);
}

/* First-order updates evaluate f and ∇f once each; a gradient by
 * central differences is 2n values. */
static void evaluation_counts(void)
{
    objective o = open_obj("beale");
    run r = start_run(&o, "sgd", 1e-3, NULL);
    for (int t = 0; t < 10; t++)
        run_step(&r);
    CU_ASSERT_EQUAL(r.evals, 11);
    CU_ASSERT_EQUAL(r.gevals, 11);
    CU_ASSERT_EQUAL(r.hevals, 0);
    CU_ASSERT_EQUAL(run_set_grad(&r, GRAD_CENTRAL, 1e-6), CORE_OK);
    run_step(&r);
    CU_ASSERT_EQUAL(r.evals, 11 + 5);
    CU_ASSERT_EQUAL(r.gevals, 11);
    run_free(&r);
    objective_free(&o);
}

/* What the reference methods refuse, by their flags: clipping,
 * hypergradients, minibatches; a new α restarts GSL's minimiser. */
static void refusals_and_restarts(void)
{
    objective o = open_obj("rosenbrock");
    run_settings s = run_settings_default();
    run r;
    s.opt = &optim_bfgs;
    s.clip = (clip_setting){CLIP_NORM, 1.0};
    CU_ASSERT_EQUAL(run_init(&r, &o, &s, o.start), CORE_EUNSUPPORTED);
    s = run_settings_default();
    s.opt = &optim_newton;
    s.hd = (hd_setting){HD_ADD, 1e-3, 0.0, INFINITY};
    CU_ASSERT_EQUAL(run_init(&r, &o, &s, o.start), CORE_EUNSUPPORTED);
    r = start_run(&o, "bfgs", 0.01, NULL);
    for (int t = 0; t < 5; t++)
        run_step(&r);
    long evals = r.evals;
    CU_ASSERT_EQUAL(run_set_lr(&r, 0.02), CORE_OK);
    CU_ASSERT_EQUAL(r.opt_step, 0);
    CU_ASSERT_EQUAL(r.evals, evals + 1); /* GSL's set: f and ∇f */
    run_step(&r);
    evals = r.evals;
    s = run_settings_of(&r);
    s.lr = 0.05;
    CU_ASSERT_EQUAL(run_set_settings(&r, &s), CORE_OK);
    CU_ASSERT_EQUAL(r.opt_step, 0);
    CU_ASSERT_EQUAL(memcmp(r.state, r.theta, 2 * sizeof *r.theta), 0);
    CU_ASSERT_EQUAL(r.evals, evals + 1); /* GSL's set: f and ∇f */
    run_step(&r);
    CU_ASSERT_EQUAL(r.step, 7);
    /* Switching from Adam's α to Newton takes Newton's 1. */
    CU_ASSERT_EQUAL(optim_follow_lr(&optim_adam, &optim_newton, 1e-3), 1.0);
    CU_ASSERT_EQUAL(optim_follow_lr(&optim_newton, &optim_bfgs, 0.5), 0.5);
    CU_ASSERT_EQUAL(optim_follow_lr(&optim_newton, &optim_sgd, 1.0), 1e-3);
    CU_ASSERT_EQUAL(optim_follow_lr(&optim_sgd, &optim_adam, 0.05), 0.05);
    run_free(&r);
    objective_free(&o);
}

/* GSL's "no further progress": converged where ‖g‖ is at rounding. */
static void ends(void)
{
    objective o = open_obj("booth");
    run r = start_run(&o, "bfgs", 0.01, NULL);
    while (run_step(&r) == RUN_RUNNING && r.step < 1000)
        ;
    CU_ASSERT_EQUAL(r.status, RUN_CONVERGED);
    CU_ASSERT_PTR_NOT_NULL(r.stop_why);
    run_free(&r);
    r = start_run(&o, "nelder-mead", 0.1, NULL);
    while (run_step(&r) == RUN_RUNNING && r.step < 5000)
        ;
    CU_ASSERT(r.status == RUN_CONVERGED || r.status == RUN_STOPPED);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r.stop_why);
    CU_ASSERT_STRING_EQUAL(r.stop_why,
                           "the simplex repeats itself: no move changes it");
    run_free(&r);
    objective_free(&o);
    /* GSL's set refuses a starting simplex with a non-finite vertex. */
    o = open_obj("sqrt(0.1 - x) + y^2");
    const double x0[2] = {0.05, 1.0};
    r = start_run(&o, "nelder-mead", 0.1, x0);
    CU_ASSERT_EQUAL(run_step(&r), RUN_STOPPED);
    CU_ASSERT_EQUAL(r.step, 0);
    CU_ASSERT_STRING_EQUAL(r.stop_why, "f is not finite at a starting vertex");
    run_free(&r);
    objective_free(&o);
}

void suite_ref_methods(void)
{
    static const test_case tests[] = {
        {"newton: one step to a quadratic's minimum", newton_one_step},
        {"newton: saddle, maximum, singular", newton_saddle_maximum_singular},
        {"newton: numpy trajectories on rosenbrock", newton_numpy},
        {"newton: Hessian by differences", newton_differences},
        {"gsl: fdf minimisers bit for bit", gsl_fdf_methods},
        {"gsl: nmsimplex2 bit for bit, simplex shown", gsl_nelder_mead},
        {"gsl: probes on the searched line", probes_on_the_line},
        {"stages the methods have", stages},
        {"evaluation counts", evaluation_counts},
        {"refusals and restarts", refusals_and_restarts},
        {"ends: converged, stopped", ends},
        {NULL, NULL}};
    add_suite("ref_methods", tests);
}
