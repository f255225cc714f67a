/* fmt_float: strtof reads the text back to the same float, no decimal
 * with fewer significant digits would, and among those with as many it
 * is the nearest (ties to even digits), on exact strings and on a sweep
 * of bit patterns. The oracle: printf rounds (double)v correctly to p
 * digits, M·10^E; only M and its neighbour towards v can read back. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt_double.h"
#include "suites.h"

static void expect(float v, const char *want)
{
    char buf[FMT_DOUBLE_MAX];
    size_t n = fmt_float(v, buf);
    CHECKF(strcmp(buf, want) == 0 && n == strlen(want), "%a: '%s', want '%s'",
           (double)v, buf, want);
}

static void exact_strings(void)
{
    expect(0.1f, "0.1");
    expect(1e-7f, "1e-07");
    expect(16777216.0f, "16777216");
    expect(3.4028235e38f, "3.4028235e+38");
    expect(1e-45f, "1e-45");
    expect(1.17549435e-38f, "1.1754944e-38");
    expect(-2.5f, "-2.5");
    expect(-0.0f, "-0");
    expect(0.0f, "0");
    expect(INFINITY, "inf");
    expect(-INFINITY, "-inf");
    expect(NAN, "nan");
    expect(0.3f, "0.3");
    expect(2.0f + 2.384185791015625e-7f, "2.0000002");
    expect(1.0f / 3.0f, "0.33333334");
}

/* The p-digit decimal M·10^E nearest (double)v, from printf. */
static void decimal(float v, int p, long long *m, int *e)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", p - 1, fabs((double)v));
    char *x = strchr(buf, 'e');
    *e = atoi(x + 1) - (p - 1);
    *m = 0;
    for (char *c = buf; c < x; c++)
        if (*c >= '0' && *c <= '9')
            *m = *m * 10 + (*c - '0');
}

static int reads_back(float v, long long m, int e)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%se%d", v < 0 ? "-" : "", e);
    char num[80];
    snprintf(num, sizeof num, "%s%lld%s", v < 0 ? "-" : "", m, buf + (v < 0));
    return strtof(num, NULL) == v;
}

/* The significant digits of text t, without leading or trailing zeros. */
static int digits(const char *t)
{
    int n = 0, lead = 1, zeros = 0;
    for (; *t && *t != 'e'; t++) {
        if (*t < '0' || *t > '9')
            continue;
        if (*t == '0' && lead)
            continue;
        lead = 0;
        n++;
        zeros = *t == '0' ? zeros + 1 : 0;
    }
    return n - zeros;
}

static int check_one(float v)
{
    char buf[FMT_DOUBLE_MAX];
    fmt_float(v, buf);
    if (strtof(buf, NULL) != v)
        return 0;
    int n = digits(buf);
    long long m;
    int e;
    if (n > 1) { /* nothing with n - 1 digits reads back */
        decimal(v, n - 1, &m, &e);
        long long other = (double)m * pow(10, e) < fabs((double)v) ? m + 1 : m - 1;
        if (reads_back(v, m, e) || reads_back(v, other, e))
            return 0;
    }
    decimal(v, n, &m, &e);
    if (!reads_back(v, m, e)) /* the nearest does not: its neighbour */
        m = (double)m * pow(10, e) < fabs((double)v) ? m + 1 : m - 1;
    char want[80];
    snprintf(want, sizeof want, "%lld", m);
    char got[32] = "";
    int k = 0;
    for (const char *c = buf; *c && *c != 'e' && k < 31; c++)
        if (*c >= '0' && *c <= '9' && (k || *c != '0'))
            got[k++] = *c;
    got[k] = '\0';
    /* got may end in zeros (an integer); want may too. */
    return strncmp(got, want, strlen(got)) == 0 || strncmp(want, got, strlen(want)) == 0;
}

static void sweep(void)
{
    int bad = 0;
    uint32_t first = 0;
    for (uint64_t b = 1; b < 0x7f800000u; b += 12289) {
        uint32_t bits = (uint32_t)b;
        float v;
        memcpy(&v, &bits, sizeof v);
        if (!check_one(v) || !check_one(-v)) {
            if (!bad++)
                first = bits;
        }
    }
    CHECKF(bad == 0, "%d floats wrong, first 0x%08x", bad, first);
}

void suite_fmt_float(void)
{
    static const test_case tests[] = {
        {"exact strings", exact_strings},
        {"shortest and nearest over a sweep of floats", sweep},
        {NULL, NULL}};
    add_suite("fmt_float", tests);
}
