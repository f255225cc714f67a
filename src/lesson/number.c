#include <math.h>
#include <stdio.h>
#include <string.h>

#include "number.h"
#include "parse_num.h"

/* One decimal number of len bytes at s, "−" allowed for "-". */
static int decimal(const char *s, size_t len, double *out, char *msg,
                   size_t cap)
{
    char buf[128];
    static const char minus[] = "\xE2\x88\x92";
    if (len >= 3 && memcmp(s, minus, 3) == 0)
        snprintf(buf, sizeof buf, "-%.*s", (int)(len - 3), s + 3);
    else
        snprintf(buf, sizeof buf, "%.*s", (int)len, s);
    if (len >= sizeof buf - 1) {
        snprintf(msg, cap, "'%.20s...' is not a number", buf);
        return -1;
    }
    return parse_num_double(buf, out, msg, cap);
}

int lesson_number(const char *text, double *out, bool *percent, char *msg,
                  size_t cap)
{
    size_t len = strlen(text);
    while (len > 0 && *text == ' ')
        text++, len--;
    while (len > 0 && text[len - 1] == ' ')
        len--;
    bool pct = len > 0 && text[len - 1] == '%';
    if (percent)
        *percent = pct;
    if (pct)
        len--;
    const char *slash = memchr(text, '/', len);
    double v, den = pct ? 100.0 : 1.0;
    if (decimal(text, slash ? (size_t)(slash - text) : len, &v, msg, cap) < 0)
        return -1;
    if (slash) {
        double d;
        if (decimal(slash + 1, len - (size_t)(slash + 1 - text), &d, msg,
                    cap) < 0)
            return -1;
        if (d == 0.0) {
            snprintf(msg, cap, "'%.*s' divides by zero", (int)len, text);
            return -1;
        }
        den *= d;
    }
    v /= den;
    if (!isfinite(v)) {
        snprintf(msg, cap, "'%.*s' is out of range", (int)len, text);
        return -1;
    }
    *out = v;
    return 0;
}
