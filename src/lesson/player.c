/* The learner's way through a lesson (see player.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "player.h"

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
    p->step = first;
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
    p->hints_shown = 0;
    p->solved = false;
    p->ref_steps = 0;
}

bool player_next(lesson_player *p)
{
    const lesson_step *st = player_current(p);
    if (st->goal.kind == GOAL_NONE && st->quiz.kind == QUIZ_NONE)
        p->done[p->step] = true;
    if (p->step + 1 >= p->l->n_steps)
        return false;
    player_goto(p, p->step + 1);
    return true;
}

bool player_prev(lesson_player *p)
{
    if (p->step == 0)
        return false;
    player_goto(p, p->step - 1);
    return true;
}

int player_open(lesson_player *p, run_options *o, objective *obj,
                option_error *e)
{
    const lesson_step *st = player_current(p);
    if (st->goal.kind == GOAL_FASTER && p->ref_steps <= 0 &&
        lesson_reference(p->l, p->step, &p->ref_steps, e) < 0)
        return -1;
    return lesson_step_open(st, p->solved, o, obj, e);
}

bool player_may_change(const lesson_player *p, const char *name)
{
    const option_entry *o = lesson_option(name, strlen(name));
    return o && !player_current(p)->locked[o->id];
}

const char *player_hint(lesson_player *p)
{
    const lesson_step *st = player_current(p);
    return p->hints_shown < st->n_hints ? st->hints[p->hints_shown++] : NULL;
}

void player_skip(lesson_player *p, char *buf, size_t cap)
{
    const lesson_step *st = player_current(p);
    p->solved = true;
    p->done[p->step] = true;
    if (st->quiz.kind != QUIZ_NONE) {
        char answer[256];
        lesson_quiz_answer(&st->quiz, answer, sizeof answer);
        snprintf(buf, cap, "The answer: %s", answer);
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

goal_result player_check(lesson_player *p, const lesson_state *s)
{
    const lesson_step *st = player_current(p);
    goal_result r = lesson_goal_check(p->l, &st->goal, s, p->ref_steps);
    if (r.status == GOAL_MET)
        p->done[p->step] = true;
    return r;
}

quiz_result player_answer(lesson_player *p, const char *answer)
{
    quiz_result r = lesson_quiz_check(&player_current(p)->quiz, answer);
    if (r.right)
        p->done[p->step] = true;
    return r;
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
