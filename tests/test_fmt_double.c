/* fmt_double: exact strings, the layout rule, and on random doubles the
 * three promises: strtod reads the text back to the same bits, no shorter
 * digit string would, and among the shortest it is the one nearest v.
 *
 * The reference for "shortest" and "nearest" is printf, which rounds
 * correctly: of all p-digit decimals only the two around v can be in its
 * rounding interval (the interval contains v), namely %.{p-1}e of v and
 * its neighbour on the other side of v. So
 *   - no p-digit decimal reads back to v iff neither of those two does;
 *     when none with n-1 digits does, none shorter does either (pad it
 *     with zeros), which also makes n <= the shortest %.{p}g that round-
 *     trips;
 *   - the nearest n-digit one that reads back is %.{n-1}e if it does,
 *     else its neighbour. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "fmt_double.h"
#include "suites.h"

/* Fewer random cases where libc calls are slow (sanitizers, -O0). */
#if defined(__SANITIZE_ADDRESS__) || !defined(__OPTIMIZE__)
#define SLOW_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLOW_BUILD 1
#endif
#endif
#ifdef SLOW_BUILD
enum { N_RANDOM_BITS = 200000, N_NICE = 50000 };
#else
enum { N_RANDOM_BITS = 1000000, N_NICE = 200000 };
#endif

static uint64_t bits_of(double v)
{
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

static double double_of(uint64_t b)
{
    double v;
    memcpy(&v, &b, sizeof v);
    return v;
}

/* xorshift64*: fixed seeds, so a failure can be replayed. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* ---- the reference: printf's correctly rounded digits ---- */

/* A decimal: its p digits (no point) and the exponent x of the first. */
typedef struct {
    char d[24];
    int p, x;
} decimal;

/* The p-digit decimal nearest |v|. */
static decimal nearest(double v, int p)
{
    char s[48];
    decimal r = {.p = p};
    snprintf(s, sizeof s, "%.*e", p - 1, fabs(v));
    r.d[0] = s[0];
    if (p > 1)
        memcpy(r.d + 1, s + 2, (size_t)p - 1);
    r.d[p] = '\0';
    r.x = atoi(strchr(s, 'e') + 1);
    return r;
}

/* The next p-digit decimal up (dir > 0) or down. */
static decimal step(decimal a, int dir)
{
    int i = a.p - 1;
    char wrap = dir > 0 ? '9' : '0';
    while (i >= 0 && a.d[i] == wrap)
        a.d[i--] = dir > 0 ? '0' : '9';
    if (i < 0) { /* 999 + 1 = 1000: one more exponent, same digits count */
        a.d[0] = '1';
        a.x++;
        return a;
    }
    a.d[i] = (char)(a.d[i] + dir);
    if (a.d[0] == '0') { /* 1000 - 1 = 999 (with p digits, one place down) */
        memset(a.d, '9', (size_t)a.p);
        a.x--;
    }
    return a;
}

static double value_of(decimal a, int neg)
{
    char s[48];
    snprintf(s, sizeof s, "%s%c.%se%d", neg ? "-" : "", a.d[0], a.d + 1, a.x);
    return strtod(s, NULL);
}

static int reads_back(decimal a, double v)
{
    return bits_of(value_of(a, signbit(v))) == bits_of(v);
}

/* The p-digit decimal nearest v that reads back to v; 0 when none. */
static int nearest_in_interval(double v, int p, decimal *out)
{
    decimal a = nearest(v, p);
    if (reads_back(a, v)) {
        *out = a;
        return 1;
    }
    decimal b = step(a, fabs(value_of(a, 0)) < fabs(v) ? 1 : -1);
    if (reads_back(b, v)) {
        *out = b;
        return 1;
    }
    return 0;
}

/* The layout rule of the header, written independently. */
static void layout(char *s, int neg, const char *d, int x)
{
    int n = (int)strlen(d);
    s += sprintf(s, "%s", neg ? "-" : "");
    if (x >= -4 && x < 17) {
        if (x < 0)
            sprintf(s, "0.%.*s%s", -x - 1, "0000", d);
        else if (x >= n - 1)
            sprintf(s, "%s%.*s", d, x - n + 1, "0000000000000000");
        else
            sprintf(s, "%.*s.%s", x + 1, d, d + x + 1);
    } else {
        sprintf(s, "%c%s%se%+03d", d[0], n > 1 ? "." : "", d + 1, x);
    }
}

/* Significant digits of fmt_double's text: what sits before any 'e',
 * without sign, point, leading and trailing zeros. */
static int significant_digits(const char *s)
{
    int n = 0, lead = 1, zeros = 0;
    for (; *s && *s != 'e'; s++) {
        if (*s < '0' || *s > '9')
            continue;
        if (*s == '0' && lead)
            continue;
        lead = 0;
        zeros = *s == '0' ? zeros + 1 : 0;
        n++;
    }
    return n - zeros;
}

/* Checks the three promises and the layout for one finite v != 0;
 * returns 1 when all hold, else 0 (the first few failures are printed). */
static int check_value(double v)
{
    char got[FMT_DOUBLE_MAX + 8], want[64];
    memset(got, 0x7f, sizeof got);
    size_t len = fmt_double(v, got);
    const char *why = NULL;
    int n = significant_digits(got);
    decimal best;

    if (len != strlen(got) || len > 24 || /* the header's bound */
        got[len + 1] != 0x7f)
        why = "length";
    else if (bits_of(strtod(got, NULL)) != bits_of(v))
        why = "does not read back";
    else if (n > 1 && nearest_in_interval(v, n - 1, &best))
        why = "not shortest";
    else if (!nearest_in_interval(v, n, &best))
        why = "no decimal of that length reads back";
    else {
        layout(want, signbit(v), best.d, best.x);
        if (strcmp(got, want) != 0)
            why = "not the nearest, or bad layout";
    }
    if (why) {
        static int reported;
        if (reported++ < 5)
            fprintf(stderr, "\nfmt_double(%a) = \"%s\": %s\n", v, got, why);
        return 0;
    }
    return 1;
}

/* ---- tests ---- */

static void expect_text(double v, const char *want)
{
    char got[FMT_DOUBLE_MAX];
    size_t len = fmt_double(v, got);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "\nfmt_double(%a) = \"%s\", want \"%s\"\n", v, got,
                want);
    CU_ASSERT_STRING_EQUAL(got, want);
    CU_ASSERT_EQUAL(len, strlen(want));
}

