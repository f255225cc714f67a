/* The lesson screen's keys: steps (PgDn/PgUp and clickers), hints, skip,
 * quiz answers, a typed setting, the menu, scrolling the text; and the
 * locks, which turn away the live screen's keys for settings a step
 * locks. */
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "play.h"

static lesson_view *view(app *a) { return &play_of(a)->lv; }
static const lesson_step *step(app *a) { return player_current(&view(a)->p); }

static void moved(app *a, bool ok, const char *edge)
{
    if (ok)
        play_open_step(a);
    else
        app_message(a, false, "%s", edge);
    play_save(a);
}

/* On the recap, the next lesson opens (its progress kept). */
static bool next_lesson(app *a)
{
    const lesson *next = play_next_lesson(a);
    if (!player_in_recap(&view(a)->p) || !next)
        return false;
    play_save(a);
    play_start_lesson(a, next);
    app_message(a, false, "lesson %s: %s", next->id, next->title);
    return true;
}

static void ls_next(app *a)
{
    if (next_lesson(a))
        return;
    moved(a, lview_next(view(a)), play_of(a)->has_menu
              ? "the end of the lesson: m for the lesson menu, q quits"
              : "the end of the lesson: q quits");
}

static void ls_prev(app *a) { moved(a, lview_prev(view(a)), "the first step"); }

/* The new hint or what skip did in sight, at the text's end. */
static void scroll_to_end(app *a) { view(a)->scroll = LVIEW_TEXT_END; }

static void ls_hint(app *a)
{
    if (!lview_hint(view(a)))
        app_message(a, false, step(a)->n_hints ? "every hint is shown"
                                               : "this step has no hints");
    scroll_to_end(a);
}

static void ls_skip(app *a)
{
    const lesson_step *st = step(a);
    if (!lesson_has_goal(st) && st->quiz.kind == QUIZ_NONE) {
        app_message(a, false, "nothing to skip: PgDn goes on");
        return;
    }
    lview_skip(view(a));
    scroll_to_end(a);
    if (lesson_has_goal(st)) {
        play_open_step(a); /* the run again, with the solution */
        app_message(a, false, "%s (Space runs it)", view(a)->skipped);
    }
    play_save(a);
}

static int submit_answer(app *a, const char *text)
{
    lesson_view *v = view(a);
    lview_answer(v, text);
    play_save(a);
    app_message(a, !v->feedback_right, "%s", v->feedback);
    return 0;
}

static void ls_answer(app *a)
{
    const lesson_quiz *q = &step(a)->quiz;
    if (q->kind == QUIZ_CHOICE) {
        lview_choose(view(a), view(a)->choice + 1);
        play_save(a);
    } else if (q->kind == QUIZ_NUMBER) {
        prompt_open(a, q->predict ? "your prediction (a number)"
                                  : "your answer (a number)", "",
                    submit_answer);
    } else {
        app_message(a, false, "this step has no quiz");
    }
}

/* "NAME: VALUE" or "NAME VALUE", as a lesson writes a setting. */
static int submit_setting(app *a, const char *text)
{
    size_t n = strcspn(text, ": ");
    const option_entry *o = lesson_option(text, n);
    if (!o) {
        prompt_error(a, 1, "a setting as in lessons, e.g. lr-max: 0.02");
        return -1;
    }
    const char *v = text + n;
    while (*v == ':' || *v == ' ')
        v++;
    if (o->has_value == !*v) {
        prompt_error(a, 1, o->has_value ? "give it a value" : "a flag takes "
                     "no value");
        return -1;
    }
    /* grad: MODE:H sets h too, hypergrad: MODE:B the β: then that lock
     * applies as well. */
    static const char *const carries[][2] = {{"grad", "h"},
                                             {"hypergrad", "hd-beta"}};
    if (!play_may_change(a, o->name))
        return 0;
    for (size_t i = 0; i < sizeof carries / sizeof carries[0]; i++)
        if (strcmp(o->name, carries[i][0]) == 0 && strchr(v, ':') &&
            !play_may_change(a, carries[i][1]))
            return 0;
    char *value = o->has_value ? pool_strndup(&play_of(a)->strings, v, strlen(v))
                               : NULL;
    if (o->has_value && !value)
        return 0;
    return play_set(a, o->id, value) < 0 ? (prompt_error(a, 0, a->msg), -1) : 0;
}

static void ls_setting(app *a)
{
    prompt_open(a, "setting (name: value)", "", submit_setting);
}

static void ls_menu(app *a)
{
    if (play_of(a)->has_menu)
        play_show_menu(a);
    else
        app_message(a, false, "no lesson menu: 'descent lesson' opens it");
}

