#include <curses.h>

#include "actions.h"
#include "app.h"
#include "help.h"
#include "keys.h"

#define CTRL(c) ((c) & 0x1f)

/* In the order of the help and the bottom bar's hints; quit is last
 * (the bar always keeps room for it). */
const key_binding key_bindings[] = {
    {'?', 0, 1, "? F1", "this help", "help", act_help, false, NULL},
    {' ', 0, 0, "Space", "run / pause live running", "run", act_run_pause, false, NULL},
    {'n', 0, 0, "n", "one update (all runs)", "step", act_step, false, NULL},
    {'s', 0, 0, "s", "one stage of the update (micro-step)", "stage", act_stage, false, NULL},
    {'b', KEY_BACKSPACE, 0, "b ⌫", "back one update (exact)", "back", act_back, false, NULL},
    {'d', 0, 0, "d", "models: slice along random directions / the path's "
     "PCA", "slice", act_slice_kind, true, NULL},
    {'D', 0, 0, "D", "models: new random slice directions (next seed)",
     NULL, act_slice_seed, true, NULL},
    {'r', 0, 0, "r", "reset the runs to the start", NULL, act_reset, false, NULL},
    {'+', '=', 0, "+", "learning rate ×2", NULL, act_lr_up, false, NULL},
    {'-', 0, 0, "-", "learning rate ÷2", NULL, act_lr_down, false, NULL},
    {'l', 0, 4, "l F4", "type the learning rate", "lr", act_lr_prompt, false, NULL},
    {'o', 0, 0, "o", "next optimiser", NULL, act_opt_next, false, NULL},
    {'O', 0, 3, "O F3", "settings panel: every setting of the run",
     "settings", act_settings, false, "set"},
    {'g', 0, 0, "g", "next gradient method (analytic … forward)", NULL,
     act_grad_next, false, NULL},
    {'G', 0, 7, "G F7", "type the gradient method and h (central:1e-7, "
     "forward:1e-4)", NULL, act_grad_prompt, false, NULL},
    {'k', 0, 0, "k", "next clip mode (none, norm, value)", NULL,
     act_clip_next, false, NULL},
    {'K', 0, 5, "K F5", "type the clipping (none, norm:C, value:C)", "clip",
     act_clip_prompt, false, NULL},
    {'h', 0, 0, "h", "next hypergradient mode (off, add, mult)", NULL,
     act_hd_next, false, NULL},
    {'H', 0, 6, "H F6", "type the hypergradient (off, add:β, mult:β)", "HD",
     act_hd_prompt, false, NULL},
    {'[', 0, 0, "[", "live running slower", NULL, act_slower, false, NULL},
    {']', 0, 0, "]", "live running faster", NULL, act_faster, false, NULL},
    {'f', 0, 2, "f F2", "objective menu (built-ins, expression)", "objective",
     act_objective_menu, false, "obj"},
    {'x', 0, 0, "x", "type an objective expression", NULL,
     act_expression_prompt, false, NULL},
    {'e', 0, 8, "e F8", "export the focused run's trace (.csv, .jsonl)",
     "export", act_export, false, "exp"},
    {'c', 0, 9, "c F9", "compare: add a run (up to 4)", "compare",
     act_compare_add, false, "cmp"},
    {'C', 0, 0, "C", "compare: remove the focused run", NULL,
     act_compare_remove, false, NULL},
    {'V', 0, 0, "V", "compare: the focused run's schedule versus "
     "hypergradients (adds a run)", NULL, act_compare_versus, false, NULL},
    {':', 0, 0, ":", "type settings as on the command line (schedule "
     "cosine:300, weight-decay 0.01, amsgrad on, precision single)", NULL,
     act_setting_prompt, false, NULL},
    {'\t', 0, 0, "Tab", "focus the next run", NULL, act_focus_next, false, NULL},
    {'E', 0, 0, "E", "quadratics: eigen-directions of H on the surface",
     NULL, act_eigen, false, NULL},
    KEY_BINDINGS_VIEW,
    {KEY_PPAGE, KEY_NPAGE, 0, "PgUp PgDn", "previous / next lesson step",
     NULL, act_lesson, false, NULL},
    {CTRL('l'), 0, 0, "^L", "redraw the screen", NULL, act_redraw, false, NULL},
    {'q', 0, 10, "q F10", "quit", "quit", act_quit, false, NULL},
};
const int key_binding_count = sizeof key_bindings / sizeof key_bindings[0];

static bool matches(const key_binding *b, int key)
{
    return key == b->key || (b->alt && key == b->alt) ||
           (b->fkey && key == KEY_F(b->fkey));
}

const key_binding *keys_find(const key_binding *keys, int n, int key)
{
    for (int i = 0; i < n; i++)
        if (matches(&keys[i], key))
            return &keys[i];
    return NULL;
}

void keys_handle(app *a, int key)
{
    if (key == KEY_RESIZE) {
        app_layout(a);
        return;
    }
    if (key == KEY_MOUSE) {
        MEVENT ev;
        if (getmouse(&ev) == OK && a->ov == OVERLAY_NONE && a->mode->mouse)
            a->mode->mouse(a, &ev);
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
    if (a->mode->key && a->mode->key(a, key))
        return;
    const key_binding *b = keys_find(a->keys, a->nkeys, key);
    if (b)
        b->action(a);
}
