/* Goals judged on a run as it goes (DESIGN §7): the state after each
 * update is fed in order, and each part of the goal is decided at its
 * deadline or before, once and for all: a loss judged at step N stays the
 * loss at step N, whatever the run does after. Parts that name a setting
 * (and a demo's parts judged "now") follow the state they are given.
 * Pure: nothing here runs the engine or prints. */
#ifndef DESCENT_GOAL_TRACK_H
#define DESCENT_GOAL_TRACK_H

#include <stdbool.h>

#include "hpo.h"
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
    const run_settings *settings;   /* NULL: unknown (setting parts fail) */
    const objective *obj;           /* for val_loss, val_acc; NULL: none */
    /* The HPO view's searches, HPO_METHOD_COUNT traces (hpo.h); NULL:
     * none (hpo_* facts fail). */
    const hpo_trace *hpo;
    double lr;                      /* α in effect (after this update) */
    long evals, gevals;             /* evaluations so far (DESIGN §3d) */
} lesson_state;

lesson_state lesson_state_of(const run *r);

/* One part of a goal, as it stands. */
typedef struct {
    goal_status status;     /* of the part as written (not negated) */
    bool final;             /* decided: feeding more states changes nothing */
    long at;                /* the step it was decided (or last judged) at */
    double value;           /* what was measured then (NaN: not seen) */
    run_status run;         /* the run's status then */
} part_state;

typedef struct {
    const lesson *l;
    const lesson_goal *g;
    long ref;               /* beat: the updates its step's run needed */
    part_state part[GOAL_MAX_PARTS];
    part_state sub[GOAL_MAX_PARTS]; /* the beaten step's goal, on this run */
    long last;              /* the step last fed; -1: none */
    goal_status status;     /* of the whole goal */
    long met_at;            /* where it was first met; -1 */
} goal_track;

/* Starts judging goal g of lesson l (l: for beat, else may be NULL) on a
 * new run. ref: see lesson_reference (ignored without beat; 0: not yet
 * known, and beat stays pending). */
void goal_track_init(goal_track *t, const lesson *l, const lesson_goal *g,
                     long ref);

/* The state after the next update (or any later one; a state of an
 * earlier step starts the judgement again: the run was restarted).
 * Returns the goal's status. Met stays met. */
goal_status goal_track_feed(goal_track *t, const lesson_state *s);

/* Whether the goal failed by a part decided for good (feeding more
 * states of the same run cannot meet it). */
bool goal_track_final(const goal_track *t);

/* How the goal stands, for the learner. */
typedef struct {
    goal_status status;
    char text[160];         /* the part as written, "not" included */
    char detail[200];       /* what was measured, at the step it counts */
} goal_part_report;

typedef struct {
    goal_status status;
    /* Failed for good: only a restart (or another run) can meet it. A
     * failure by a setting is not final: changing it may meet the goal. */
    bool final;
    /* One sentence: "Goal met at step 37: loss 0.00042, below 0.001.",
     * "Not met: loss 0.0031 at step 200, not below 0.001." A failed
     * deadline's numbers are those at the deadline. */
    char summary[320];
    char goal[480];         /* the whole goal as written */
    goal_part_report part[GOAL_MAX_PARTS];
    size_t n;
} goal_report;

/* Pending parts and those judged now are reported on the state last
 * fed. */
void goal_track_report(const goal_track *t, goal_report *r);

#endif