static void ls_scroll_up(app *a)
{
    if (view(a)->scroll > 0)
        view(a)->scroll--;
}

static void ls_scroll_down(app *a) { view(a)->scroll++; }

/* In the order of the help; the live screen's follow. The lesson panel's
 * own footer hints these keys for the step at hand, so the bottom bar
 * keeps its room for the live screen's. */
const key_binding lesson_key_bindings[] = {
    {'?', 0, 1, "? F1", "this help", "help", act_help, false, NULL},
    {KEY_NPAGE, 0, 0, "PgDn", "next lesson step (clickers; → too in "
     "presenter mode); on the recap, the next lesson", NULL, ls_next, false,
     NULL},
    {KEY_PPAGE, 0, 0, "PgUp", "previous lesson step (← in presenter mode)",
     NULL, ls_prev, false, NULL},
    {'i', 0, 0, "i", "reveal the next hint", NULL, ls_hint, false, NULL},
    {'S', 0, 0, "S", "skip: apply the solution, or show the answer",
     NULL, ls_skip, false, NULL},
    {'a', '\r', 0, "a Enter", "answer the quiz (choice: 1-9 or ↑↓ then "
     "Enter)", NULL, ls_answer, false, NULL},
    {':', 0, 0, ":", "type any setting the step leaves free (lr-max: 0.02)",
     NULL, ls_setting, false, NULL},
    {'<', KEY_SR, 0, "< S-↑", "scroll the lesson text up", NULL,
     ls_scroll_up, false, NULL},
    {'>', KEY_SF, 0, "> S-↓", "scroll the lesson text down", NULL,
     ls_scroll_down, false, NULL},
    {'m', 0, 0, "m", "the lesson menu", NULL, ls_menu, false, NULL},
};
const int lesson_key_binding_count =
    sizeof lesson_key_bindings / sizeof lesson_key_bindings[0];

/* The settings each live key changes, for the locks. */
static const struct {
    void (*action)(struct app *);
    const char *names[2];
} locks[] = {
    {act_lr_up, {"lr"}}, {act_lr_down, {"lr"}}, {act_lr_prompt, {"lr"}},
    {act_opt_next, {"optimizer"}},
    {act_grad_next, {"grad"}}, {act_grad_prompt, {"grad", "h"}},
    {act_clip_next, {"clip"}}, {act_clip_prompt, {"clip"}},
    {act_hd_next, {"hypergrad"}}, {act_hd_prompt, {"hypergrad", "hd-beta"}},
    /* V adds a run with hypergradients or a schedule in place of the
     * other: a way round either lock. */
    {act_compare_versus, {"hypergrad", "schedule"}},
    {act_objective_menu, {"objective", "model"}},
    {act_expression_prompt, {"objective", "model"}},
};

bool play_may_change(app *a, const char *name)
{
    play *pl = play_of(a);
    if (a->scripted || !pl->in_lesson ||
        player_may_change(&pl->lv.p, name))
        return true;
    app_message(a, true, "%s is locked in this lesson", name);
    return false;
}

bool play_allowed(app *a, const key_binding *b)
{
    play *pl = play_of(a);
    bool runs = b->action == act_run_pause || b->action == act_step ||
                b->action == act_stage || hpo_key_replays(b);
    if (runs && !a->scripted && pl->in_lesson &&
        player_wants_guess(&pl->lv.p)) {
        app_message(a, true, "predict first: Enter gives your guess");
        return false;
    }
    for (size_t i = 0; i < sizeof locks / sizeof locks[0]; i++)
        if (locks[i].action == b->action)
            for (int k = 0; k < 2 && locks[i].names[k]; k++)
                if (!play_may_change(a, locks[i].names[k]))
                    return false;
    return true;
}

/* Keys whose meaning depends on the moment: a choice quiz's options,
 * clickers that send arrows in presenter mode. */
bool play_key(app *a, int key)
{
    if (!play_of(a)->in_lesson)
        return false;
    if (step(a)->quiz.kind == QUIZ_CHOICE) {
        if (key >= '1' && key <= '9') {
            lview_choose(view(a), key - '0');
            play_save(a);
            return true;
        }
        if (key == KEY_UP || key == KEY_DOWN) {
            lview_select(view(a), key == KEY_UP ? -1 : 1);
            return true;
        }
    }
    if (key == '\n' || key == KEY_ENTER) {
        if (!next_lesson(a))
            ls_answer(a);
        return true;
    }
    if (a->presenter && (key == KEY_RIGHT || key == KEY_LEFT)) {
        (key == KEY_RIGHT ? ls_next : ls_prev)(a);
        return true;
    }
    return false;
}
