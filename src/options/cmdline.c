#include <string.h>

#include "cmdline.h"

void cmdline_init(cmdline *c, char *buf, size_t cap)
{
    *c = (cmdline){.buf = buf, .cap = cap};
    if (cap)
        buf[0] = '\0';
}

static void put(cmdline *c, const char *s, size_t n)
{
    if (c->len + n >= c->cap) {
        c->full = true;
        return;
    }
    memcpy(c->buf + c->len, s, n);
    c->len += n;
    c->buf[c->len] = '\0';
}

/* Characters a POSIX shell reads as themselves anywhere in a word. */
static bool plain(const char *w)
{
    if (!*w)
        return false;
    for (const char *p = w; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                    "0123456789_-+=./:,@%^", *p) || (*p & 0x80))
            return false;
    return true;
}

void cmdline_word(cmdline *c, const char *word)
{
    if (c->len)
        put(c, " ", 1);
    if (plain(word)) {
        put(c, word, strlen(word));
        return;
    }
    put(c, "'", 1);
    for (const char *p = word; *p; p++)
        if (*p == '\'')
            put(c, "'\\''", 4);
        else
            put(c, p, 1);
    put(c, "'", 1);
}

void cmdline_option(cmdline *c, const char *name, const char *value)
{
    char opt[64];
    size_t n = strlen(name);
    if (n + 3 > sizeof opt) {
        c->full = true;
        return;
    }
    memcpy(opt, "--", 2);
    memcpy(opt + 2, name, n + 1);
    cmdline_word(c, opt);
    if (value)
        cmdline_word(c, value);
}
