#include <string.h>

#include "suites.h"
#include "ticks.h"

static int ticks_are(double lo, double hi, int max, const double *want, int n)
{
    double got[32];
    int k = ticks_nice(lo, hi, max, got, 32);
    if (k != n)
        return 0;
    for (int i = 0; i < n; i++)
        if (got[i] != want[i])
            return 0;
    return 1;
}

static void nice_steps(void)
{
    CU_ASSERT_EQUAL(ticks_step(0, 10, 6), 2.0);
    CU_ASSERT_EQUAL(ticks_step(-2, 2, 5), 1.0);
    CU_ASSERT_EQUAL(ticks_step(0, 1, 3), 0.5);
    CU_ASSERT_EQUAL(ticks_step(0, 7, 3), 5.0);
    CU_ASSERT_DOUBLE_EQUAL(ticks_step(0, 0.003, 4), 0.001, 1e-18);
    CU_ASSERT_EQUAL(ticks_step(1, 1, 5), 0.0);
}

static void lists(void)
{
    static const double a[] = {-2, -1, 0, 1, 2};
    CU_ASSERT_TRUE(ticks_are(-2, 2, 5, a, 5));
    static const double b[] = {-4, -2, 0, 2, 4};
    CU_ASSERT_TRUE(ticks_are(-4.5, 4.5, 5, b, 5));
    static const double c[] = {-1, 0, 1, 2, 3};
    CU_ASSERT_TRUE(ticks_are(-1, 3, 5, c, 5));
    static const double d[] = {-5, 0, 5};
    CU_ASSERT_TRUE(ticks_are(-5.12, 5.12, 3, d, 3));
    static const double e[] = {0.5, 1};
    CU_ASSERT_TRUE(ticks_are(0.3, 1.2, 3, e, 2));
    CU_ASSERT_TRUE(ticks_are(1, 0, 5, NULL, 0));
}

static void labels(void)
{
    char buf[32];
    ticks_label(0.5, 0.5, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "0.5");
    ticks_label(-2, 1, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "-2");
    ticks_label(-0.0, 1, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "0");
    ticks_label(0.25, 0.05, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "0.25");
    ticks_label(200000, 100000, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "2e+05");
}

static void fixed_width(void)
{
    char buf[32];
    numfmt(1.2, 8, buf);
    CU_ASSERT_STRING_EQUAL(buf, "1.200000");
    numfmt(-0.034, 8, buf);
    CU_ASSERT_STRING_EQUAL(buf, "-0.03400");
    numfmt(123456.0, 8, buf);
    CU_ASSERT_STRING_EQUAL(buf, "123456.0");
    numfmt(1.5e-7, 8, buf);
    CU_ASSERT_STRING_EQUAL(buf, "1.50e-07");
    numfmt(100, 5, buf);
    CU_ASSERT_STRING_EQUAL(buf, "100.0");
    numfmt(0.0 / 0.0, 6, buf);
    CU_ASSERT_STRING_EQUAL(buf, "   nan");
    numfmt(-1.0 / 0.0, 6, buf);
    CU_ASSERT_STRING_EQUAL(buf, "  -inf");
    numfmt(-0.0, 4, buf);
    CU_ASSERT_STRING_EQUAL(buf, "0.00");
    numfmt(4e204, 7, buf);
    CU_ASSERT_STRING_EQUAL(buf, " 4e+204");
    numfmt(-1e300, 3, buf);
    CU_ASSERT_STRING_EQUAL(buf, "###");
    double v = -1e6;
    for (int i = 0; i < 60; i++, v *= -0.7) {
        numfmt(v, 9, buf);
        CU_ASSERT_EQUAL(strlen(buf), 9);
    }
}

void suite_ticks(void)
{
    static const test_case tests[] = {
        {"nice steps", nice_steps}, {"tick lists", lists},
        {"labels", labels}, {"fixed width numbers", fixed_width},
        {NULL, NULL}};
    add_suite("ticks", tests);
}
