#include <curses.h>

#include "actions.h"
#include "app.h"
#include "help.h"
#include "keys.h"
#include "panels.h"

#define CTRL(c) ((c) & 0x1f)

/* In the order of the help and the bottom bar's hints; quit is last
 * (the bar always keeps room for it). */
const key_binding key_bindings[] = {
    {'?', 0, 1, "? F1", "this help", "help", act_help},
    {' ', 0, 0, "Space", "run / pause live running", "run", act_run_pause},
    {'n', 0, 0, "n", "one update (all runs)", "step", act_step},
    {'s', 0, 0, "s", "one stage of the update (micro-step)", "stage", act_stage},
    {'b', KEY_BACKSPACE, 0, "b ⌫", "back one update (exact)", "back", act_back},
    {'r', 0, 0, "r", "reset the runs to the start", NULL, act_reset},
    {'+', '=', 0, "+", "learning rate ×2", NULL, act_lr_up},
    {'-', 0, 0, "-", "learning rate ÷2", NULL, act_lr_down},
    {'l', 0, 4, "l F4", "type the learning rate", "lr", act_lr_prompt},
    {'o', 0, 0, "o", "next optimiser", NULL, act_opt_next},
    {'O', 0, 3, "O F3", "optimiser menu", "optim", act_opt_menu},
    {'g', 0, 0, "g", "next gradient method (analytic, ad, central)", NULL,
     act_grad_next},
    {'G', 0, 7, "G F7", "type the gradient method and h (central:1e-7)",
     NULL, act_grad_prompt},
    {'k', 0, 0, "k", "next clip mode (none, norm, value)", NULL,
     act_clip_next},
    {'K', 0, 5, "K F5", "type the clipping (none, norm:C, value:C)", "clip",
     act_clip_prompt},
    {'h', 0, 0, "h", "next hypergradient mode (off, add, mult)", NULL,
     act_hd_next},
    {'H', 0, 6, "H F6", "type the hypergradient (off, add:β, mult:β)", "HD",
     act_hd_prompt},
    {'[', 0, 0, "[", "live running slower", NULL, act_slower},
    {']', 0, 0, "]", "live running faster", NULL, act_faster},
    {'f', 0, 2, "f F2", "objective menu (built-ins, expression)", "objective",
     act_objective_menu},
    {'x', 0, 0, "x", "type an objective expression", NULL,
     act_expression_prompt},
    {'e', 0, 8, "e F8", "export the focused run's trace (.csv, .jsonl)",
     "export", act_export},
    {'c', 0, 9, "c F9", "compare: add a run (up to 4)", "compare",
     act_compare_add},
    {'C', 0, 0, "C", "compare: remove the focused run", NULL,
     act_compare_remove},
    {'\t', 0, 0, "Tab", "focus the next run", NULL, act_focus_next},
    {'z', 0, 0, "z", "zoom in (also the mouse wheel)", NULL, act_zoom_in},
    {'Z', 0, 0, "Z", "zoom out", NULL, act_zoom_out},
    {KEY_LEFT, 0, 0, "←", "pan left", NULL, act_pan_left},
    {KEY_RIGHT, 0, 0, "→", "pan right", NULL, act_pan_right},
    {KEY_UP, 0, 0, "↑", "pan up", NULL, act_pan_up},
    {KEY_DOWN, 0, 0, "↓", "pan down", NULL, act_pan_down},
    {'0', 0, 0, "0", "reset the view", NULL, act_view_reset},
    {'v', 0, 0, "v", "narrow screens: step panel / charts", NULL, act_tab},
    {'t', 0, 0, "t", "next theme (default, light, mono, colour-blind)",
     NULL, act_theme},
    {'p', 0, 0, "p", "presenter mode (fewer, bigger panels)", NULL,
     act_presenter},
    {KEY_PPAGE, KEY_NPAGE, 0, "PgUp PgDn", "previous / next lesson step",
     NULL, act_lesson},
    {CTRL('l'), 0, 0, "^L", "redraw the screen", NULL, act_redraw},
    {'q', 0, 10, "q F10", "quit", "quit", act_quit},
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
    if (button && a->ov == OVERLAY_NONE)
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
    for (int i = 0; i < key_binding_count; i++)
        if (matches(&key_bindings[i], key)) {
            key_bindings[i].action(a);
            return;
        }
    if (key == 127 || key == 8)
        act_back(a);
}
