#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse_num.h"
#include "quote.h"

/* A number as its messages show it: quoted (quote.h), narrower than
 * other values so that a message fits in PARSE_NUM_MSG. */
enum { NUM_SHOWN = 48 };
#define SHOWN(text, len) QUOTE_WIDTH((text), (len), NUM_SHOWN)

/* strtod follows LC_NUMERIC; descent only ever sets LC_CTYPE (the TUI)
 * and resets LC_NUMERIC to "C", so '.' is the decimal point here. The
 * text is still screened first so that hex floats, "nan", "inf" and
 * "infinity", which strtod accepts, are reported as not numbers. */
static bool looks_decimal(const char *t)
{
    const char *p = t;
    if (*p == '+' || *p == '-')
        p++;
    bool digits = false;
    while (*p >= '0' && *p <= '9')
        p++, digits = true;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits = true;
    if (!digits)
        return false;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

int parse_num_double(const char *text, double *out, char *msg, size_t cap)
{
    if (!looks_decimal(text)) {
        snprintf(msg, cap, "'%s' is not a number",
                 SHOWN(text, strlen(text)));
        return -1;
    }
    errno = 0;
    double v = strtod(text, NULL);
    if (errno == ERANGE && fabs(v) > 1.0) {
        snprintf(msg, cap, "'%s' is out of range",
                 SHOWN(text, strlen(text)));
        return -1;
    }
    *out = v;
    return 0;
}

/* The value of decimal text d (looks_decimal) when it is a whole number
 * in range: 1000, 1e3, 1.5e3, 1000.0. 1 whole, 0 not whole, -1 out of
 * range. Digit by digit: a double would round 2^53 + 1. */
static int whole_value(const char *d, long *out)
{
    bool neg = *d == '-';
    d += *d == '+' || *d == '-';
    const char *e = d + strcspn(d, "eE");
    long exp = 0;
    if (*e) {
        errno = 0;
        exp = strtol(e + 1, NULL, 10);
        if (errno == ERANGE)
            exp = exp < 0 ? -1000000 : 1000000;
    }
    /* The digits as one integer with the point after digit `point`. */
    const char *dot = memchr(d, '.', (size_t)(e - d));
    long point = dot ? dot - d : e - d;
    unsigned long v = 0, limit = neg ? (unsigned long)LONG_MAX + 1 : LONG_MAX;
    long at = 0;
    int rc = 1;
    for (const char *p = d; p < e; p++) {
        if (*p == '.')
            continue;
        unsigned digit = (unsigned)(*p - '0');
        /* Digit at = 10^(point - 1 - at) · 10^exp. */
        long place = point - 1 - at++ + exp;
        if (place < 0) {
            if (digit)
                return 0;
            continue;
        }
        if (digit == 0 && v == 0)
            continue;
        if (place > 19)
            rc = -1;
        unsigned long term = digit;
        for (long k = 0; k < place && rc > 0; k++)
            if (term > limit / 10)
                rc = -1;
            else
                term *= 10;
        if (rc > 0 && term > limit - v)
            rc = -1;
        if (rc > 0)
            v += term;
    }
    if (rc > 0)
        *out = neg ? (long)(0 - v) : (long)v;
    return rc;
}

int parse_num_long(const char *text, long *out, char *msg, size_t cap)
{
    int rc = looks_decimal(text) ? whole_value(text, out) : 0;
    if (rc == 0)
        snprintf(msg, cap, "'%s' is not a whole number",
                 SHOWN(text, strlen(text)));
    else if (rc < 0)
        snprintf(msg, cap, "'%s' is out of range",
                 SHOWN(text, strlen(text)));
    return rc > 0 ? 0 : -1;
}

/* The item of a list without the spaces around it, into buf. */
static void trimmed(const char *s, size_t len, char *buf, size_t cap)
{
    while (len > 0 && *s == ' ')
        s++, len--;
    while (len > 0 && s[len - 1] == ' ')
        len--;
    snprintf(buf, cap, "%.*s", (int)len, s);
}

int parse_num_doubles(const char *text, double *out, size_t want, size_t max,
                      size_t *got, char *msg, size_t cap)
{
    size_t n = 0;
    int rc = 0;
    for (const char *p = text;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (n == max) {
            n++;
            break;
        }
        char item[128];
        trimmed(p, len, item, sizeof item);
        if (len >= sizeof item) {
            snprintf(msg, cap, "'%s' is not a number", SHOWN(p, len));
            rc = -1;
            break;
        }
        if (parse_num_double(item, &out[n], msg, cap) < 0) {
            rc = -1;
            break;
        }
        n++;
        if (!comma)
            break;
        p = comma + 1;
    }
    if (rc == 0 && ((want && n != want) || n > max)) {
        if (want)
            snprintf(msg, cap, "expected %zu comma-separated numbers, got %s%zu",
                     want, n > max ? "more than " : "", n > max ? max : n);
        else
            snprintf(msg, cap, "expected at most %zu numbers", max);
        rc = -1;
    }
    if (got)
        *got = n;
    return rc;
}
