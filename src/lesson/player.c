/* The learner's way through a lesson (see player.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "player.h"

/* The step's own state, as when it is first shown. */
/* The current step is done: for the progress, and for this visit. */
static void settle(lesson_player *p)
{
    p->done[p->step] = true;
    p->settled = true;
}

static void fresh(lesson_player *p)
{
    p->hints_shown = 0;
    p->solved = false;
    p->settled = false;
    p->ref_steps = 0;
    p->answered = false;
    p->guessed = false;
    p->revealed = false;
    p->guess_text[0] = '\0';
    memset(&p->feedback, 0, sizeof p->feedback);
    memset(&p->guess, 0, sizeof p->guess);
    player_restarted(p);
}

int player_init(lesson_player *p, const lesson *l, const char *const *done,
                size_t n_done)
{
    memset(p, 0, sizeof *p);
    p->l = l;
    p->done = calloc(l->n_steps ? l->n_steps : 1, sizeof *p->done);
    if (!p->done)
        return -1;
    for (size_t i = 0; i < n_done; i++) {
        long k = lesson_find_step(l, done[i]);
        if (k >= 0)
            p->done[k] = true;
    }
    size_t first = 0;
    while (first + 1 < l->n_steps && p->done[first])
        first++;
    player_goto(p, first);
    return 0;
}

void player_free(lesson_player *p)
{
    free(p->done);
    memset(p, 0, sizeof *p);
}

const lesson_step *player_current(const lesson_player *p)
{
    return &p->l->steps[p->step];
}

void player_goto(lesson_player *p, size_t i)
{
    if (i >= p->l->n_steps)
        i = p->l->n_steps - 1;
    p->step = i;
    p->in_recap = false;
    fresh(p);
}

bool player_next(lesson_player *p)
{
    const lesson_step *st = player_current(p);
    if (p->in_recap)
        return false;
    if (!lesson_has_goal(st) && st->quiz.kind == QUIZ_NONE)
        p->done[p->step] = true;
    if (p->step + 1 < p->l->n_steps) {
        player_goto(p, p->step + 1);
        return true;
    }
    if (!p->l->recap)
        return false;
    p->in_recap = true;
    return true;
}

bool player_prev(lesson_player *p)
{
    if (p->in_recap) {
        p->in_recap = false;
        return true;
    }
    if (p->step == 0)
        return false;
    player_goto(p, p->step - 1);
    return true;
}

bool player_in_recap(const lesson_player *p) { return p->in_recap; }

const char *player_recap(const lesson_player *p) { return p->l->recap; }

int player_open(lesson_player *p, run_options *o, objective *obj,
                option_error *e)
{
    const lesson_step *st = player_current(p);
    if (goal_has(&st->goal, ATOM_BEAT) && p->ref_steps <= 0 &&
        lesson_goal_reference(p->l, &st->goal, &p->ref_steps, NULL, e) < 0)
        return -1;
    if (lesson_step_open(st, p->solved, o, obj, e) < 0)
        return -1;
    player_restarted(p);
    return 0;
}

void player_restarted(lesson_player *p)
{
    goal_track_init(&p->goal, p->l, &player_current(p)->goal, p->ref_steps);
    p->fed = false;
    p->paused_at = -1;
}

goal_status player_check(lesson_player *p, const lesson_state *s)
{
    const lesson_step *st = player_current(p);
    if (p->fed && s->step < p->last.step) /* restarted */
        p->paused_at = -1;
    p->last = *s;
    p->fed = true;
    goal_status g = GOAL_PENDING;
    if (lesson_has_goal(st)) {
        g = goal_track_feed(&p->goal, s);
        if (g == GOAL_MET)
            settle(p);
    }
    /* A run over before any update (it could not start) waits for the
     * guess: the screen shows that it is over, not how. */
    if (s->status != RUN_RUNNING && (p->guessed || s->step > 0))
        player_reveal(p);
    return g;
}

void player_reveal(lesson_player *p)
{
    const lesson_step *st = player_current(p);
    if (!st->quiz.predict || p->revealed)
        return;
    p->revealed = true;
    if (!lesson_has_goal(st))
        settle(p);
}

void player_goal(const lesson_player *p, goal_report *r)
{
    if (!lesson_has_goal(player_current(p))) {
        memset(r, 0, sizeof *r);
        return;
    }
    goal_track_report(&p->goal, r);
}

bool player_paused(const lesson_player *p)
{
    return p->fed && p->last.status == RUN_MAX_STEPS;
}

