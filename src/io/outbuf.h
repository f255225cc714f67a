/* A write buffer in front of a FILE: traces are written a number at a
 * time, and stdio's per-call locking would cost more than the numbers. */
#ifndef DESCENT_OUTBUF_H
#define DESCENT_OUTBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum { OUTBUF_SIZE = 1 << 16 };

typedef struct {
    FILE *f;
    size_t len;
    bool failed;   /* a write failed; later writes are dropped */
    char buf[OUTBUF_SIZE];
} outbuf;

void outbuf_init(outbuf *o, FILE *f);
void outbuf_str(outbuf *o, const char *s);
void outbuf_char(outbuf *o, char c);
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
