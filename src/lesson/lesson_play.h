/* `descent lint --play` (DESIGN §7): every goal and check of a lesson,
 * every check of a demo script, played headless. A goal holds when the
 * step as it starts (nothing changed, run to its goal's deadlines) does
 * not meet it and its solution does; a check when its run meets its
 * outcome. Nothing here prints: each verdict goes to a callback. */
#ifndef DESCENT_LESSON_PLAY_H
#define DESCENT_LESSON_PLAY_H

#include <stdbool.h>

#include "demo.h"
#include "lesson_run.h"

typedef struct {
    int line;               /* of the goal or check */
    const char *step;       /* the step's id (a demo: its current step) */
    bool ok;
    char why[1200];         /* when not ok */
} play_verdict;

typedef void (*play_report)(void *ctx, const play_verdict *v);

/* Plays every goal and check of l (a lesson without problems), in the
 * order of their lines. Returns how many fail. */
size_t lesson_play(const lesson *l, lesson_budget *budget, play_report report,
                   void *ctx);

/* lesson_play's failures as problems of d, each at its goal's or check's
 * line as "STEP: why", within budget updates (LESSON_PLAY_BUDGET, as
 * lint --play; the fuzz target plays fewer). */
void lesson_verify(const lesson *l, lesson_budget budget, diag_list *d);

/* Plays demo d (without problems) as the screen would, judging each
 * check command where it stands; find resolves its lessons. Returns how
 * many fail. */
size_t demo_play_checks(const demo *d, demo_find_lesson find, void *find_ctx,
                        lesson_budget *budget, play_report report, void *ctx);

#endif
