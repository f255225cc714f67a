#include <stdio.h>
#include <string.h>

#include "lesson_view.h"

int lview_init(lesson_view *v, const lesson *l, const progress *pr)
{
    memset(v, 0, sizeof *v);
    const progress_entry *e = pr ? progress_find(pr, l->id) : NULL;
    if (player_init(&v->p, l, e ? (const char *const *)e->steps : NULL,
                    e ? e->n_steps : 0) < 0)
        return -1;
    lview_goto(v, v->p.step);
    return 0;
}

void lview_free(lesson_view *v) { player_free(&v->p); }

/* The step's own state, as when it is first shown. */
static void fresh(lesson_view *v)
{
    v->feedback[0] = '\0';
    v->skipped[0] = '\0';
    v->choice = 0;
    v->scroll = 0;
    lview_restarted(v);
}

void lview_goto(lesson_view *v, size_t i)
{
    player_goto(&v->p, i);
    fresh(v);
}

bool lview_next(lesson_view *v)
{
    if (!player_next(&v->p))
        return false;
    fresh(v);
    return true;
}

bool lview_prev(lesson_view *v)
{
    if (!player_prev(&v->p))
        return false;
    fresh(v);
    return true;
}

void lview_restarted(lesson_view *v)
{
    player_restarted(&v->p);
    player_goal(&v->p, &v->goal);
}

void lview_check(lesson_view *v, const lesson_state *s)
{
    player_check(&v->p, s);
    player_goal(&v->p, &v->goal);
}

void lview_answer(lesson_view *v, const char *text)
{
    bool predict = player_current(&v->p)->quiz.predict;
    quiz_result r = predict ? player_predict(&v->p, text)
                            : player_answer(&v->p, text);
    snprintf(v->feedback, sizeof v->feedback, "%s%s%s", r.message,
             r.explain[0] ? " " : "", r.explain);
    v->feedback_right = r.right || (predict && r.valid);
}

void lview_choose(lesson_view *v, int k)
{
    const lesson_quiz *q = &player_current(&v->p)->quiz;
    if (q->kind != QUIZ_CHOICE || k < 1 || (size_t)k > q->n_options)
        return;
    v->choice = k - 1;
    char text[16];
    snprintf(text, sizeof text, "%d", k);
    lview_answer(v, text);
}

void lview_select(lesson_view *v, int delta)
{
    const lesson_quiz *q = &player_current(&v->p)->quiz;
    if (q->kind != QUIZ_CHOICE || q->n_options == 0)
        return;
    int n = (int)q->n_options;
    v->choice = ((v->choice + delta) % n + n) % n;
}

void lview_skip(lesson_view *v)
{
    player_skip(&v->p, v->skipped, sizeof v->skipped);
    const lesson_quiz *q = &player_current(&v->p)->quiz;
    if (q->kind == QUIZ_CHOICE && q->answer >= 1)
        v->choice = (int)q->answer - 1;
    v->feedback[0] = '\0';
    lview_restarted(v);
}

size_t lview_hints_shown(const lesson_view *v) { return v->p.hints_shown; }

bool lview_hint(lesson_view *v) { return player_hint(&v->p) != NULL; }
