#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "quote.h"

/* One character of the input as written: its bytes in and out. */
typedef struct {
    char text[8];
    size_t in, out;     /* bytes read, bytes written */
} piece;

/* Length of the UTF-8 sequence at s (left bytes) and its code point, or
 * 0 when it is not one: overlong forms, surrogates and values above
 * U+10FFFF are not UTF-8 either. */
static size_t utf8_seq(const unsigned char *s, size_t left, unsigned *cp)
{
    size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
    if (n == 0 || s[0] > 0xf4 || n > left)
        return 0;
    unsigned c = s[0] & (0x7f >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3f);
    }
    static const unsigned least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < least[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return n;
}

static void next_piece(const char *str, size_t len, size_t i, piece *p)
{
    const unsigned char *s = (const unsigned char *)str + i;
    unsigned c = s[0], cp;
    size_t n;
    p->in = 1;
    if (c == '\n' || c == '\r' || c == '\t')
        p->out = (size_t)snprintf(p->text, sizeof p->text, "\\%c",
                                  c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
    else if (c < 0x20 || c == 0x7f)
        p->out = (size_t)snprintf(p->text, sizeof p->text, "\\x%02x", c);
    else if (c < 0x80)
        p->text[0] = (char)c, p->out = 1;
    else if ((n = utf8_seq(s, len - i, &cp)) == 0)
        p->out = (size_t)snprintf(p->text, sizeof p->text, "\\x%02x", c);
    else if (cp < 0xa0)
        p->in = n,
        p->out = (size_t)snprintf(p->text, sizeof p->text, "\\u%04x", cp);
    else
        memcpy(p->text, s, n), p->in = p->out = n;
}

/* A piece's width in characters: escapes are ASCII, else one. */
static size_t width(const piece *p) { return p->in == p->out ? 1 : p->out; }

/* Width of s[from, to). */
static size_t span_width(const char *s, size_t len, size_t from, size_t to)
{
    size_t w = 0;
    piece p;
    for (size_t i = from; i < to; i += p.in) {
        next_piece(s, len, i, &p);
        w += width(&p);
    }
    return w;
}

typedef struct {
    char *out;
    size_t cap, n;
    bool full;          /* a piece did not fit: nothing after it may */
} sink;

static void put(sink *k, const char *text, size_t n)
{
    if (!k->cap)
        return;
    if (!k->full && k->n + n < k->cap) {
        memcpy(k->out + k->n, text, n);
        k->n += n;
    } else {
        k->full = true;
    }
    k->out[k->n] = '\0';
}

static const char ellipsis[] = "\xe2\x80\xa6";

/* Writes the pieces of s from byte from while their width stays within
 * room; returns the byte reached (*used: the width written). */
static size_t put_while(sink *k, const char *s, size_t len, size_t from,
                        size_t room, size_t *used)
{
    piece p;
    size_t i = from;
    *used = 0;
    for (; i < len; i += p.in) {
        next_piece(s, len, i, &p);
        if (*used + width(&p) > room)
            break;
        put(k, p.text, p.out);
        *used += width(&p);
    }
    return i;
}

/* Whether s[0, len) is at most shown characters wide; reads no further
 * than that width needs. */
static bool fits(const char *s, size_t len, size_t shown)
{
    size_t w = 0;
    piece p;
    for (size_t i = 0; i < len && w <= shown; i += p.in) {
        next_piece(s, len, i, &p);
        w += width(&p);
    }
    return w <= shown;
}

/* Where the last pieces of s[from, len) that are at most tail wide
 * begin. Found from near the end: a character takes at most 4 bytes, so
 * they lie in the last 4·tail bytes, and a value of 100 KB costs no more
 * than one of 100 bytes. */
static size_t tail_start(const char *s, size_t len, size_t from, size_t tail)
{
    size_t i = len - from > 4 * tail ? len - 4 * tail : from;
    /* Not inside a character: step over continuation bytes. */
    for (int k = 0; k < 3 && i > from && i < len &&
                    ((unsigned char)s[i] & 0xc0) == 0x80; k++)
        i++;
    size_t w = span_width(s, len, i, len);
    piece p;
    for (; w > tail; i += p.in) {
        next_piece(s, len, i, &p);
        w -= width(&p);
    }
    return i;
}

char *quote_n(char *out, size_t cap, const char *s, size_t len, size_t shown)
{
    sink k = {out, cap, 0, false};
    size_t used;
    put(&k, "", 0);
    if (fits(s, len, shown)) {
        put_while(&k, s, len, 0, shown, &used);
        return out;
    }
    size_t i = put_while(&k, s, len, 0, (shown - 1) / 2, &used);
    put(&k, ellipsis, 3);
    size_t tail = shown - 1 - used;
    put_while(&k, s, len, tail_start(s, len, i, tail), tail, &used);
    return out;
}

const char *quote(char *out, const char *s)
{
    if (!s)
        s = "(null)";
    return quote_n(out, QUOTE_CAP, s, strlen(s), QUOTE_SHOWN);
}

char *quote_window(char *out, size_t cap, const char *s, size_t len,
                   size_t at, size_t shown, size_t *caret)
{
    sink k = {out, cap, 0, false};
    put(&k, "", 0);
    if (at > len)
        at = len;
    size_t before = span_width(s, len, 0, at), total, used;
    total = before + span_width(s, len, at, len);
    if (total <= shown) {
        put_while(&k, s, len, 0, total, &used);
        *caret = before;
        return out;
    }
    /* Start so that at most half the window precedes the caret. */
    size_t from = 0, skipped = 0;
    piece p;
    while (before - skipped > shown / 2) {
        next_piece(s, len, from, &p);
        skipped += width(&p);
        from += p.in;
    }
    size_t lead = from > 0;
    if (lead)
        put(&k, ellipsis, 3);
    bool cut = total - skipped + lead > shown;
    size_t end = put_while(&k, s, len, from, shown - lead - cut, &used);
    if (end < len)
        put(&k, ellipsis, 3);
    *caret = lead + before - skipped;
    return out;
}
