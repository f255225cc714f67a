/* A step's prediction: a quiz answered before the step's run and judged
 * only when the run is over (see player.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "player.h"

quiz_result player_predict(lesson_player *p, const char *guess)
{
    const lesson_quiz *q = &player_current(p)->quiz;
    quiz_result r;
    memset(&r, 0, sizeof r);
    if (!q->predict) {
        snprintf(r.message, sizeof r.message, "This step asks for no "
                 "prediction.");
        return r;
    }
    if (p->revealed || (p->fed && p->last.step > 0)) {
        snprintf(r.message, sizeof r.message, "The run has started: the "
                 "guess stands.");
        return r;
    }
    r = lesson_quiz_check(q, guess);
    if (!r.valid)
        return r;
    p->guess = r;
    p->guessed = true;
    if (q->kind == QUIZ_CHOICE) {
        lesson_quiz_option(q, (size_t)strtol(guess, NULL, 10),
                           p->guess_text, sizeof p->guess_text);
    } else {
        snprintf(p->guess_text, sizeof p->guess_text, "%s",
                 guess + strspn(guess, " "));
    }
    memset(&r, 0, sizeof r);
    r.valid = true;
    /* A run that could not start is over already: the answer is due. */
    bool over = p->fed && p->last.status != RUN_RUNNING;
    if (over)
        player_reveal(p);
    snprintf(r.message, sizeof r.message, "Your guess: %s.%s", p->guess_text,
             over ? "" : " Run it to see.");
    return r;
}

bool player_wants_guess(const lesson_player *p)
{
    return player_current(p)->quiz.predict && !p->guessed && !p->revealed;
}

void player_prediction(const lesson_player *p, prediction *out)
{
    const lesson_quiz *q = &player_current(p)->quiz;
    memset(out, 0, sizeof *out);
    out->asked = q->predict;
    out->guessed = p->guessed;
    out->revealed = p->revealed;
    snprintf(out->guess, sizeof out->guess, "%s", p->guess_text);
    if (!q->predict || !p->revealed)
        return;
    lesson_quiz_answer(q, out->answer, sizeof out->answer);
    out->right = p->guessed && p->guess.right;
    /* The chosen option's explanation (with the answer's when right),
     * then the answer's: the run has shown it anyway. */
    snprintf(out->explain, sizeof out->explain, "%s", p->guessed
             ? p->guess.explain : "");
    if (q->explain && !(p->guessed && p->guess.right)) {
        size_t n = strlen(out->explain);
        snprintf(out->explain + n, sizeof out->explain - n, "%s%s",
                 n ? " " : "", q->explain);
    }
}
