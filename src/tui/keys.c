#include <curses.h>

#include "actions.h"
#include "app.h"
#include "help.h"
#include "keys.h"
#include "panels.h"
#include "play.h"

#define CTRL(c) ((c) & 0x1f)

/* In the order of the help and the bottom bar's hints; quit is last
 * (the bar always keeps room for it). */
const key_binding key_bindings[] = {
    {'?', 0, 1, "? F1", "this help", "help", act_help, false},
    {' ', 0, 0, "Space", "run / pause live running", "run", act_run_pause, false},
    {'n', 0, 0, "n", "one update (all runs)", "step", act_step, false},
    {'s', 0, 0, "s", "one stage of the update (micro-step)", "stage", act_stage, false},
    {'b', KEY_BACKSPACE, 0, "b ⌫", "back one update (exact)", "back", act_back, false},
    {'d', 0, 0, "d", "models: slice along random directions / the path's "
     "PCA", "slice", act_slice_kind, true},
    {'D', 0, 0, "D", "models: new random slice directions (next seed)",
     NULL, act_slice_seed, true},
    {'r', 0, 0, "r", "reset the runs to the start", NULL, act_reset, false},
    {'+', '=', 0, "+", "learning rate ×2", NULL, act_lr_up, false},
    {'-', 0, 0, "-", "learning rate ÷2", NULL, act_lr_down, false},
    {'l', 0, 4, "l F4", "type the learning rate", "lr", act_lr_prompt, false},
    {'o', 0, 0, "o", "next optimiser", NULL, act_opt_next, false},
    {'O', 0, 3, "O F3", "optimiser menu", "optim", act_opt_menu, false},
    {'g', 0, 0, "g", "next gradient method (analytic … forward)", NULL,
     act_grad_next, false},
    {'G', 0, 7, "G F7", "type the gradient method and h (central:1e-7, "
     "forward:1e-4)",
     NULL, act_grad_prompt, false},
    {'k', 0, 0, "k", "next clip mode (none, norm, value)", NULL,
     act_clip_next, false},
    {'K', 0, 5, "K F5", "type the clipping (none, norm:C, value:C)", "clip",
     act_clip_prompt, false},
    {'h', 0, 0, "h", "next hypergradient mode (off, add, mult)", NULL,
     act_hd_next, false},
    {'H', 0, 6, "H F6", "type the hypergradient (off, add:β, mult:β)", "HD",
     act_hd_prompt, false},
    {'[', 0, 0, "[", "live running slower", NULL, act_slower, false},
    {']', 0, 0, "]", "live running faster", NULL, act_faster, false},
    {'f', 0, 2, "f F2", "objective menu (built-ins, expression)", "objective",
     act_objective_menu, false},
    {'x', 0, 0, "x", "type an objective expression", NULL,
     act_expression_prompt, false},
    {'e', 0, 8, "e F8", "export the focused run's trace (.csv, .jsonl)",
     "export", act_export, false},
    {'c', 0, 9, "c F9", "compare: add a run (up to 4)", "compare",
     act_compare_add, false},
    {'C', 0, 0, "C", "compare: remove the focused run", NULL,
     act_compare_remove, false},
    {'V', 0, 0, "V", "compare: the focused run's schedule versus "
     "hypergradients (adds a run)", NULL, act_compare_versus, false},
    {':', 0, 0, ":", "type settings as on the command line (schedule "
     "cosine:300, weight-decay 0.01, amsgrad on, precision single)", NULL,
     act_setting_prompt, false},
    {'\t', 0, 0, "Tab", "focus the next run", NULL, act_focus_next, false},
    KEY_BINDINGS_VIEW,
    {KEY_PPAGE, KEY_NPAGE, 0, "PgUp PgDn", "previous / next lesson step",
     NULL, act_lesson, false},
    {CTRL('l'), 0, 0, "^L", "redraw the screen", NULL, act_redraw, false},
    {'q', 0, 10, "q F10", "quit", "quit", act_quit, false},
};
const int key_binding_count = sizeof key_bindings / sizeof key_bindings[0];

static bool matches(const key_binding *b, int key)
{
    return key == b->key || (b->alt && key == b->alt) ||
           (b->fkey && key == KEY_F(b->fkey));
}

static void mouse(app *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return;
    int button = ev.bstate & BUTTON4_PRESSED   ? 4
                 : ev.bstate & BUTTON5_PRESSED ? 5
                 : ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED) ? 1 : 0;
    if (button == 1 && a->play && !play_may_change(a, "start"))
        return;
    if (button == 1 && a->replay && a->ov == OVERLAY_NONE)
        app_message(a, true, "read-only replay: the start is the trace's");
    else if (button && a->ov == OVERLAY_NONE && !a->hpo &&
             !(a->play && a->play->menu))
        panel_surface_mouse(a, ev.y, ev.x, button);
}

void keys_handle(app *a, int key)
{
    if (key == KEY_RESIZE) {
        app_layout(a);
        return;
    }
    if (key == KEY_MOUSE) {
        mouse(a);
        return;
    }
    switch (a->ov) {
    case OVERLAY_HELP: help_key(a, key); return;
    case OVERLAY_MENU: menu_key(a, key); return;
    case OVERLAY_PROMPT: prompt_key(a, key); return;
    case OVERLAY_NONE: break;
    }
    if (key == 127 || key == 8)
        key = KEY_BACKSPACE; /* what terminals send for ⌫ */
    if (a->play && play_key(a, key))
        return;
    for (int i = 0; i < a->nkeys; i++)
        if (matches(&a->keys[i], key)) {
            if (!a->play || play_allowed(a, &a->keys[i]))
                a->keys[i].action(a);
            return;
        }
    /* A live screen's key that would change a run. */
    for (int i = 0; a->replay && i < key_binding_count; i++)
        if (matches(&key_bindings[i], key)) {
            app_message(a, true, "read-only replay (%s: %s)",
                        key_bindings[i].keys, key_bindings[i].help);
            return;
        }
}
