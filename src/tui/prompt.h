/* A one-line input at the bottom of the screen ("lr: 0.01"), with an
 * error shown under it (and a caret at its column, for expressions). */
#ifndef DESCENT_TUI_PROMPT_H
#define DESCENT_TUI_PROMPT_H

#include <stdbool.h>

struct app;

/* Takes the text on Enter: returns 0 to close the prompt, or -1 to keep
 * it open with an error set by prompt_error (or to open another). */
typedef int (*prompt_submit)(struct app *a, const char *text);

/* What a question does on y. */
typedef void (*prompt_yes)(struct app *a);

typedef struct {
    char label[300];
    char buf[256];
    int len, cur;          /* bytes; the cursor is a byte offset */
    char err[200];
    int err_col;           /* 1-based column of the error in buf; 0 none */
    prompt_submit submit;
    char context[256];     /* for the submit or yes function (a path) */
    prompt_yes yes;        /* a question (y or n), not a line to edit */
    char no[128];          /* a question's message on n */
} prompt_state;

void prompt_open(struct app *a, const char *label, const char *initial,
                 prompt_submit submit);
void prompt_error(struct app *a, int column, const char *msg);
/* A question answered by one key: y (or Enter) calls yes, n (or Esc)
 * shows no. context is kept for yes (a->prompt.context). Keys that come
 * from a demo script are not asked: yes is called at once. */
void prompt_ask(struct app *a, const char *question, const char *no,
                const char *context, prompt_yes yes);
void prompt_draw(struct app *a);
/* Edits the line (Enter submits, Esc cancels), or answers the question.
 * Returns true (it takes every key while open). */
bool prompt_key(struct app *a, int key);

#endif
