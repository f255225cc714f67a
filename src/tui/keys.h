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
} key_binding;

/* The live screen's, the HPO view's (hpo_keys.c) and the replay's
 * (replay_keys.c). */
extern const key_binding key_bindings[];
extern const int key_binding_count;
extern const key_binding hpo_key_bindings[];
extern const int hpo_key_binding_count;
extern const key_binding replay_key_bindings[];
extern const int replay_key_binding_count;

/* Handles one key (overlays first, then the screen's bindings). */
void keys_handle(struct app *a, int key);

#endif
