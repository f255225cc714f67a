/* quote.h: outside text as messages show it; parse_num's whole numbers. */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "parse_num.h"
#include "quote.h"
#include "suites.h"

static const char *q(const char *s, size_t shown)
{
    static char buf[4096];
    return quote_n(buf, sizeof buf, s, strlen(s), shown);
}

static void controls_escaped(void)
{
    CU_ASSERT_STRING_EQUAL(q("1\n2", 100), "1\\n2");
    CU_ASSERT_STRING_EQUAL(q("\x1b[2J", 100), "\\x1b[2J");
    CU_ASSERT_STRING_EQUAL(q("a\tb\rc\x7f", 100), "a\\tb\\rc\\x7f");
    /* C1 as UTF-8 (U+009B, CSI) and as a bare byte. */
    CU_ASSERT_STRING_EQUAL(q("x\xc2\x9by", 100), "x\\u009by");
    CU_ASSERT_STRING_EQUAL(q("x\x9by", 100), "x\\x9by");
    /* Not UTF-8: overlong, surrogate, truncated. */
    CU_ASSERT_STRING_EQUAL(q("\xc0\xaf", 100), "\\xc0\\xaf");
    CU_ASSERT_STRING_EQUAL(q("\xed\xa0\x80", 100), "\\xed\\xa0\\x80");
    CU_ASSERT_STRING_EQUAL(q("\xe2\x80", 100), "\\xe2\\x80");
    /* Text as it is stays as it is. */
    CU_ASSERT_STRING_EQUAL(q("θ₀ = 1e-3, ü", 100), "θ₀ = 1e-3, ü");
    CU_ASSERT_STRING_EQUAL(q("C:\\dir", 100), "C:\\dir");
}

