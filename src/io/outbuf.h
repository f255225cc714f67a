/* A write buffer in front of a FILE: traces are written a number at a
 * time, and stdio's per-call locking would cost more than the numbers. */
#ifndef DESCENT_OUTBUF_H
#define DESCENT_OUTBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

enum { OUTBUF_SIZE = 1 << 16 };

typedef struct {
    FILE *f;
    size_t len;
    bool failed;   /* a write failed; later writes are dropped */
    char buf[OUTBUF_SIZE];
} outbuf;

void outbuf_init(outbuf *o, FILE *f);
void outbuf_str(outbuf *o, const char *s);
/* What outbuf_mem and outbuf_char do when the buffer is full. */
void outbuf_append(outbuf *o, const char *s, size_t n);

/* n bytes of s. Inline: a trace row is a few dozen of these. */
static inline void outbuf_mem(outbuf *o, const char *s, size_t n)
{
    if (o->len + n <= OUTBUF_SIZE) {
        memcpy(o->buf + o->len, s, n);
        o->len += n;
    } else {
        outbuf_append(o, s, n);
    }
}

/* The first n bytes of s, which has cap ≥ n readable: copied cap at a
 * time, one move for a short string where n bytes would be a call. */
static inline void outbuf_mem_in(outbuf *o, const char *s, size_t n,
                                 size_t cap)
{
    if (o->len + cap <= OUTBUF_SIZE) {
        memcpy(o->buf + o->len, s, cap);
        o->len += n;
    } else {
        outbuf_append(o, s, n);
    }
}

static inline void outbuf_char(outbuf *o, char c)
{
    if (o->len < OUTBUF_SIZE)
        o->buf[o->len++] = c;
    else
        outbuf_append(o, &c, 1);
}

void outbuf_long(outbuf *o, long v);
/* Shortest round-trip text; non-finite as "nan"/"inf"/"-inf". */
void outbuf_double(outbuf *o, double v);
/* Like outbuf_double, but null for NaN and ±Inf (JSON has no such). */
void outbuf_json_double(outbuf *o, double v);
/* The same for a float32 value held in v when single (fmt_number). */
void outbuf_number(outbuf *o, double v, bool single);
void outbuf_json_number(outbuf *o, double v, bool single);
/* A JSON string literal with the escapes RFC 8259 requires. */
void outbuf_json_string(outbuf *o, const char *s);
/* Writes what is buffered; returns 0, or -1 if any write failed. */
int outbuf_flush(outbuf *o);

#endif
