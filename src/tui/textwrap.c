#include <stdbool.h>
#include <string.h>

#include "textwrap.h"

static bool continuation(char c) { return ((unsigned char)c & 0xc0) == 0x80; }

int text_columns(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++)
        n += !continuation(s[i]);
    return n;
}

static void add(wrap_line *lines, size_t cap, size_t *n, size_t start,
                size_t len, int indent)
{
    if (*n < cap)
        lines[*n] = (wrap_line){start, len, indent};
    (*n)++;
}

/* Wraps one source line (no '\n') of len bytes at text + at. */
static void wrap_one(const char *text, size_t at, size_t len, int width,
                     wrap_line *lines, size_t cap, size_t *n)
{
    size_t i = 0;
    int indent = 0;
    /* Deep indentation would leave no room: at most half the width. */
    while (i < len && text[at + i] == ' ' && indent < width / 2)
        i++, indent++;
    int room = width - indent > 1 ? width - indent : 1;
    if (i == len) {
        add(lines, cap, n, at + i, 0, 0);
        return;
    }
    while (i < len) {
        size_t start = i, brk = 0;
        int cols = 0;
        while (i < len) {
            if (!continuation(text[at + i])) {
                if (cols == room)
                    break;
                cols++;
            }
            if (text[at + i] == ' ')
                brk = i;
            i++;
        }
        size_t end = i;
        /* The line is full in the middle of a word: break at the last
         * space, unless the word fills the whole line. */
        if (i < len && text[at + i] != ' ' && brk > start)
            end = brk, i = brk;
        while (end > start && text[at + end - 1] == ' ')
            end--;
        add(lines, cap, n, at + start, end - start, indent);
        while (i < len && text[at + i] == ' ')
            i++;
    }
}

size_t text_wrap(const char *text, int width, wrap_line *lines, size_t cap)
{
    size_t n = 0, at = 0, total = strlen(text);
    if (width < 1)
        width = 1;
    for (;;) {
        const char *nl = memchr(text + at, '\n', total - at);
        size_t len = nl ? (size_t)(nl - (text + at)) : total - at;
        wrap_one(text, at, len, width, lines, cap, &n);
        if (!nl)
            break;
        at += len + 1;
    }
    return n;
}

/* A line that keeps its break: blank, indented or a list item. */
static bool set_apart(const char *line, size_t len)
{
    return len == 0 || line[0] == ' ' ||
           (len >= 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ');
}

size_t text_reflow(const char *text, char *out, size_t cap)
{
    size_t n = 0, at = 0, total = strlen(text);
    bool prev_apart = true;
    if (cap == 0)
        return 0;
    while (at <= total) {
        const char *nl = memchr(text + at, '\n', total - at);
        size_t len = nl ? (size_t)(nl - (text + at)) : total - at;
        bool apart = set_apart(text + at, len);
        if (at > 0 && n < cap - 1)
            out[n++] = apart || prev_apart ? '\n' : ' ';
        for (size_t i = 0; i < len && n < cap - 1; i++)
            out[n++] = text[at + i];
        prev_apart = apart;
        if (!nl)
            break;
        at += len + 1;
    }
    out[n] = '\0';
    return n;
}
