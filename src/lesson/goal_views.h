/* The facts a goal or check states about the views a step opens
 * (goal.h's h_error, best_h, hpo_best, hpo_best_h, hpo_reach): each
 * measured on the run as it stands (its θ, h and objective) or on the
 * HPO view's searches, judged now like a setting. Pure. */
#ifndef DESCENT_GOAL_VIEWS_H
#define DESCENT_GOAL_VIEWS_H

#include <stddef.h>

#include "goal_track.h"

/* What the fact measures on s (NaN where it does not apply, and for a
 * quotient that divides by a vanished step); +inf for a search that
 * never came within 1% of the grid's best. */
double goal_view_measure(const goal_atom *a, const lesson_state *s);
/* Whether it holds for v, what it measured. */
bool goal_view_holds(const goal_atom *a, double v);
/* As written ("h_error central < 1e-06"). */
void goal_view_text(const goal_atom *a, char *buf, size_t cap);
/* What was measured, in words ("central differences' error at h is
 * 1.4e-05, not below 1e-06"). */
void goal_view_detail(const goal_atom *a, const part_state *p, char *buf,
                      size_t cap);

#endif
