#include <math.h>
#include <string.h>

#include "fmt_double.h"
#include "outbuf.h"

void outbuf_init(outbuf *o, FILE *f)
{
    o->f = f;
    o->len = 0;
    o->failed = false;
}

int outbuf_flush(outbuf *o)
{
    if (o->len && !o->failed && fwrite(o->buf, 1, o->len, o->f) != o->len)
        o->failed = true;
    o->len = 0;
    if (!o->failed && fflush(o->f) != 0)
        o->failed = true;
    return o->failed ? -1 : 0;
}

/* Makes room for n more bytes (n ≤ OUTBUF_SIZE). */
static char *reserve(outbuf *o, size_t n)
{
    if (o->len + n > OUTBUF_SIZE) {
        if (!o->failed && fwrite(o->buf, 1, o->len, o->f) != o->len)
            o->failed = true;
        o->len = 0;
    }
    return o->buf + o->len;
}

void outbuf_append(outbuf *o, const char *s, size_t n)
{
    while (n > 0) {
        size_t chunk = n < OUTBUF_SIZE ? n : OUTBUF_SIZE;
        memcpy(reserve(o, chunk), s, chunk);
        o->len += chunk;
        s += chunk;
        n -= chunk;
    }
}

void outbuf_str(outbuf *o, const char *s) { outbuf_mem(o, s, strlen(s)); }

void outbuf_long(outbuf *o, long v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    outbuf_append(o, p, (size_t)(tmp + sizeof tmp - p));
}

void outbuf_number(outbuf *o, double v, bool single)
{
    char *p = reserve(o, FMT_DOUBLE_MAX);
    o->len += fmt_number(v, single, p);
}

void outbuf_double(outbuf *o, double v)
{
    outbuf_number(o, v, false);
}

void outbuf_json_number(outbuf *o, double v, bool single)
{
    if (isfinite(v))
        outbuf_number(o, v, single);
    else
        outbuf_str(o, "null");
}

void outbuf_json_double(outbuf *o, double v)
{
    outbuf_json_number(o, v, false);
}

/* Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or 0. */
static size_t utf8_len(const unsigned char *p)
{
    unsigned char c = p[0];
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return n;
}

/* Bytes that are not UTF-8 (a file name in another encoding) are written
 * as \u00XX, so the line stays JSON that a strict reader accepts. */
void outbuf_json_string(outbuf *o, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    outbuf_char(o, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        size_t n;
        if (c == '"' || c == '\\') {
            outbuf_char(o, '\\');
            outbuf_char(o, (char)c);
        } else if (c < 0x20 || (c >= 0x80 && !(n = utf8_len(p)))) {
            char esc[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
            outbuf_str(o, esc);
        } else if (c >= 0x80) {
            for (size_t i = 0; i < n; i++)
                outbuf_char(o, (char)p[i]);
            p += n - 1;
        } else {
            outbuf_char(o, (char)c);
        }
    }
    outbuf_char(o, '"');
}