static void long_text_cut_in_the_middle(void)
{
    char big[100001];
    memset(big, '1', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    big[0] = 'A';
    big[sizeof big - 2] = 'Z';
    const char *s = q(big, 21);
    /* 10 characters, the ellipsis, 10 characters. */
    CU_ASSERT_STRING_EQUAL(s, "A111111111\xe2\x80\xa6" "111111111Z");
    /* Exactly the limit is not cut. */
    CU_ASSERT_STRING_EQUAL(q("abcde", 5), "abcde");
    CU_ASSERT_STRING_EQUAL(q("abcdef", 5), "ab\xe2\x80\xa6" "ef");
    /* An escape is never split, and counts its width. */
    CU_ASSERT_STRING_EQUAL(q("\n\n\n\n\n\n", 9), "\\n\\n\xe2\x80\xa6" "\\n\\n");
    char small[8];
    quote_n(small, sizeof small, big, strlen(big), 100);
    CU_ASSERT_EQUAL(strlen(small), 7);
    /* A piece that does not fit ends the text: none after it slips in. */
    quote_n(small, 6, "ab\ncd", 5, 100);
    CU_ASSERT_STRING_EQUAL(small, "ab\\nc");
    quote_n(small, 4, "ab\ncd", 5, 100);
    CU_ASSERT_STRING_EQUAL(small, "ab");
    CU_ASSERT_STRING_EQUAL(QUOTE(NULL), "(null)");
}

/* Over random bytes (UTF-8, broken UTF-8, controls): the text shown is
 * never wider than asked and has no control byte; uncut it is the whole
 * quoted text, cut it is a start and an end of it around "…". */
static void cut_is_start_and_end(void)
{
    uint64_t r = 88172645463325252ULL;
    static const char *const bits[] = {"a", "\xc3\xa9", "\xe2\x82\xac",
                                       "\xf0\x9f\x98\x80", "\n", "\x1b",
                                       "\x80", "\xc2\x9b", "\xe2\x82",
                                       "\xff", "\x7f", "z"};
    char in[600], whole[8 * 600], cut[4096];
    for (int t = 0; t < 3000; t++) {
        size_t len = 0, n = (size_t)(t % 150);
        for (size_t i = 0; i < n; i++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            const char *b = bits[r % 12];
            memcpy(in + len, b, strlen(b));
            len += strlen(b);
        }
        size_t shown = 3 + (size_t)(t % 40);
        quote_n(whole, sizeof whole, in, len, 100000);
        quote_n(cut, sizeof cut, in, len, shown);
        size_t chars = 0;
        for (const char *c = cut; *c; c++) {
            chars += ((unsigned char)*c & 0xc0) != 0x80;
            CHECKF((unsigned char)*c >= 0x20 && *c != 0x7f, "control in %s", cut);
        }
        CHECKF(chars <= shown, "%zu characters for %zu", chars, shown);
        const char *dots = strstr(cut, "\xe2\x80\xa6");
        if (!dots) {
            CHECKF(strcmp(cut, whole) == 0, "%s is not %s", cut, whole);
            continue;
        }
        size_t head = (size_t)(dots - cut), tail = strlen(dots + 3);
        CHECKF(strncmp(whole, cut, head) == 0 &&
               strcmp(whole + strlen(whole) - tail, dots + 3) == 0,
               "%s is not the start and end of %s", cut, whole);
    }
}

static void window_keeps_the_caret(void)
{
    char out[512], text[1001];
    size_t caret;
    memset(text, 'x', 1000);
    text[1000] = '\0';
    text[900] = '#';
    quote_window(out, sizeof out, text, 1000, 900, 40, &caret);
    CU_ASSERT_EQUAL(strncmp(out, "\xe2\x80\xa6", 3), 0);
    /* Characters, not bytes: the ellipsis is one. */
    CU_ASSERT_EQUAL(out[3 + caret - 1], '#');
    CU_ASSERT_EQUAL(strcmp(out + strlen(out) - 3, "\xe2\x80\xa6"), 0);
    /* Escapes before the caret move it by their width. */
    quote_window(out, sizeof out, "x+\ny\x1b", 5, 4, 100, &caret);
    CU_ASSERT_STRING_EQUAL(out, "x+\\ny\\x1b");
    CU_ASSERT_EQUAL(caret, 5);
    quote_window(out, sizeof out, "ab", 2, 2, 100, &caret);
    CU_ASSERT_EQUAL(caret, 2);
}

static long whole(const char *text, int *rc)
{
    long v = -7;
    char msg[PARSE_NUM_MSG];
    *rc = parse_num_long(text, &v, msg, sizeof msg);
    return v;
}

static void whole_numbers_with_exponents(void)
{
    int rc;
    CU_ASSERT_EQUAL(whole("1e3", &rc), 1000);
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_EQUAL(whole("1.5e3", &rc), 1500);
    CU_ASSERT_EQUAL(whole("2.50E2", &rc), 250);
    CU_ASSERT_EQUAL(whole("1000.0", &rc), 1000);
    CU_ASSERT_EQUAL(whole("-4e0", &rc), -4);
    CU_ASSERT_EQUAL(whole("0e999999999999999999999", &rc), 0);
    CU_ASSERT_EQUAL(rc, 0);
    CU_ASSERT_EQUAL(whole("12345e-2", &rc), -7);
    CU_ASSERT_EQUAL(rc, -1);
    CU_ASSERT_EQUAL(whole("9223372036854775807", &rc), LONG_MAX);
    CU_ASSERT_EQUAL(whole("-9223372036854775808", &rc), LONG_MIN);
    CU_ASSERT_EQUAL(rc, 0);
    /* 2^53 + 1 exactly, which a double would round. */
    CU_ASSERT_EQUAL(whole("9007199254740993", &rc), 9007199254740993L);
    CU_ASSERT_EQUAL(whole("9.007199254740993e15", &rc), 9007199254740993L);
    char msg[PARSE_NUM_MSG];
    long v;
    CU_ASSERT_EQUAL(parse_num_long("9223372036854775808", &v, msg, sizeof msg),
                    -1);
    CU_ASSERT_STRING_EQUAL(msg, "'9223372036854775808' is out of range");
    CU_ASSERT_EQUAL(parse_num_long("1e19", &v, msg, sizeof msg), -1);
    CU_ASSERT_STRING_EQUAL(msg, "'1e19' is out of range");
    CU_ASSERT_EQUAL(parse_num_long("2.5", &v, msg, sizeof msg), -1);
    CU_ASSERT_STRING_EQUAL(msg, "'2.5' is not a whole number");
    CU_ASSERT_EQUAL(parse_num_long("1e", &v, msg, sizeof msg), -1);
    CU_ASSERT_EQUAL(parse_num_long("0x10", &v, msg, sizeof msg), -1);
    CU_ASSERT_EQUAL(parse_num_long("1\n2", &v, msg, sizeof msg), -1);
    CU_ASSERT_STRING_EQUAL(msg, "'1\\n2' is not a whole number");
}

void suite_quote(void)
{
    static const test_case tests[] = {
        {"control characters escaped", controls_escaped},
        {"long text cut in the middle", long_text_cut_in_the_middle},
        {"a cut keeps a start and an end", cut_is_start_and_end},
        {"window keeps the caret", window_keeps_the_caret},
        {"whole numbers with exponents", whole_numbers_with_exponents},
        {NULL, NULL}};
    add_suite("quote", tests);
}
