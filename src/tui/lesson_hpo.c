/* A lesson step in the HPO view (view: hpo ...): the lesson panel
 * beside the searches of the step's model, replayed in order of cost as
 * `descent hpo --tui` replays them; the lesson's keys, then the view's.
 * The step's runs stay as they are, unseen. */
#include "app.h"
#include "panels.h"
#include "play.h"

static const key_binding *lesson_hpo_keys(const app *a, int *n)
{
    return play_keys_with(a, hpo_key_bindings, hpo_key_binding_count, n);
}

static void lesson_hpo_layout(app *a)
{
    layout_lesson_hpo(&a->lay, a->cols, a->rows, a->presenter);
}

/* The searches replayed to their end answer the step's prediction, as
 * a run's end does. */
static void lesson_hpo_prepare(app *a)
{
    play *pl = play_of(a);
    if (pl->in_lesson && hpo_view_done(a->hpo) &&
        pl->lv.p.guessed && !pl->lv.p.revealed) {
        player_reveal(&pl->lv.p);
        play_save(a);
    }
    if (a->win[PANE_LESSON])
        panel_lesson_prepare(a, a->win[PANE_LESSON]);
}

static void lesson_hpo_draw(const app *a)
{
    static const pane_draw draw[PANE_COUNT] = {
        [PANE_TOP] = hpo_top_draw, [PANE_SURFACE] = panel_hpo_curve,
        [PANE_LOSS] = panel_hpo_best, [PANE_STEP] = panel_hpo_legend,
        [PANE_BOTTOM] = statusbar_draw_bottom,
        [PANE_LESSON] = panel_lesson_draw};
    app_draw_panes(a, draw);
}

const screen_mode mode_lesson_hpo = {
    .name = "lesson-hpo",
    .keys = lesson_hpo_keys,
    .layout = lesson_hpo_layout,
    .prepare = lesson_hpo_prepare,
    .draw = lesson_hpo_draw,
    .running = hpo_running,
    .rate = hpo_rate,
    .advance = hpo_advance,
    .key = lesson_key,
    .may_change = play_may_change,
    .updated = lesson_updated,
    .help_note = "",
    .free = play_free,
};
