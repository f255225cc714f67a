/* Hyperparameter search in one dimension: a value h > 0 (ridge's λ, a
 * learning rate α) searched on a log scale in [lo, hi] for the smallest
 * validation loss E(h). Four methods, traced evaluation by evaluation:
 * grid (log-spaced, in increasing h), random (log-uniform, seeded),
 * Bayesian optimisation (a Gaussian process over log h with expected
 * improvement) and gradient descent on log h with the problem's
 * hypergradient dE/dh. */
#ifndef DESCENT_HPO_H
#define DESCENT_HPO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    /* E(h), and dE/dh into *deriv unless deriv is NULL; adds what it
     * cost (linear solves, training runs) to *cost. Returns 0, or -1
     * when the problem fails (E may also be NaN: a diverged run). */
    int (*eval)(void *ctx, double h, double *value, double *deriv,
                long *cost);
    void *ctx;
    double lo, hi;      /* 0 < lo < hi */
} hpo_problem;

typedef struct {
    double h, value;    /* this evaluation */
    double best_h, best; /* the running best, this one included */
    long cost;          /* cumulative cost after it */
} hpo_eval;

typedef struct {
    hpo_eval *e;
    size_t n, cap;
} hpo_trace;

void hpo_trace_free(hpo_trace *t);

typedef enum { HPO_GRID, HPO_RANDOM, HPO_BAYES, HPO_GRADIENT } hpo_method;

enum { HPO_METHOD_COUNT = 4 };

const char *hpo_method_name(hpo_method m);
int hpo_method_parse(const char *name, hpo_method *m);

/* Evaluations a search may take: far beyond a useful grid, and within
 * memory (a trace keeps 40 bytes an evaluation). Bayesian optimisation
 * refits its model at O(n³) an evaluation (300: 2 s; 1000 would take
 * 90 s and n² doubles of memory), so it stops far earlier. */
enum { HPO_MAX_EVALS = 1000000, HPO_BAYES_MAX_EVALS = 300 };

typedef struct {
    hpo_method method;
    size_t budget;      /* evaluations at most; 1..HPO_MAX_EVALS (bayes:
                           HPO_BAYES_MAX_EVALS) */
    uint64_t seed;      /* random search */
    double start;       /* gradient: the first h; 0: √(lo·hi) */
} hpo_settings;

/* Runs a search; out gets every evaluation (it is reset first). The
 * gradient method may stop before its budget once its steps vanish, and
 * Bayesian optimisation once no expected improvement is left. Returns
 * 0, or -1 when the problem fails, memory runs out or the budget is
 * beyond the method's limit. */
int hpo_search(const hpo_problem *p, const hpo_settings *s, hpo_trace *out);

/* The cost at which the running best first came within rel of target
 * (best ≤ target·(1 + rel)); -1 when it never did. */
long hpo_cost_to_reach(const hpo_trace *t, double target, double rel);

/* For the methods' files: evaluates at h and appends to t. */
int hpo_record(const hpo_problem *p, hpo_trace *t, double h, double *value,
               double *deriv);
int hpo_bayes(const hpo_problem *p, const hpo_settings *s, hpo_trace *t);
int hpo_gradient(const hpo_problem *p, const hpo_settings *s, hpo_trace *t);

#endif
