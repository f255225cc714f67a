/* What the lesson screen shows beside the player's logic (player.h): the
 * current step's goal as last judged, the quiz's selected option and the
 * feedback on the last answer, what skip applied, and how far the text
 * is scrolled. The screen calls these from its keys and after every
 * update; nothing here draws. Pure. */
#ifndef DESCENT_TUI_LESSON_VIEW_H
#define DESCENT_TUI_LESSON_VIEW_H

#include <stdbool.h>

#include "player.h"
#include "progress.h"

typedef struct {
    lesson_player p;
    goal_report goal;       /* the current step's goal, last judged */
    char feedback[1400];    /* on the last answer or guess, with its
                               explanation; "" none */
    bool feedback_right;
    char skipped[400];      /* what skip applied or showed; "" none */
    int choice;             /* a choice quiz's selected option, 0-based */
    int scroll;             /* text lines scrolled off the top, or
                               LVIEW_TEXT_END */
} lesson_view;

/* scroll: the panel brings the last hint or what skip applied into
 * view (the text's end, or that paragraph's start when it is longer than
 * the rows). */
enum { LVIEW_TEXT_END = 1 << 20 };

/* Starts lesson l at its first step not done by pr (NULL: none). 0, or
 * -1 out of memory. */
int lview_init(lesson_view *v, const lesson *l, const progress *pr);
void lview_free(lesson_view *v);

/* Moves to step i, next or previous, forgetting the old step's hints,
 * skip, answers and scroll. next and prev return whether they moved. */
void lview_goto(lesson_view *v, size_t i);
bool lview_next(lesson_view *v);
bool lview_prev(lesson_view *v);

/* Judges the goal (and reveals a prediction) on s; met is final for the
 * step. */
void lview_check(lesson_view *v, const lesson_state *s);
/* Forgets the judgement: the run was opened again. */
void lview_restarted(lesson_view *v);

/* An answer as typed (number quizzes, or an option's number); for a
 * prediction, the guess. */
void lview_answer(lesson_view *v, const char *text);
/* Answers option k (1-based) of a choice quiz, selecting it. */
void lview_choose(lesson_view *v, int k);
/* Moves a choice quiz's selection by delta, wrapping. */
void lview_select(lesson_view *v, int delta);

/* Skip: the solution is on (the run must be opened again) or the quiz's
 * answer shown; the step is done. */
void lview_skip(lesson_view *v);

/* The hints shown so far: the first n of the step's. */
size_t lview_hints_shown(const lesson_view *v);
/* Reveals the next hint; false when every hint is shown. */
bool lview_hint(lesson_view *v);

#endif
