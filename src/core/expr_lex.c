/* The expression lexer: one token at a time, so the first error from the
 * left is the one reported. Numbers are converted without the locale's
 * decimal point: the digits go to strtod as an integer with an exponent. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr_impl.h"

void expr_fail(expr_error *err, size_t pos, const char *fmt, ...)
{
    if (!err)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    err->column = pos + 1 > (size_t)1 << 30 ? 1 << 30 : (int)(pos + 1);
}

void expr_quote(char *buf, size_t cap, const char *text, size_t len)
{
    enum { MAX_SHOWN = 24 };
    if (len > MAX_SHOWN)
        snprintf(buf, cap, "'%.*s...'", (int)(MAX_SHOWN - 3), text);
    else
        snprintf(buf, cap, "'%.*s'", (int)len, text);
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int is_name_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_name_char(unsigned char c)
{
    return is_name_start(c) || is_digit(c);
}

/* Length of the valid UTF-8 sequence at s and its code point, or 0. */
static int utf8_decode(const unsigned char *s, unsigned long *cp)
{
    int n;
    unsigned long c, min;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        n = 2, c = s[0] & 0x1F, min = 0x80;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        n = 3, c = s[0] & 0x0F, min = 0x800;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        n = 4, c = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

/* What to write instead of a few characters pasted from typeset text. */
static const char *ascii_for(unsigned long cp)
{
    switch (cp) {
    case 0x2212: case 0x2013: case 0x2014: return "'-'";   /* − – — */
    case 0x00D7: case 0x00B7: case 0x22C5: case 0x2217: return "'*'";
    case 0x00F7: case 0x2215: return "'/'";
    case 0x00B2: return "'^2'";
    case 0x00B3: return "'^3'";
    case 0x03C0: return "'pi'";
    case 0x221A: return "'sqrt(...)'";
    case 0x00A0: case 0x2009: case 0x202F: return "a plain space";
    default: return NULL;
    }
}

static void bad_char(const char *text, size_t pos, expr_error *err)
{
    const unsigned char *s = (const unsigned char *)text + pos;
    unsigned long cp;
    int n;
    if (s[0] >= 0x20 && s[0] < 0x7F) {
        expr_fail(err, pos, "unexpected character '%c'", s[0]);
    } else if (s[0] < 0x80) {
        expr_fail(err, pos, "unexpected character U+%04X", s[0]);
    } else if ((n = utf8_decode(s, &cp)) > 0) {
        const char *alt = ascii_for(cp);
        if (alt)
            expr_fail(err, pos, "unexpected character '%.*s' (U+%04lX); "
                      "write %s", n, (const char *)s, cp, alt);
        else
            expr_fail(err, pos, "unexpected character '%.*s' (U+%04lX)",
                      n, (const char *)s, cp);
    } else {
        expr_fail(err, pos, "unexpected character (byte 0x%02X is not "
                  "UTF-8)", s[0]);
    }
}

/* Reads a number at text+pos (a digit, or '.' and a digit) into tok. */
static int lex_number(const char *text, size_t pos, token *tok,
                      expr_error *err)
{
    /* More significant digits than this cannot change the rounding once
     * a nonzero digit stands for the rest (767 suffice for a double). */
    enum { KEEP = 780, EXP_CAP = 1000000 };
    char buf[KEEP + 32];
    size_t nd = 0;              /* digits in buf */
    long long scale = 0;        /* value = buf * 10^(exp + scale) */
    int sticky = 0;
    size_t i = pos;
    int seen_point = 0;

    for (;; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '.' && !seen_point) {
            seen_point = 1;
            continue;
        }
        if (!is_digit(c))
            break;
        if (seen_point)
            scale--;
        if (nd == 0 && c == '0')
            continue;           /* leading zero */
        if (nd < KEEP) {
            buf[nd++] = (char)c;
        } else {
            scale++;
            if (c != '0')
                sticky = 1;
        }
    }
    long long exp10 = 0;
    unsigned char e = (unsigned char)text[i];
    if (e == 'e' || e == 'E') {
        size_t j = i + 1;
        int neg = 0;
        if (text[j] == '+' || text[j] == '-')
            neg = text[j++] == '-';
        if (is_digit((unsigned char)text[j])) {
            for (; is_digit((unsigned char)text[j]); j++)
                if (exp10 < EXP_CAP)
                    exp10 = exp10 * 10 + (text[j] - '0');
            if (neg)
                exp10 = -exp10;
            i = j;
        }
        /* else: the number ends before the 'e' (then `2e` reads as 2
         * followed by the constant e: an error for want of an operator) */
    }
    tok->kind = TOK_NUM;
    tok->pos = pos;
    tok->len = i - pos;
    if (nd == 0) {
        tok->num = 0.0;
        return 0;
    }
    if (sticky)
        buf[nd++] = '1', scale--;
    long long p = exp10 + scale;
    if (p > 2 * EXP_CAP)
        p = 2 * EXP_CAP;
    if (p < -2 * EXP_CAP)
        p = -2 * EXP_CAP;
    snprintf(buf + nd, sizeof buf - nd, "e%lld", p);
    tok->num = strtod(buf, NULL);
    if (isinf(tok->num)) {
        expr_fail(err, pos, "number out of range");
        return -1;
    }
    return 0;
}

int expr_lex(const char *text, size_t pos, token *tok, expr_error *err)
{
    while (is_space((unsigned char)text[pos]))
        pos++;
    unsigned char c = (unsigned char)text[pos];
    tok->pos = pos;
    tok->len = 1;
    tok->num = 0.0;
    switch (c) {
    case '\0': tok->kind = TOK_END; tok->len = 0; return 0;
    case '+': tok->kind = TOK_PLUS; return 0;
    case '-': tok->kind = TOK_MINUS; return 0;
    case '*': tok->kind = TOK_STAR; return 0;
    case '/': tok->kind = TOK_SLASH; return 0;
    case '^': tok->kind = TOK_CARET; return 0;
    case '(': tok->kind = TOK_LPAREN; return 0;
    case ')': tok->kind = TOK_RPAREN; return 0;
    case ',': tok->kind = TOK_COMMA; return 0;
    default: break;
    }
    if (is_digit(c) || (c == '.' && is_digit((unsigned char)text[pos + 1])))
        return lex_number(text, pos, tok, err);
    if (is_name_start(c)) {
        size_t i = pos + 1;
        while (is_name_char((unsigned char)text[i]))
            i++;
        tok->kind = TOK_NAME;
        tok->len = i - pos;
        return 0;
    }
    bad_char(text, pos, err);
    return -1;
}
