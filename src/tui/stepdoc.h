/* The anatomy of one update as lines of text (DESIGN §2): each stage's
 * formula with the run's numbers substituted, the gradient by the other
 * methods with their relative error, the optimiser's state. The step
 * panel draws these lines; they know nothing of the terminal. Pure. */
#ifndef DESCENT_TUI_STEPDOC_H
#define DESCENT_TUI_STEPDOC_H

#include <stdbool.h>

#include "hist.h"
#include "run.h"
#include "theory_view.h"

enum { STEPDOC_MAX_LINES = 24, STEPDOC_LINE = 200 };

typedef struct {
    int stage;        /* 0..4, or -1 for a line about the whole update */
    bool first;       /* the stage's first line (the label goes by it) */
    bool pending;     /* the stage has not run yet in this update */
    bool key;         /* the stage's result: kept when rows are short */
    char text[STEPDOC_LINE];
} stepdoc_line;

typedef struct {
    long update;      /* the update shown: t */
    int done;         /* its stages done, 0..5 */
    int shown;        /* the stage to highlight, -1 for none */
    char title[96];
    int n;
    stepdoc_line lines[STEPDOC_MAX_LINES];
} stepdoc;

/* The step panel's gradient check of one update, kept with the run:
 * made once per update shown (a model's central differences cost two
 * evaluations a parameter). */
typedef struct {
    long update;        /* -1: none */
    grad_method method; /* the method and h it was made against */
    double h;
    double err[GRAD_METHOD_COUNT];
} gradcheck_cache;

/* What the anatomy is built from: the run, its history, its check. */
typedef struct {
    const run *r;
    const hist *h;
    gradcheck_cache *check;
    bool running;       /* live running: a model's check waits */
    /* A setting changed since the last update: that update's numbers
     * belong to the old settings, so the next one is shown (ready). */
    bool changed;
    double *scratch;    /* 3 n doubles */
    const theory_view *theory; /* the objective as a quadratic, or NULL */
} stepdoc_source;

/* The anatomy of the run's current (or just completed) update. */
void stepdoc_build(const stepdoc_source *src, stepdoc *d);

/* Which of d's lines a panel of rows lines shows: all when they fit,
 * else every stage's key line (its result), then the highlighted
 * stage's others, then the rest in order while rows last. keep[i] for
 * line i; returns how many are kept. */
int stepdoc_fit(const stepdoc *d, int rows, bool *keep);

#endif
