/* An objective from what a user typed: a built-in's name, or else an
 * expression (DESIGN §1: a name wins when it matches). */
#ifndef DESCENT_OBJECTIVE_OPEN_H
#define DESCENT_OBJECTIVE_OPEN_H

#include "expr.h"
#include "objective.h"

/* A column (1-based; 0 when none applies) and a message. */
typedef expr_error objective_error;

/* Returns 0, or -1 with err filled. A bare word that names no built-in
 * and is no variable or constant is reported as an unknown objective
 * (with a suggestion), not as an unknown variable. Free the objective
 * with objective_free. */
int objective_open(const char *spec, objective *out, objective_error *err);

/* The expression behind obj's automatic differentiation (an expression,
 * or a built-in's formula), or NULL. */
const expr *objective_expr(const objective *obj);

#endif
