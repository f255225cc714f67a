/* A command line written for a shell to read back: words quoted only
 * where they must be ('it'\''s'), so a line shown to the user stays
 * readable and pastes back as the same argv. */
#ifndef DESCENT_CMDLINE_H
#define DESCENT_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *buf;
    size_t cap, len;
    bool full;        /* something did not fit: the line is incomplete */
} cmdline;

void cmdline_init(cmdline *c, char *buf, size_t cap);
/* Appends word, a space before it unless it is the first. */
void cmdline_word(cmdline *c, const char *word);
/* "--name" and, unless value is NULL, its value as the next word. */
void cmdline_option(cmdline *c, const char *name, const char *value);

#endif
