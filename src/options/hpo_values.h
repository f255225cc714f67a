/* The options of `descent hpo` that say what is searched and how
 * (--over --method --grid --budget --range --optimizer --steps) as
 * values, checked without printing: the command line and a lesson's
 * `view: hpo OPTIONS` read them alike. Then the search opened on a
 * model (hpo_setup): its problem, each method's search. */
#ifndef DESCENT_HPO_VALUES_H
#define DESCENT_HPO_VALUES_H

#include <stdbool.h>

#include "hpo.h"
#include "hpo_lr.h"
#include "hpo_ridge.h"
#include "option.h"
#include "optimizer.h"

enum {
    HOPT_OVER = 200, HOPT_METHOD, HOPT_BUDGET, HOPT_GRID, HOPT_RANGE,
    HOPT_OPTIMIZER, HOPT_STEPS
};

/* The table entries, for a command's own table. */
#define HPO_CLI_OPTIONS                                                      \
    {"over", true, HOPT_OVER}, {"method", true, HOPT_METHOD},                \
    {"budget", true, HOPT_BUDGET}, {"grid", true, HOPT_GRID},                \
    {"range", true, HOPT_RANGE}, {"optimizer", true, HOPT_OPTIMIZER},        \
    {"steps", true, HOPT_STEPS}

extern const option_entry hpo_search_options[];

typedef struct {
    bool lr;                 /* --over lr; else ridge's λ */
    int method;              /* -1: all */
    long budget, grid, steps;
    double range[2];
    bool range_set;
    const optimizer_type *opt;
} hpo_options;

void hpo_options_default(hpo_options *o);
/* Applies option id (HOPT_*) with value v. 0, or -1 with e filled. */
int hpo_options_set(hpo_options *o, int id, const char *v, option_error *e);
/* The searched range when none was given: λ 1e-3:1e5, lr 1e-4:1. */
void hpo_options_range(const hpo_options *o, double *lo, double *hi);
/* Whether method m is searched: the one asked for, or all; the grid
 * always (the others are judged against its best). */
bool hpo_options_searches(const hpo_options *o, int m);

/* A search opened on a model: λ of ridge (linear solves) or the
 * learning rate (training runs of the model). */
typedef struct {
    hpo_options o;
    double lo, hi;
    ridge_hpo ridge;
    lr_hpo lr;
    hpo_problem p;
    uint64_t seed;           /* random search */
} hpo_setup;

/* For the model objective obj (it must outlive s): --over lambda needs
 * ridge; the model needs validation rows. 0, or -1 with e filled. */
int hpo_setup_open(hpo_setup *s, const hpo_options *o, const objective *obj,
                   uint64_t seed, option_error *e);
void hpo_setup_free(hpo_setup *s);
/* Method m's search into t (its budget: the grid's points or --budget).
 * 0, or -1 when it fails. */
int hpo_setup_search(const hpo_setup *s, hpo_method m, hpo_trace *t);
/* Every method searched (hpo_options_searches) into t; the others'
 * traces are left empty. 0, or -1 with the failed method's name. */
int hpo_setup_search_all(const hpo_setup *s, hpo_trace t[HPO_METHOD_COUNT],
                         const char **failed);
/* The same for the methods in mask (bit m: hpo_method m) alone: the
 * searches are independent, so each is what search_all makes of it. */
int hpo_setup_search_only(const hpo_setup *s, hpo_trace t[HPO_METHOD_COUNT],
                          unsigned mask, const char **failed);

#endif
