/* Problems found in a file (a lesson, a demo script, the progress
 * store): every one of them, each with its line and, where it applies,
 * its column, so that `descent lint` can report them all at once. */
#ifndef DESCENT_DIAG_H
#define DESCENT_DIAG_H

#include <stddef.h>

typedef struct {
    int line;           /* 1-based; 0: the file as a whole */
    int column;         /* 1-based, in characters; 0: the whole line */
    char *message;
    size_t seq;         /* order of discovery, to sort stably */
} diag;

typedef struct {
    diag *d;
    size_t n, cap;
    int oom;            /* a problem was lost for want of memory */
} diag_list;

void diag_init(diag_list *l);
void diag_free(diag_list *l);

/* Adds a problem; an exact repeat (same place, same message) is dropped,
 * so that a setting inherited by many steps is reported once. */
void diag_add(diag_list *l, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The tail of an "unknown ..." message into buf: " (did you mean 'X'?)"
 * with the nearest of names (NULL-terminated) to word, else
 * " (otherwise)", or "" when otherwise is NULL. Returns buf. */
const char *diag_suggest(char *buf, size_t cap, const char *word,
                         const char *const *names, const char *otherwise);

/* diag_suggest over the n names of an array of structs: name i is the
 * string pointer at base + i·stride + offset (say offsetof(T, id)). */
const char *diag_suggest_in(char *buf, size_t cap, const char *word,
                            const void *base, size_t n, size_t stride,
                            size_t offset, const char *otherwise);

/* Sorts by line, then column, then discovery. */
void diag_sort(diag_list *l);

/* "LINE: message", "LINE:COLUMN: message" or, for the whole file,
 * "message" into buf (the caller puts
 * the file name before it). */
void diag_format(const diag *d, char *buf, size_t cap);

#endif
