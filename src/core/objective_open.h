/* An objective from what a user typed: a built-in's name, or else an
 * expression (DESIGN §1: a name wins when it matches). */
#ifndef DESCENT_OBJECTIVE_OPEN_H
#define DESCENT_OBJECTIVE_OPEN_H

#include "objective.h"

typedef struct {
    int column;          /* 1-based column in spec; 0 when none applies */
    char message[160];
} objective_error;

/* Returns 0, or -1 with err filled. Free with objective_free. */
int objective_open(const char *spec, objective *out, objective_error *err);

#endif
