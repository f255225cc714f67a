/* Lessons and demo scripts in the TUI (DESIGN §7, §8): the state beside
 * the app when `descent lesson` or `descent demo` runs it, and the hooks
 * the main loop, the key dispatcher and the panels call. */
#ifndef DESCENT_TUI_PLAY_H
#define DESCENT_TUI_PLAY_H

#include <stdbool.h>

#include <curses.h>

#include "catalog.h"
#include "demo_play.h"
#include "keys.h"
#include "lesson_view.h"
#include "pool.h"
#include "progress.h"

struct app;

enum { PLAY_MAX_KEYS = 80 };

typedef struct play {
    const lesson_catalog *cat;  /* the menu's lessons, a demo's; NULL */
    progress *prog;             /* NULL: progress is not kept (demos) */
    const char *prog_path;
    size_t saved_done;          /* steps done when progress was saved */
    bool has_menu;              /* started at the menu: m goes back */
    int menu_sel;
    bool in_lesson;
    lesson_view lv;
    run_options cur;            /* the settings the session was given */
    pool strings;               /* typed setting values cur points to */
    bool has_demo;
    demo_player dp;
    const char *caption_shown;  /* the caption the layout has room for */
    key_binding keys[PLAY_MAX_KEYS];
    int nkeys;
} play;

/* The lesson screen's and the menu's key tables (lesson_keys.c,
 * lesson_menu.c). */
extern const key_binding lesson_key_bindings[];
extern const int lesson_key_binding_count;
extern const key_binding menu_key_bindings[];
extern const int menu_key_binding_count;

/* The lesson modes' state: a->ms. */
play *play_of(const struct app *a);

/* Opens lesson l at its first step not done (the lesson mode, or the
 * demo's). */
void play_start_lesson(struct app *a, const lesson *l);
void play_show_menu(struct app *a);
/* Opens the current step's run (with its solution after a skip). */
void play_open_step(struct app *a);
/* Frees the lesson modes' state (the mode's free). */
void play_free(struct app *a);
/* Saves the progress when steps were done since the last save. */
void play_save(struct app *a);
/* Applies a setting as a demo's `set` or the : prompt does (locks are
 * the caller's); value must outlive the lesson. 0 or -1 (message shown). */
int play_set(struct app *a, int id, const char *value);

/* The lesson mode's parts the demo mode shares: its keys (the lesson's,
 * then the live screen's it leaves), layout, drawing, key and mouse
 * handlers and its after-update hook (the goal judged, progress kept). */
const key_binding *lesson_keys(const struct app *a, int *n);
void lesson_layout(struct app *a);
void lesson_prepare(struct app *a);
void lesson_draw(const struct app *a);
bool lesson_key(struct app *a, int key);
void lesson_mouse(struct app *a, const MEVENT *ev);
void lesson_updated(struct app *a);

/* Keys that mean something in a lesson before the bindings do (quiz
 * options, clicker arrows in presenter mode). Returns whether key was
 * taken. */
bool play_key(struct app *a, int key);
/* Whether binding b may act: false, with a message, when it changes a
 * setting the step locks. */
bool play_allowed(struct app *a, const key_binding *b);
/* Whether the setting called name may change (a message when not). */
bool play_may_change(struct app *a, const char *name);

/* The panels (panel_lesson.c, lesson_menu.c, the demo's caption). */
void panel_lesson_draw(const struct app *a, WINDOW *w);
/* Before it draws: the panel's text wrapped to w, the scroll clamped. */
void panel_lesson_prepare(struct app *a, WINDOW *w);
void play_caption_draw(const struct app *a, WINDOW *w);
/* The caption's rows at a width (0: no caption). */
int play_caption_rows(const play *pl, int cols, bool ascii);

#endif
