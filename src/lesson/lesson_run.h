/* Runs of a lesson's steps made headless with the engine: the reference
 * run of a step that another beats, a step's run as it starts or with
 * its solution, a check's run (for `descent lint --play`). Each run is
 * judged update by update (goal_track.h) and stops when its goal is
 * decided. Every run draws on a budget of updates. */
#ifndef DESCENT_LESSON_RUN_H
#define DESCENT_LESSON_RUN_H

#include "goal_track.h"

/* Updates lint --play may run for one file: bounds its time whatever the
 * file holds. */
enum { LESSON_PLAY_BUDGET = 10000000 };

/* The updates left; NULL where no budget applies (the TUI). */
typedef long lesson_budget;

/* Runs the options o (objective obj, opened) judged by t until the goal
 * is decided, the run ends or horizon updates are made. 0, or -1 with e
 * filled (the run does not start, or the budget is spent). */
int lesson_run_goal(const run_options *o, const objective *obj, long horizon,
                    goal_track *t, lesson_budget *budget, option_error *e);

/* The updates the run of step k (with its solution when it has one)
 * needs to meet its goal; its latest deadline + 1 when it does not. This
 * is what a goal that beats step k must do better than. 0, or -1. */
int lesson_reference(const lesson *l, size_t k, long *steps,
                     lesson_budget *budget, option_error *e);

/* The reference of goal g's beat part (0 when it has none). 0, or -1. */
int lesson_goal_reference(const lesson *l, const lesson_goal *g, long *ref,
                          lesson_budget *budget, option_error *e);

/* Step i's run (with its solution when solved) judged by its goal, to a
 * decision; the report in out. 0, or -1. */
int lesson_simulate(const lesson *l, size_t i, bool solved, goal_report *out,
                    lesson_budget *budget, option_error *e);

#endif
