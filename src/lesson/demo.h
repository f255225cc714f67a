/* Demo scripts (DESIGN §8; the format is in docs/lessons.md): one
 * command a line, played by the TUI in front of a class:
 *   lesson ID | step ID | set KEY VALUE | key KEYS | run N |
 *   sleep SECONDS | pause | say TEXT | check OUTCOME
 * with '#' comment lines. Parsing is strict and collects every problem
 * with its line and column. Nothing here prints. */
#ifndef DESCENT_DEMO_H
#define DESCENT_DEMO_H

#include <stddef.h>

#include "diag.h"
#include "lesson.h"
#include "pool.h"

typedef enum {
    DEMO_LESSON, DEMO_STEP, DEMO_SET, DEMO_KEY, DEMO_RUN, DEMO_SLEEP,
    DEMO_PAUSE, DEMO_SAY, DEMO_CHECK
} demo_kind;

/* Keys: a Unicode code point, a control key (1 to 26 for C-a to C-z), or
 * one of these named keys. */
enum {
    DEMO_KEY_NAMED = 0x110000,
    DEMO_KEY_ENTER = DEMO_KEY_NAMED, DEMO_KEY_TAB, DEMO_KEY_ESC,
    DEMO_KEY_BACKSPACE, DEMO_KEY_UP, DEMO_KEY_DOWN, DEMO_KEY_LEFT,
    DEMO_KEY_RIGHT, DEMO_KEY_PGUP, DEMO_KEY_PGDN, DEMO_KEY_HOME,
    DEMO_KEY_END, DEMO_KEY_DELETE, DEMO_KEY_INSERT,
    DEMO_KEY_F1 /* ... DEMO_KEY_F1 + 11 for F12 */
};

typedef struct {
    demo_kind kind;
    int line;
    const char *text;   /* lesson or step id, say's text, set's value */
    int option;         /* DEMO_SET: the option id (run_values.h) */
    long *keys;         /* DEMO_KEY: n_keys keys */
    size_t n_keys;
    long count;         /* DEMO_RUN: updates */
    double seconds;     /* DEMO_SLEEP */
    lesson_goal *goal;  /* DEMO_CHECK: its parts without 'within' are
                           judged on the run as it stands */
} demo_command;

typedef struct {
    demo_command *c;
    size_t n;
    pool strings;
} demo;

/* Finds the lesson with this id, for the checks of `lesson` and `step`
 * commands; NULL when there is none. */
typedef const lesson *(*demo_find_lesson)(void *ctx, const char *id);

/* Parses a script. find (may be NULL: ids are not checked) resolves
 * lesson ids. Returns 0, or -1 when d received problems. Free the demo
 * either way. */
int demo_parse(const char *text, size_t len, demo_find_lesson find,
               void *ctx, demo *out, diag_list *d);
int demo_load(const char *path, demo_find_lesson find, void *ctx, demo *out,
              diag_list *d);
void demo_free(demo *dm);

/* The key named name (len bytes): "a", "+", "é", "Space", "Enter",
 * "PgDn", "F5", "C-l" ... Returns the key, or -1. */
long demo_key_parse(const char *name, size_t len);
/* The key names, NULL-terminated, for suggestions. */
extern const char *const demo_key_names[];

#endif
