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
    const lesson_step *st = player_current(&v->p);
    v->goal.status = GOAL_PENDING;
    snprintf(v->goal.message, sizeof v->goal.message, "%s",
             st->goal.kind == GOAL_NONE ? "" : "Not started: run it (Space).");
    v->checked_step = -1;
}

void lview_check(lesson_view *v, const lesson_state *s)
{
    if (player_current(&v->p)->goal.kind == GOAL_NONE ||
        v->goal.status == GOAL_MET ||
        (s->step == v->checked_step && s->status == v->checked_status))
        return;
    v->goal = player_check(&v->p, s);
    v->checked_step = s->step;
    v->checked_status = s->status;
}

void lview_answer(lesson_view *v, const char *text)
{
    quiz_result r = player_answer(&v->p, text);
    snprintf(v->feedback, sizeof v->feedback, "%s", r.message);
    v->feedback_right = r.right;
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

void lview_goal_text(const lesson *l, const lesson_goal *g, char *buf,
                     size_t cap)
{
    switch (g->kind) {
    case GOAL_LOSS:
        snprintf(buf, cap, "loss < %g within %ld steps", g->loss, g->within);
        break;
    case GOAL_DIVERGE:
        snprintf(buf, cap, "diverge within %ld steps", g->within);
        break;
    case GOAL_REACH:
        snprintf(buf, cap, "reach (%g, %g) within %g", g->point[0],
                 g->point[1], g->tol);
        break;
    case GOAL_FASTER:
        snprintf(buf, cap, "converge faster than step '%s'",
                 l->steps[g->than_step].id);
        break;
    case GOAL_NONE:
        snprintf(buf, cap, "none");
        break;
    }
}
