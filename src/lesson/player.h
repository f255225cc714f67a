/* The learner in a lesson, as logic without a screen (DESIGN §7): the
 * current step, its settings (with the solution applied after a skip),
 * hints revealed one by one, the goal judged on the run update by
 * update, the run's pause at the step's limit, quiz answers with their
 * explanations, a prediction asked before the run and revealed after
 * it, the recap at the end, steps done. The screen drives it: it opens
 * the step's run with player_open, passes the run's state to
 * player_check after each update, and reads back what to show with the
 * player_* queries; nothing here prints or draws. */
#ifndef DESCENT_PLAYER_H
#define DESCENT_PLAYER_H

#include <stdbool.h>
#include <stddef.h>

#include "goal_track.h"
#include "lesson.h"
#include "lesson_play.h"
#include "lesson_run.h"
#include "run.h"

typedef struct {
    bool valid;             /* false: not understood (message says why) */
    bool right;
    /* "Right.", "Not quite: try again, or ask for a hint.", "Not quite:
     * try again." (no hint left), or why the answer was not understood. */
    char message[320];
    /* Why: the chosen option's explanation, and the answer's when right
     * (a number quiz: the answer's when right). "" when the lesson gives
     * none. */
    char explain[1024];
} quiz_result;

/* Checks an answer as typed against q: a number (1/2 and 50% accepted;
 * when the answer is written as a percentage, 50 means 50% too), or an
 * option's number (1, 2, ...). The message does not know about hints. */
quiz_result lesson_quiz_check(const lesson_quiz *q, const char *answer);

/* The right answer as a sentence ("0.5", "50%", "2: Central
 * differences"). */
void lesson_quiz_answer(const lesson_quiz *q, char *buf, size_t cap);
/* Option k (1-based) as "k: text", without the option's closing full
 * stop: it goes inside a sentence ("Your guess: 2: Adam. Run it ..."). */
void lesson_quiz_option(const lesson_quiz *q, size_t k, char *buf,
                        size_t cap);

/* A step's prediction (predict:), as it stands. */
typedef struct {
    bool asked;             /* the step has one */
    bool guessed;           /* the learner committed to a guess */
    bool revealed;          /* the run is over: the answer is shown */
    char guess[256];        /* as understood: "0.5", "2: Adam" */
    char answer[320];       /* when revealed */
    bool right;             /* when revealed and guessed: within tolerance */
    char explain[1024];     /* when revealed: the answer's, the option's */
} prediction;

typedef struct {
    const lesson *l;
    size_t step;            /* the current step */
    bool in_recap;          /* past the last step, on the recap */
    size_t hints_shown;     /* of the current step */
    bool solved;            /* the current step was skipped: solution on */
    long ref_steps;         /* for a beat goal; 0: not yet known */
    bool *done;             /* per step: goal met, quiz right, or skipped */
    bool settled;           /* the current step done since it was shown */
    /* The current step's run as last judged. */
    goal_track goal;
    bool fed;               /* a state was judged since the run opened */
    lesson_state last;      /* that state (its pointers are the run's) */
    long paused_at;         /* the step of the last pause told; -1 */
    /* The current step's quiz: the last answer's feedback. */
    bool answered;
    quiz_result feedback;
    /* The current step's prediction. */
    bool guessed, revealed;
    quiz_result guess;      /* as checked against the answer, kept hidden */
    char guess_text[256];
} lesson_player;

/* Starts at the first step not done (done: ids of steps done earlier,
 * from the progress store; NULL: none). 0, or -1 out of memory. */
int player_init(lesson_player *p, const lesson *l, const char *const *done,
                size_t n_done);
void player_free(lesson_player *p);

const lesson_step *player_current(const lesson_player *p);
/* Moves to step i (clamped), leaving the recap; forgets the old step's
 * hints, skip, answers, prediction and judgement. */
void player_goto(lesson_player *p, size_t i);
/* Next: the following step, or the recap after the last one (when the
 * lesson has one). It marks a step without goal, quiz or prediction
 * done: it was read. Prev from the recap returns to the last step. Each
 * returns whether it moved. */
bool player_next(lesson_player *p);
bool player_prev(lesson_player *p);

/* The recap: whether the player is on it, its text (NULL: the lesson has
 * none). The next lesson is the lesson's next: or, without one, the
 * following in the menu (catalog_next). */
bool player_in_recap(const lesson_player *p);
const char *player_recap(const lesson_player *p);

/* The current step's settings and objective, ready for run_init (see
 * lesson_step_open); computes the reference of a beat goal (with the
 * engine); the judgement starts afresh. 0, or -1 with e filled. */
int player_open(lesson_player *p, run_options *o, objective *obj,
                option_error *e);
/* The run was started again (r, or settings that reopen it): the goal is
 * judged afresh. */
void player_restarted(lesson_player *p);

/* Judges the state after an update: the goal (met marks the step done),
 * and the prediction, revealed once the run is over (the goal decided,
 * the run ended or paused at its limit). Returns the goal's status
 * (pending for a step without goal). */
goal_status player_check(lesson_player *p, const lesson_state *s);

/* The goal as it stands (status, one-sentence summary, each part with
 * what was measured at the step that counts for it). A step without a
 * goal gives n = 0 and an empty summary. */
void player_goal(const lesson_player *p, goal_report *r);

/* Whether the run last judged is paused at its limit (the step's steps:
 * the screen stops running there and says so); the sentence for it.
 * player_pause_new says it once per pause: true when the pause is new
 * since the last call (the screen then stops live running). */
bool player_paused(const lesson_player *p);
bool player_pause_new(lesson_player *p);
void player_pause_text(const lesson_player *p, char *buf, size_t cap);

/* Whether the learner may change the setting called name. */
bool player_may_change(const lesson_player *p, const char *name);
/* The step's locks for the learner: "objective, start", or "all but
 * optimizer, lr" when most settings are locked; "" when none. */
void player_lock_text(const lesson_player *p, char *buf, size_t cap);

/* The next hint, or NULL when every hint is shown; how many are left. */
const char *player_hint(lesson_player *p);
size_t player_hints_left(const lesson_player *p);

/* Skip: applies the solution (player_open then gives the solved
 * settings), or shows the quiz's answer, or reveals the prediction;
 * marks the step done and writes what it did to buf. */
void player_skip(lesson_player *p, char *buf, size_t cap);

/* Checks an answer to the current step's quiz (right marks it done);
 * the result stays as the feedback until the step changes. */
quiz_result player_answer(lesson_player *p, const char *answer);
/* The last answer's feedback, or NULL before any. */
const quiz_result *player_feedback(const lesson_player *p);

/* The learner's guess for the current step's prediction, before its
 * run: kept until the run reveals the answer (a guess that is not
 * understood is not kept: the result says why). */
quiz_result player_predict(lesson_player *p, const char *guess);
/* Reveals the current step's prediction (the run is over). */
void player_reveal(lesson_player *p);
/* Whether the step waits for a guess before its run. */
bool player_wants_guess(const lesson_player *p);
void player_prediction(const lesson_player *p, prediction *out);

/* The theory lines as the step panel should show them now: hidden
 * (STEP_THEORY_HIDE), shown (STEP_THEORY_SHOW), or held back until the
 * step is done (STEP_THEORY_AFTER): the step's theory: with its question
 * settled since it was shown (a goal met, a quiz answered right, a
 * prediction revealed, a skip), or nothing to settle, or the recap. */
lesson_theory player_theory(const lesson_player *p);

size_t player_done_count(const lesson_player *p);
bool player_complete(const lesson_player *p);

#endif