static void test_exact_strings(void)
{
    static const struct {
        double v;
        const char *text;
    } cases[] = {
        {0.1, "0.1"},
        {1 / 3., "0.3333333333333333"},
        {2 / 3., "0.6666666666666666"},
        {0.3, "0.3"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1.0000000000000002, "1.0000000000000002"},
        {100, "100"},
        {-3, "-3"},
        {-1.5, "-1.5"},
        {1234.5, "1234.5"},
        {123.456, "123.456"},
        {4.35, "4.35"},
        {123456789, "123456789"},
        {0x1p53 - 1, "9007199254740991"},
        {0x1p52 + 1, "4503599627370497"},
        {0x1p53, "9007199254740992"},
        {9007199254740993., "9007199254740992"}, /* not a double */
        {12345678901234567., "12345678901234568"},
        {1e15, "1000000000000000"},
        {1e16, "10000000000000000"},
        {99999999999999990., "99999999999999980"},
        {1e17, "1e+17"},
        {123456789012345678., "1.2345678901234568e+17"},
        {0x1p63, "9.223372036854776e+18"},
        {1e21, "1e+21"},
        {1e22, "1e+22"},
        {1e23, "1e+23"}, /* 9.999999999999999161e22: short wins */
        {1e100, "1e+100"},
        {1.5e300, "1.5e+300"},
        {DBL_MAX, "1.7976931348623157e+308"},
        {-DBL_MAX, "-1.7976931348623157e+308"},
        {1.7976931348623155e308, "1.7976931348623155e+308"},
        {0.0001, "0.0001"},
        {0.000123, "0.000123"},
        {0.00012345, "0.00012345"},
        {9.9999999999e-05, "9.9999999999e-05"},
        {1e-05, "1e-05"},
        {1.2e-05, "1.2e-05"},
        {1e-07, "1e-07"},
        {0x1p-44, "5.684341886080802e-14"},
        {1e-100, "1e-100"},
        /* The correctly rounded 16 digits, ...044e-307, are outside the
         * interval (2^-1017 has a closer neighbour below): shortest is not
         * always %.{p}g. */
        {0x1p-1017, "7.120236347223045e-307"},
        /* Exact ties between the two nearest 17-digit decimals (the
         * interval, 1/4 wide, holds both): the even last digit wins. */
        {2251799813685247.75, "2251799813685247.8"},
        {2251799813685246.25, "2251799813685246.2"},
        {1957905122109280.75, "1957905122109280.8"},
        {DBL_MIN, "2.2250738585072014e-308"},
        {-DBL_MIN, "-2.2250738585072014e-308"}, /* 24, the longest */
        {0x1.8p-1022, "3.337610787760802e-308"},
        {0x0.fffffffffffffp-1022, "2.225073858507201e-308"},
        {5e-310, "5e-310"},
        {0x3p-1074, "1.5e-323"},
        {0x2p-1074, "1e-323"},
        {0x1p-1074, "5e-324"}, /* the smallest subnormal */
        {-0x1p-1074, "-5e-324"},
        {0.0, "0"},
        {-0.0, "-0"},
        {INFINITY, "inf"},
        {-INFINITY, "-inf"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_text(cases[i].v, cases[i].text);
}

static void test_nan(void)
{
    expect_text(NAN, "nan");
    expect_text(-NAN, "nan");
    expect_text(double_of(0x7ff0000000000001), "nan"); /* signalling */
    expect_text(double_of(0xffffffffffffffff), "nan");
}

/* Where the layout switches: first digit at 10^-5 / 10^-4 and 10^16 /
 * 10^17, with one and with several digits. */
static void test_layout_boundaries(void)
{
    expect_text(0.00099, "0.00099");
    expect_text(0.000099, "9.9e-05");
    expect_text(-0.0001, "-0.0001");
    expect_text(-0.00001, "-1e-05");
    expect_text(1.5e16, "15000000000000000");
    expect_text(1.5e17, "1.5e+17");
    expect_text(1e-10, "1e-10");
    expect_text(1e99, "1e+99");
    expect_text(1.25e-300, "1.25e-300");
    expect_text(10, "10");
    expect_text(0.5, "0.5");
    expect_text(1, "1");
    expect_text(12.5, "12.5");
    /* Every power of ten in range, both sides of the switch. */
    for (int x = -307; x <= 308; x++) {
        char want[32], text[32];
        double v;
        snprintf(text, sizeof text, "1e%d", x);
        v = strtod(text, NULL);
        if (x >= -4 && x < 17)
            snprintf(want, sizeof want, x < 0 ? "0.%.*s1" : "1%.*s",
                     x < 0 ? -x - 1 : x, "0000000000000000");
        else
            snprintf(want, sizeof want, "1e%+03d", x);
        expect_text(v, want);
    }
}

static void test_sign_symmetry(void)
{
    uint64_t state = 0x9E3779B97F4A7C15u;
    int bad = 0;
    for (int i = 0; i < 10000; i++) {
        double v = fabs(double_of(next_random(&state)));
        char pos[FMT_DOUBLE_MAX], neg[FMT_DOUBLE_MAX];
        if (isnan(v))
            continue;
        size_t lp = fmt_double(v, pos), ln = fmt_double(-v, neg);
        bad += ln != lp + 1 || neg[0] != '-' || strcmp(neg + 1, pos) != 0;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* The oracle itself must be able to say "no": these are not the nearest,
 * or not the shortest, or do not read back. */
static void test_oracle_rejects(void)
{
    decimal a;
    CU_ASSERT_TRUE(nearest_in_interval(0.1, 1, &a));
    CU_ASSERT_STRING_EQUAL(a.d, "1");
    CU_ASSERT_EQUAL(a.x, -1);
    CU_ASSERT_FALSE(nearest_in_interval(1 / 3., 15, &a));
    CU_ASSERT_TRUE(nearest_in_interval(0x1p-1017, 16, &a));
    CU_ASSERT_STRING_EQUAL(a.d, "7120236347223045"); /* the neighbour */
    CU_ASSERT_FALSE(nearest_in_interval(0x1p-1017, 15, &a));
    a = step(nearest(1000, 3), -1);
    CU_ASSERT_STRING_EQUAL(a.d, "999");
    CU_ASSERT_EQUAL(a.x, 2);
    a = step(nearest(999, 3), 1);
    CU_ASSERT_STRING_EQUAL(a.d, "100");
    CU_ASSERT_EQUAL(a.x, 3);
    CU_ASSERT_EQUAL(significant_digits("-0.00012300"), 3);
    CU_ASSERT_EQUAL(significant_digits("1200"), 2);
    CU_ASSERT_EQUAL(significant_digits("1.05e+100"), 3);
}

/* Random bit patterns: every exponent, subnormals included. */
static void test_random_bits(void)
{
    uint64_t state = 0x243F6A8885A308D3u;
    long bad = 0, done = 0;
    while (done < N_RANDOM_BITS) {
        double v = double_of(next_random(&state));
        if (!isfinite(v) || v == 0)
            continue;
        bad += !check_value(v);
        done++;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* Decimals a user would type: 1 to 17 random digits, any exponent. The
 * text never needs more digits than the decimal it came from. */
static void test_random_nice_decimals(void)
{
    uint64_t state = 0x13198A2E03707344u;
    long bad = 0;
    for (int i = 0; i < N_NICE; i++) {
        int digits = 1 + (int)(next_random(&state) % 17);
        uint64_t low = 1; /* 10^(digits-1) */
        for (int d = 1; d < digits; d++)
            low *= 10;
        uint64_t m = low + next_random(&state) % (9 * low);
        int x = (int)(next_random(&state) % 660) - 340;
        char text[48], got[FMT_DOUBLE_MAX];
        snprintf(text, sizeof text, "%llu", (unsigned long long)m);
        int sig = significant_digits(text);
        snprintf(text, sizeof text, "%llue%d", (unsigned long long)m, x);
        double v = strtod(text, NULL);
        if (!isfinite(v) || v == 0)
            continue;
        fmt_double(v, got);
        bad += !check_value(v) || significant_digits(got) > sig;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* The edges of binades, where the interval is lopsided (c = 2^52), and
 * their neighbours; the smallest subnormals one by one. */
static void test_binade_edges_and_subnormals(void)
{
    long bad = 0;
    for (int e = -1074; e <= 1023; e++) {
        double p = ldexp(1, e);
        bad += !check_value(p) + !check_value(nextafter(p, 0));
        if (e < 1023)
            bad += !check_value(nextafter(p, INFINITY));
    }
    for (uint64_t c = 1; c <= 3000; c++)
        bad += !check_value(double_of(c));
    bad += !check_value(DBL_MAX) + !check_value(-DBL_MIN);
    CU_ASSERT_EQUAL(bad, 0);
}

/* Integers (the short path) and values near them. */
static void test_integers(void)
{
    uint64_t state = 0xA4093822299F31D0u;
    long bad = 0;
    for (int i = 0; i < 20000; i++) {
        uint64_t n = next_random(&state) >> (next_random(&state) % 64);
        double v = (double)n;
        if (v == 0)
            continue;
        bad += !check_value(v) + !check_value(-v) +
               !check_value(nextafter(v, 0));
    }
    CU_ASSERT_EQUAL(bad, 0);
}

void suite_fmt_double(void)
{
    static const test_case tests[] = {
        {"exact strings", test_exact_strings},
        {"nan", test_nan},
        {"layout boundaries", test_layout_boundaries},
        {"sign symmetry", test_sign_symmetry},
        {"oracle rejects", test_oracle_rejects},
        {"binade edges and subnormals", test_binade_edges_and_subnormals},
        {"integers", test_integers},
        {"random bit patterns", test_random_bits},
        {"random nice decimals", test_random_nice_decimals},
        {NULL, NULL},
    };
    add_suite("fmt_double", tests);
}
