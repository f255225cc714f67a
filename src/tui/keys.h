/* Key bindings: one table of key → action with its help text, read by
 * the dispatcher, the help overlay and the bottom bar's hints. */
#ifndef DESCENT_TUI_KEYS_H
#define DESCENT_TUI_KEYS_H

#include <stdbool.h>

struct app;

typedef struct {
    int key, alt, fkey;      /* 0 where unused; fkey is the F-key number */
    const char *keys;        /* as the help shows them */
    const char *help;
    const char *hint;        /* short label for the bottom bar, or NULL */
    void (*action)(struct app *a);
    bool sliced;             /* its hint shows only when the surface is a
                                slice (a model of many parameters) */
    const char *brief;       /* a shorter hint for narrow bars; NULL:
                                the hint is short already */
} key_binding;

/* The bindings of the view (zoom, pan, tab, theme, presenter) that the
 * live screen and the replay share, for their tables (actions.h). */
#define KEY_BINDINGS_VIEW                                                    \
    {'z', 0, 0, "z", "zoom in (also the mouse wheel)", NULL, act_zoom_in,    \
     false, NULL},                                                                 \
    {'Z', 0, 0, "Z", "zoom out", NULL, act_zoom_out, false, NULL},                 \
    {KEY_LEFT, 0, 0, "←", "pan left", NULL, act_pan_left, false, NULL},            \
    {KEY_RIGHT, 0, 0, "→", "pan right", NULL, act_pan_right, false, NULL},         \
    {KEY_UP, 0, 0, "↑", "pan up", NULL, act_pan_up, false, NULL},                  \
    {KEY_DOWN, 0, 0, "↓", "pan down", NULL, act_pan_down, false, NULL},            \
    {'0', 0, 0, "0", "reset the view", NULL, act_view_reset, false, NULL},         \
    {'w', 0, 0, "w", "fit the view to the paths (θ out of sight)", NULL,    \
     act_view_fit, false, NULL},                                             \
    {'v', 0, 0, "v", "narrow screens: step panel / charts", NULL, act_tab,   \
     false, NULL},                                                                 \
    {'t', 0, 0, "t", "next theme (default, light, mono, colour-blind)",      \
     NULL, act_theme, false, NULL},                                                \
    {'p', 0, 0, "p", "presenter mode (fewer, bigger panels)", NULL,          \
     act_presenter, false, NULL}

/* The live screen's, the HPO view's (hpo_keys.c) and the replay's
 * (replay_keys.c). */
extern const key_binding key_bindings[];
extern const int key_binding_count;
extern const key_binding hpo_key_bindings[];
extern const int hpo_key_binding_count;
/* Whether b plays the HPO view's replay on (Space, n, End): a lesson's
 * prediction is asked before it, as before a run. */
bool hpo_key_replays(const key_binding *b);
extern const key_binding replay_key_bindings[];
extern const int replay_key_binding_count;

/* The last bindings of the screens that are not the live one (HPO view,
 * lesson menu): theme, redraw (^L) and quit, which stays last. Their
 * actions are in actions.h. */
#define KEY_BINDINGS_TAIL                                                  \
    {'t', 0, 0, "t", "next theme (default, light, mono, colour-blind)",    \
     NULL, act_theme, false, NULL},                                              \
    {'L' & 0x1f, 0, 0, "^L", "redraw the screen", NULL, act_redraw, false, NULL}, \
    {'q', 0, 10, "q F10", "quit", "quit", act_quit, false, NULL}

/* The binding of key among n, or NULL. */
const key_binding *keys_find(const key_binding *keys, int n, int key);

/* Handles one key: the mouse to the mode, an overlay's keys to it, then
 * the mode's own handler, then its bindings. */
void keys_handle(struct app *a, int key);

#endif
