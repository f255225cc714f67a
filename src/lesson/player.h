/* The learner in a lesson, as logic without a screen: the current step,
 * its settings (with the solution applied after a skip), hints revealed
 * one by one, goals judged against the state of a run, quiz answers
 * checked, steps done. The TUI drives it: after each update it passes
 * the run's state to player_check; nothing here prints or draws. */
#ifndef DESCENT_PLAYER_H
#define DESCENT_PLAYER_H

#include <stdbool.h>
#include <stddef.h>

#include "lesson.h"
#include "run.h"

typedef enum { GOAL_PENDING, GOAL_MET, GOAL_FAILED } goal_status;

/* What a goal needs of a run: the state after `step` updates. */
typedef struct {
    long step;
    double loss;
    run_status status;
    const double *theta;
    size_t n;
} lesson_state;

lesson_state lesson_state_of(const run *r);

typedef struct {
    goal_status status;
    char message[256];  /* one sentence for the learner */
} goal_result;

/* Judges goal g of lesson l on state s. ref_steps: for "converge faster
 * than", the updates the other step's run needed (lesson_reference);
 * ignored otherwise. Met is final for the state given; failed says the
 * run as it stands cannot meet the goal any more (the learner changes
 * something and starts again). */
goal_result lesson_goal_check(const lesson *l, const lesson_goal *g,
                              const lesson_state *s, long ref_steps);

/* The updates the run of step i's "converge faster than" step needs to
 * bring the loss below its goal's V (with that step's solution applied
 * when it has one; its N + 1 when it never does within N). Runs the
 * engine. 0, or -1 with e filled. */
int lesson_reference(const lesson *l, size_t i, long *steps, option_error *e);

/* Runs step i headless (with its solution when solved) until its goal is
 * met or failed: within N updates for loss and diverge goals, the
 * step's steps setting for reach, the reference's count for faster.
 * 0 with *out set, or -1 with e filled (settings that do not open). */
int lesson_simulate(const lesson *l, size_t i, bool solved, goal_result *out,
                    option_error *e);

/* Runs every goal of l headless and reports, at the goal's line, each
 * that its step cannot meet: with its solution when it has one, else as
 * written. For `descent lint`. */
void lesson_verify(const lesson *l, diag_list *d);

typedef struct {
    bool right;
    bool valid;         /* false: the answer was not understood */
    char message[320];
} quiz_result;

/* Checks an answer as typed: a number for number quizzes, an option's
 * number (1, 2, ...) for choice quizzes. */
quiz_result lesson_quiz_check(const lesson_quiz *q, const char *answer);

/* The right answer as a sentence ("0.5", "2: Central differences"). */
void lesson_quiz_answer(const lesson_quiz *q, char *buf, size_t cap);

typedef struct {
    const lesson *l;
    size_t step;            /* the current step */
    size_t hints_shown;     /* of the current step */
    bool solved;            /* the current step was skipped: solution on */
    long ref_steps;         /* for "converge faster than"; 0: not yet */
    bool *done;             /* per step: goal met, quiz right, or skipped */
} lesson_player;

/* Starts at the first step not done (done: ids of steps done earlier,
 * from the progress store; NULL: none). 0, or -1 out of memory. */
int player_init(lesson_player *p, const lesson *l, const char *const *done,
                size_t n_done);
void player_free(lesson_player *p);

const lesson_step *player_current(const lesson_player *p);
/* Moves to step i (clamped); forgets hints and skip of the old step. */
void player_goto(lesson_player *p, size_t i);
/* Next also marks a step without goal or quiz done: it was read. */
bool player_next(lesson_player *p);
bool player_prev(lesson_player *p);

/* The current step's settings and objective, ready for run_init (see
 * lesson_step_open); computes the reference of a "faster" goal. */
int player_open(lesson_player *p, run_options *o, objective *obj,
                option_error *e);

/* Whether the learner may change the setting called name. */
bool player_may_change(const lesson_player *p, const char *name);

/* The next hint, or NULL when every hint is shown. */
const char *player_hint(lesson_player *p);

/* Skip: applies the solution (player_open then gives the solved
 * settings), marks the step done and writes what was applied, or the
 * quiz's answer, to buf. */
void player_skip(lesson_player *p, char *buf, size_t cap);

/* Judges the current step's goal on s; a met goal marks the step done.
 * A step without a goal is pending. */
goal_result player_check(lesson_player *p, const lesson_state *s);

/* Checks an answer to the current step's quiz; right marks it done. */
quiz_result player_answer(lesson_player *p, const char *answer);

size_t player_done_count(const lesson_player *p);
bool player_complete(const lesson_player *p);

#endif
