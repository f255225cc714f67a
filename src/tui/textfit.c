#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textfit.h"

enum { FIT_BUF = 1024, MIN_SIG = 3 };

static bool continuation(unsigned char c) { return (c & 0xc0) == 0x80; }

/* The code point at s (its length in *len). */
static unsigned decode(const char *s, int *len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80 || !u[1]) {
        *len = 1;
        return u[0];
    }
    if (u[0] < 0xe0) {
        *len = 2;
        return (unsigned)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
    }
    if (u[0] < 0xf0 || !u[2]) {
        *len = u[2] ? 3 : 2;
        return (unsigned)(u[0] & 0x0f) << 12 | (unsigned)(u[1] & 0x3f) << 6 |
               (u[2] & 0x3f);
    }
    *len = u[3] ? 4 : 3;
    return (unsigned)(u[0] & 0x07) << 18 | (unsigned)(u[1] & 0x3f) << 12 |
           (unsigned)(u[2] & 0x3f) << 6 | (u[3] & 0x3f);
}

static bool combining(unsigned cp) { return cp >= 0x300 && cp <= 0x36f; }

int text_width(const char *s)
{
    int w = 0, len;
    for (; *s; s += len)
        w += !combining(decode(s, &len));
    return w;
}

static bool digit(char c) { return c >= '0' && c <= '9'; }

/* Whether the code point ending just before at is part of a name (x0,
 * β1): then a digit after it is not a number. */
static bool after_name(const char *s, size_t at)
{
    if (at == 0)
        return false;
    size_t p = at - 1;
    while (p > 0 && continuation((unsigned char)s[p]))
        p--;
    int len;
    unsigned cp = decode(s + p, &len);
    return (cp < 0x80 && (cp == '_' || cp == '.' ||
                          (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                          digit((char)cp))) ||
           (cp >= 0x370 && cp <= 0x3ff) || combining(cp);
}

typedef struct {
    size_t start, end;      /* the token's bytes */
    size_t mant_end;        /* where the exponent starts (or end) */
    int frac, sig;          /* fraction and significant digits */
} number;

/* The number starting at s + at, if one does. */
static bool number_at(const char *s, size_t at, number *n)
{
    size_t i = at;
    if ((s[i] == '-' || s[i] == '+') && (digit(s[i + 1]) ||
                                         (s[i + 1] == '.' && digit(s[i + 2]))))
        i++;
    else if (!digit(s[i]) && !(s[i] == '.' && digit(s[i + 1])))
        return false;
    if (after_name(s, at))
        return false;
    n->start = at;
    n->frac = n->sig = 0;
    bool point = false, lead = true;
    for (; digit(s[i]) || (s[i] == '.' && !point); i++) {
        if (s[i] == '.') {
            point = true;
            continue;
        }
        n->frac += point;
        if (s[i] != '0')
            lead = false;
        n->sig += !lead;
    }
    n->mant_end = i;
    if ((s[i] == 'e' || s[i] == 'E') &&
        (digit(s[i + 1]) || ((s[i + 1] == '-' || s[i + 1] == '+') &&
                             digit(s[i + 2])))) {
        i += 2;
        while (digit(s[i]))
            i++;
    }
    n->end = i;
    return true;
}

/* The numbers of s, at most cap. */
static int numbers(const char *s, number *out, int cap)
{
    int k = 0;
    for (size_t i = 0; s[i] && k < cap;)
        if (number_at(s, i, &out[k]))
            i = out[k++].end;
        else
            i++;
    return k;
}

/* Rounds away the last fraction digit of number n in buf; false when
 * the number is too long to rewrite here (buf unchanged). */
static bool shorten(char *buf, const number *n)
{
    char mant[64], rep[96];
    size_t ml = n->mant_end - n->start;
    if (ml >= sizeof mant)
        return false;
    memcpy(mant, buf + n->start, ml);
    mant[ml] = '\0';
    int len = snprintf(rep, sizeof rep, "%.*f", n->frac - 1, strtod(mant, NULL));
    if (len < 0 || (size_t)len >= sizeof rep)
        return false;
    if (mant[0] == '+' && rep[0] != '-')
        memmove(rep + 1, rep, (size_t)len + 1), rep[0] = '+', len++;
    size_t tail = strlen(buf + n->mant_end);
    memmove(buf + n->start + len, buf + n->mant_end, tail + 1);
    memcpy(buf + n->start, rep, (size_t)len);
    return true;
}

/* Shortens the longest number of buf until buf fits width, to three
 * significant digits; then, rather than cut one, numbers with an
 * exponent (whose size stays in sight) to two, then one. Returns
 * whether it fits. */
static bool shorten_numbers(char *buf, int width)
{
    number nums[64];
    for (int min_sig = MIN_SIG; min_sig >= 1; min_sig--)
        while (text_width(buf) > width) {
            int k = numbers(buf, nums, 64), best = -1;
            for (int i = 0; i < k; i++)
                if (nums[i].frac > 0 && nums[i].sig > min_sig &&
                    (min_sig == MIN_SIG || nums[i].mant_end < nums[i].end) &&
                    (best < 0 || nums[i].sig > nums[best].sig))
                    best = i;
            if (best < 0)
                break;
            /* The same number written twice stays the same: all its
             * copies shortened at once, the last first (positions
             * before it do not move). */
            size_t len = nums[best].end - nums[best].start;
            char text[64];
            if (len >= sizeof text) /* too long to rewrite: cut instead */
                break;
            memcpy(text, buf + nums[best].start, len);
            for (int i = k - 1; i >= 0; i--)
                if (nums[i].end - nums[i].start == len &&
                    memcmp(buf + nums[i].start, text, len) == 0 &&
                    !shorten(buf, &nums[i]))
                    return false;
        }
    return text_width(buf) <= width;
}

/* buf cut to width columns less the ellipsis's, never inside a number. */
static void cut(char *buf, int width)
{
    number nums[64];
    int k = numbers(buf, nums, 64), w = 0, len;
    size_t best = 0;
    for (size_t i = 0;; i += (size_t)len) {
        bool inside = false;
        for (int j = 0; j < k; j++)
            inside |= i > nums[j].start && i < nums[j].end;
        if (!inside)
            best = i;
        if (!buf[i])
            break;
        int cw = !combining(decode(buf + i, &len));
        if (w + cw > width)
            break;
        w += cw;
    }
    /* One space stays before the ellipsis when the cut came after one. */
    size_t end = best;
    while (end > 1 && buf[end - 1] == ' ' && buf[end - 2] == ' ')
        end--;
    buf[end] = '\0';
}

size_t text_fit(const char *in, int width, const char *ell, char *out,
                size_t cap)
{
    if (!cap)
        return 0;
    char buf[FIT_BUF];
    snprintf(buf, sizeof buf, "%s", in);
    if (width < 0)
        width = 0;
    if (!shorten_numbers(buf, width)) {
        int ew = text_width(ell);
        if (ew > width)
            ell = "", ew = 0;
        cut(buf, width - ew);
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, "%s", ell);
    }
    return (size_t)snprintf(out, cap, "%s", buf) < cap ? strlen(out) : cap - 1;
}
