#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse_num.h"

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
        snprintf(msg, cap, "'%s' is not a number", text);
        return -1;
    }
    errno = 0;
    double v = strtod(text, NULL);
    if (errno == ERANGE && fabs(v) > 1.0) {
        snprintf(msg, cap, "'%s' is out of range", text);
        return -1;
    }
    *out = v;
    return 0;
}

int parse_num_long(const char *text, long *out, char *msg, size_t cap)
{
    const char *p = text + (*text == '+' || *text == '-');
    if (*p < '0' || *p > '9' || strspn(p, "0123456789") != strlen(p)) {
        snprintf(msg, cap, "'%s' is not a whole number", text);
        return -1;
    }
    errno = 0;
    long v = strtol(text, NULL, 10);
    if (errno == ERANGE) {
        snprintf(msg, cap, "'%s' is out of range", text);
        return -1;
    }
    *out = v;
    return 0;
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
            snprintf(msg, cap, "'%.*s' is not a number", (int)len, p);
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