bool player_pause_new(lesson_player *p)
{
    if (!player_paused(p) || p->last.step == p->paused_at)
        return false;
    p->paused_at = p->last.step;
    return true;
}

void player_pause_text(const lesson_player *p, char *buf, size_t cap)
{
    if (player_paused(p))
        snprintf(buf, cap, "Paused at step %ld, the limit of this run.",
                 p->last.step);
    else
        buf[0] = '\0';
}

bool player_may_change(const lesson_player *p, const char *name)
{
    const option_entry *o = lesson_option(name, strlen(name));
    return o && !player_current(p)->locked[o->id];
}

void player_lock_text(const lesson_player *p, char *buf, size_t cap)
{
    const lesson_step *st = player_current(p);
    size_t n = 0, locked = 0, len = 0;
    const char *const *names = lesson_option_names();
    for (; names[n]; n++)
        locked += st->locked[lesson_option(names[n], strlen(names[n]))->id];
    /* Name the fewer: the locked ones, or the free ones. */
    bool most = locked > n / 2 && locked < n;
    buf[0] = '\0';
    if (locked == n)
        snprintf(buf, cap, "all");
    else if (most)
        len = (size_t)snprintf(buf, cap, "all but ");
    for (size_t i = 0; locked < n && i < n && len < cap; i++) {
        bool on = st->locked[lesson_option(names[i], strlen(names[i]))->id];
        if (on != most)
            len += (size_t)snprintf(buf + len, cap - len, "%s%s",
                                    len && buf[len - 1] != ' ' ? ", " : "",
                                    names[i]);
    }
}

const char *player_hint(lesson_player *p)
{
    const lesson_step *st = player_current(p);
    return p->hints_shown < st->n_hints ? st->hints[p->hints_shown++] : NULL;
}

size_t player_hints_left(const lesson_player *p)
{
    return player_current(p)->n_hints - p->hints_shown;
}

void player_skip(lesson_player *p, char *buf, size_t cap)
{
    const lesson_step *st = player_current(p);
    p->solved = true;
    settle(p);
    if (st->quiz.kind != QUIZ_NONE && !lesson_has_goal(st)) {
        char answer[256];
        lesson_quiz_answer(&st->quiz, answer, sizeof answer);
        p->revealed = true;
        snprintf(buf, cap, "The answer: %s%s%s", answer,
                 st->quiz.explain ? ". " : "",
                 st->quiz.explain ? st->quiz.explain : "");
        return;
    }
    size_t len = (size_t)snprintf(buf, cap, "%s", st->n_solution
                                  ? "Solution:" : "Skipped.");
    for (size_t i = 0; i < st->n_solution && len < cap; i++) {
        const lesson_setting *s = &st->solution[i];
        len += (size_t)snprintf(buf + len, cap - len, " %s: %s",
                                option_by_id(run_option_table, s->id)->name,
                                s->value ? s->value : "");
    }
}

quiz_result player_answer(lesson_player *p, const char *answer)
{
    const lesson_quiz *q = &player_current(p)->quiz;
    quiz_result r;
    if (q->kind == QUIZ_NONE || q->predict) {
        memset(&r, 0, sizeof r);
        snprintf(r.message, sizeof r.message, "%s", q->predict
                 ? "This step asks for a prediction." : "This step has no "
                 "quiz.");
        return r;
    }
    r = lesson_quiz_check(q, answer);
    if (r.valid && !r.right)
        snprintf(r.message, sizeof r.message, "%s", player_hints_left(p)
                 ? "Not quite: try again, or ask for a hint."
                 : "Not quite: try again.");
    if (r.right)
        settle(p);
    p->feedback = r;
    p->answered = true;
    return r;
}

const quiz_result *player_feedback(const lesson_player *p)
{
    return p->answered ? &p->feedback : NULL;
}

lesson_theory player_theory(const lesson_player *p)
{
    const lesson_step *st = player_current(p);
    if (st->theory != STEP_THEORY_AFTER)
        return st->theory;
    bool asks = lesson_has_goal(st) || st->quiz.kind != QUIZ_NONE;
    return p->in_recap || p->settled || !asks ? STEP_THEORY_SHOW
                                              : STEP_THEORY_AFTER;
}

size_t player_done_count(const lesson_player *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->l->n_steps; i++)
        n += p->done[i];
    return n;
}

bool player_complete(const lesson_player *p)
{
    return player_done_count(p) == p->l->n_steps;
}
