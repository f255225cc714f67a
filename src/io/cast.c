#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cast.h"

/* The length of the UTF-8 sequence at s (n bytes there): 1 to 4 when it
 * is valid, 0 when it is not (no overlong forms, no surrogates, nothing
 * above U+10FFFF), -1 when it is a valid beginning cut short. */
static int seq_len(const unsigned char *s, size_t n)
{
    unsigned char b = s[0];
    if (b < 0x80)
        return 1;
    int len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
            : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (!len)
        return 0;
    /* The second byte's range rules out overlong forms and surrogates. */
    unsigned char lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n)
            return -1;
        if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xBF))
            return 0;
    }
    return len;
}

void cast_json_string(FILE *f, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    putc('"', f);
    for (size_t i = 0; i < n;) {
        unsigned char b = s[i];
        int len = seq_len(s + i, n - i);
        if (len <= 0) {
            fputs("\\ufffd", f);
            i++;
            continue;
        }
        if (b == '"' || b == '\\')
            fprintf(f, "\\%c", b);
        else if (b == '\n')
            fputs("\\n", f);
        else if (b == '\r')
            fputs("\\r", f);
        else if (b == '\t')
            fputs("\\t", f);
        else if (b < 0x20 || b == 0x7f)
            fprintf(f, "\\u%04x", b);
        else
            fwrite(s + i, 1, (size_t)len, f);
        i += (size_t)len;
    }
    putc('"', f);
}

int cast_open(cast_writer *c, const char *path, bool force, char *err,
              size_t cap)
{
    memset(c, 0, sizeof *c);
    c->last_us = c->pend_us = -1;
    return atomic_open(&c->f, path, force, err, cap);
}

void cast_header(cast_writer *c, int width, int height, long long timestamp,
                 const char *title, const char *term, const char *shell)
{
    FILE *f = c->f.f;
    if (!f || c->header)
        return;
    c->header = true;
    fprintf(f, "{\"version\": 2, \"width\": %d, \"height\": %d, "
            "\"timestamp\": %lld", width, height, timestamp);
    if (title) {
        fputs(", \"title\": ", f);
        cast_json_string(f, title, strlen(title));
    }
    fputs(", \"env\": {", f);
    const char *names[] = {"SHELL", "TERM"}, *values[] = {shell, term};
    bool first = true;
    for (int i = 0; i < 2; i++)
        if (values[i]) {
            fprintf(f, "%s\"%s\": ", first ? "" : ", ", names[i]);
            cast_json_string(f, values[i], strlen(values[i]));
            first = false;
        }
    fputs("}}\n", f);
}

/* The next event's time in microseconds: t, but after the last. */
static long long event_us(cast_writer *c, double t)
{
    long long us = t > 0 ? llround(t * 1e6) : 0;
    if (us <= c->last_us)
        us = c->last_us + 1;
    c->last_us = us;
    return us;
}

static void event_start(cast_writer *c, long long us, const char *kind)
{
    fprintf(c->f.f, "[%lld.%06lld, \"%s\", ", us / 1000000, us % 1000000,
            kind);
}

static void flush_pending(cast_writer *c)
{
    if (!c->plen || !c->f.f)
        return;
    event_start(c, event_us(c, (double)c->pend_us / 1e6), "o");
    cast_json_string(c->f.f, c->pend, c->plen);
    fputs("]\n", c->f.f);
    c->plen = 0;
}

static void pend(cast_writer *c, const unsigned char *s, size_t n)
{
    if (c->plen + n > c->pcap) {
        size_t cap = c->pcap ? c->pcap : 4096;
        while (cap < c->plen + n)
            cap *= 2;
        char *p = realloc(c->pend, cap);
        if (!p) {
            c->failed = true;
            return;
        }
        c->pend = p;
        c->pcap = cap;
    }
    memcpy(c->pend + c->plen, s, n);
    c->plen += n;
}

void cast_output(cast_writer *c, double t, const char *data, size_t n)
{
    if (!c->f.f || c->failed || !n)
        return;
    long long us = t > 0 ? llround(t * 1e6) : 0;
    if (c->plen && us > c->pend_us)
        flush_pending(c);
    if (!c->plen)
        c->pend_us = us;
    const unsigned char *s = (const unsigned char *)data;
    /* The carried beginning takes the bytes that complete it. */
    while (c->ncarry && n) {
        c->carry[c->ncarry++] = *s++;
        n--;
        int len = seq_len(c->carry, c->ncarry);
        if (len != -1) {
            pend(c, c->carry, c->ncarry);
            c->ncarry = 0;
        }
    }
    /* A sequence cut at the end waits for the next write. */
    size_t keep = 0;
    for (size_t k = 1; k <= 3 && k <= n; k++)
        if (s[n - k] < 0x80 || s[n - k] >= 0xC0) {
            if (seq_len(s + n - k, k) == -1)
                keep = k;
            break;
        }
    pend(c, s, n - keep);
    memcpy(c->carry, s + n - keep, keep);
    c->ncarry = keep;
}

void cast_resize(cast_writer *c, double t, int cols, int rows)
{
    if (!c->f.f || c->failed)
        return;
    flush_pending(c);
    event_start(c, event_us(c, t), "r");
    fprintf(c->f.f, "\"%dx%d\"]\n", cols, rows);
}

int cast_close(cast_writer *c, double t, char *err, size_t cap)
{
    if (c->ncarry)
        pend(c, c->carry, c->ncarry); /* shown as U+FFFD */
    flush_pending(c);
    long long us = t > 0 ? llround(t * 1e6) : 0;
    if (c->f.f && us > c->last_us) {
        event_start(c, event_us(c, t), "o");
        fputs("\"\"]\n", c->f.f);
    }
    int rc;
    if (c->failed) {
        snprintf(err, cap, "%s: out of memory", c->f.path);
        atomic_abort(&c->f);
        rc = -1;
    } else {
        rc = atomic_commit(&c->f, err, cap);
    }
    free(c->pend);
    c->pend = NULL;
    return rc;
}

void cast_abort(cast_writer *c)
{
    atomic_abort(&c->f);
    free(c->pend);
    c->pend = NULL;
}
