#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source.h"

size_t source_utf8_len(const unsigned char *p, size_t n, bool *ok)
{
    *ok = true;
    if (p[0] < 0x80)
        return 1;
    size_t len = p[0] >= 0xC2 && p[0] <= 0xDF ? 2
               : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
               : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : 0;
    if (len == 0 || len > n) {
        *ok = false;
        return 1;
    }
    /* The second byte's range excludes overlong forms, surrogates and
     * code points above U+10FFFF (RFC 3629's table). */
    unsigned lo = 0x80, hi = 0xBF;
    if (p[0] == 0xE0) lo = 0xA0;
    if (p[0] == 0xED) hi = 0x9F;
    if (p[0] == 0xF0) lo = 0x90;
    if (p[0] == 0xF4) hi = 0x8F;
    if (p[1] < lo || p[1] > hi) {
        *ok = false;
        return 1;
    }
    for (size_t i = 2; i < len; i++)
        if (p[i] < 0x80 || p[i] > 0xBF) {
            *ok = false;
            return 1;
        }
    return len;
}

int source_column(const source_line *l, const char *at)
{
    int col = 1;
    const unsigned char *p = (const unsigned char *)l->text;
    const unsigned char *end = (const unsigned char *)at;
    while (p < end) {
        bool ok;
        p += source_utf8_len(p, (size_t)(end - p), &ok);
        col++;
    }
    return col;
}

/* source_utf8_len, counted as work. */
static size_t decode(source *s, const unsigned char *p, size_t n, bool *ok)
{
    s->work++;
    return source_utf8_len(p, n, ok);
}

/* Checks one line; reports its first problem. The column is counted as
 * the line is read (one pass: a long line costs its length, not its
 * length squared). */
static void check_line(source *s, source_line *l, diag_list *d)
{
    const unsigned char *p = (const unsigned char *)l->text;
    const unsigned char *end = p + l->len;
    for (int col = 1; p < end; col++) {
        bool ok;
        size_t n = decode(s, p, (size_t)(end - p), &ok);
        if (!ok) {
            diag_add(d, l->number, col, "invalid UTF-8 (byte 0x%02x)", *p);
            l->bad = true;
            return;
        }
        if ((*p < 0x20 && *p != '\t') || *p == 0x7F) {
            diag_add(d, l->number, col, "control character U+%04X", *p);
            l->bad = true;
            return;
        }
        p += n;
    }
}

static int split(source *s, size_t len, diag_list *d)
{
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += s->buf[i] == '\n';
    s->lines = calloc(cap, sizeof *s->lines);
    if (!s->lines) {
        diag_add(d, 0, 0, "out of memory");
        return -1;
    }
    char *p = s->buf, *end = s->buf + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *stop = nl ? nl : end;
        *stop = '\0';
        size_t n = (size_t)(stop - p);
        if (n > 0 && p[n - 1] == '\r')
            p[--n] = '\0';
        source_line *l = &s->lines[s->n];
        *l = (source_line){p, n, (int)s->n + 1, false};
        s->n++;
        check_line(s, l, d);
        p = stop + 1;
    }
    return 0;
}

int source_from(const char *text, size_t len, source *s, diag_list *d)
{
    memset(s, 0, sizeof *s);
    if (len > SOURCE_MAX_BYTES) {
        diag_add(d, 0, 0, "larger than %d bytes", SOURCE_MAX_BYTES);
        return -1;
    }
    s->buf = malloc(len + 1);
    if (!s->buf) {
        diag_add(d, 0, 0, "out of memory");
        return -1;
    }
    memcpy(s->buf, text, len);
    s->buf[len] = '\0';
    if (split(s, len, d) < 0) {
        source_free(s);
        return -1;
    }
    return 0;
}

int source_slurp(const char *path, char **out, size_t *len, diag_list *d)
{
    *out = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(d, 0, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    char *buf = malloc(SOURCE_MAX_BYTES + 1);
    size_t n = buf ? fread(buf, 1, SOURCE_MAX_BYTES + 1, f) : 0;
    int err = ferror(f) ? errno : 0;
    fclose(f);
    /* One byte more than the limit is read, so that source_from can
     * tell a file that is too large. */
    if (!buf || err) {
        if (!buf)
            diag_add(d, 0, 0, "out of memory");
        else
            diag_add(d, 0, 0, "cannot read: %s", strerror(err));
        free(buf);
        return -1;
    }
    *out = buf;
    *len = n;
    return 0;
}

void source_free(source *s)
{
    free(s->buf);
    free(s->lines);
    memset(s, 0, sizeof *s);
}
