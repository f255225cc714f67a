/* A text file split into lines, checked for what every descent text
 * format refuses: invalid UTF-8 and control characters (tabs aside). A
 * CR before the line end is dropped (CRLF files read as LF files) and so
 * is a byte order mark at the start. */
#ifndef DESCENT_SOURCE_H
#define DESCENT_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum { SOURCE_MAX_BYTES = 1 << 20 };

typedef struct {
    char *text;         /* without its end, NUL-terminated, writable */
    size_t len;
    int number;         /* 1-based */
    bool bad;           /* a problem was reported: parsers skip the line */
} source_line;

typedef struct {
    char *buf;
    source_line *lines;
    size_t n;
    size_t work;        /* characters decoded while checking the lines: the
                           cost of reading, for scaling tests */
} source;

/* Reads the whole of path into a new buffer *out (free it) of *len
 * bytes. Returns 0, or -1 after adding the reason to d as a problem of
 * line 0: it cannot be read. */
int source_slurp(const char *path, char **out, size_t *len, diag_list *d);

/* Splits text (len bytes, copied) into lines. Returns 0, or -1 when too
 * large or out of memory (reported as a problem of line 0). Bad lines
 * are reported in d and flagged; the result is still 0. */
int source_from(const char *text, size_t len, source *s, diag_list *d);
void source_free(source *s);

/* The 1-based character column of at, a pointer into l->text. */
int source_column(const source_line *l, const char *at);

/* Length of the UTF-8 sequence at p (valid or not: 1 for a bad byte),
 * setting *ok; n is the bytes available. */
size_t source_utf8_len(const unsigned char *p, size_t n, bool *ok);

#endif
