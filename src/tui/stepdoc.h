/* The anatomy of one update as lines of text (DESIGN §2): each stage's
 * formula with the run's numbers substituted, the gradient by the other
 * methods with their relative error, the optimiser's state. The step
 * panel draws these lines; they know nothing of the terminal. Pure. */
#ifndef DESCENT_TUI_STEPDOC_H
#define DESCENT_TUI_STEPDOC_H

#include <stdbool.h>

#include "session.h"

enum { STEPDOC_MAX_LINES = 24, STEPDOC_LINE = 200 };

typedef struct {
    int stage;        /* 0..4, or -1 for a line about the whole update */
    bool first;       /* the stage's first line (the label goes by it) */
    bool pending;     /* the stage has not run yet in this update */
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

/* The anatomy of run i's current (or just completed) update. */
void stepdoc_build(session *s, int i, stepdoc *d);

#endif
