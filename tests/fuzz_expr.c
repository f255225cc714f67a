/* Fuzz target for the expression compiler (src/core/expr.h).
 *
 * Each input is compiled; when it compiles it is evaluated (value,
 * gradient, Hessian) at a few points, printed, and the printed text is
 * compiled again. Besides crashes and sanitizer reports, these properties
 * abort the run:
 *  - an error has a column within the text (or 0 for out of memory) and a
 *    non-empty message;
 *  - value, gradient and Hessian evaluations return the same value;
 *  - the printed text compiles to the same values (or is refused only as
 *    nested too deeply: printing adds parentheses).
 *
 * Run by scripts/fuzz with libFuzzer, and by meson with the
 * deterministic mutator of fuzz_driver.h. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "fuzz_driver.h"

const char fuzz_name[] = "expr";

static void fail(const char *what, const char *text)
{
    fuzz_fail(what, (const uint8_t *)text, strlen(text));
}

static int same(double a, double b)
{
    return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

static const double points[][2] = {
    {0.0, 0.0}, {1.5, -0.5}, {-2.0, 3.0}, {1e-300, -1e300},
};
enum { N_POINTS = sizeof points / sizeof points[0] };

/* Value of e at each point; checks the three evaluations agree. */
static void evaluate(const expr *e, const char *text, double *values)
{
    for (int i = 0; i < N_POINTS; i++) {
        double g[2], h[4], gh[2];
        double v = expr_value(e, points[i]);
        double vg = expr_gradient(e, points[i], g);
        double vh = expr_hessian(e, points[i], gh, h);
        if (!same(v, vg) || !same(v, vh))
            fail("value, gradient and Hessian disagree", text);
        if (!same(h[1], h[2]))
            fail("Hessian not symmetric", text);
        values[i] = v;
    }
}

static void check_error(const expr_error *err, const char *text)
{
    size_t len = strlen(text);
    if (memchr(err->message, '\0', sizeof err->message) == NULL)
        fail("message not terminated", text);
    if (err->message[0] == '\0')
        fail("empty message", text);
    if (err->column < 0 || (size_t)err->column > len + 1)
        fail("column out of the text", text);
    if (err->column == 0 && strcmp(err->message, "out of memory") != 0)
        fail("column 0", text);
}

static void run_text(const char *text)
{
    expr_error err;
    memset(&err, 0x55, sizeof err);
    expr *e = expr_compile(text, &err);
    if (!e) {
        check_error(&err, text);
        return;
    }
    double values[N_POINTS], again[N_POINTS];
    evaluate(e, text, values);
    size_t n = expr_print(e, NULL, 0);
    char *printed = malloc(n + 1);
    if (!printed) {
        expr_free(e);
        return;
    }
    if (expr_print(e, printed, n + 1) != n || strlen(printed) != n)
        fail("print length", text);
    char small[8];
    if (expr_print(e, small, sizeof small) != n ||
        strlen(small) != (n < sizeof small ? n : sizeof small - 1))
        fail("print truncation", text);
    expr *f = expr_compile(printed, &err);
    if (f) {
        evaluate(f, printed, again);
        for (int i = 0; i < N_POINTS; i++)
            if (!same(values[i], again[i]))
                fail("printed text has other values", text);
        expr_free(f);
    } else if (strncmp(err.message, "expression nested too deeply", 28) !=
               0 && strcmp(err.message, "out of memory") != 0) {
        fail("printed text does not compile", text);
    }
    free(printed);
    expr_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    run_text(text);
    free(text);
    return 0;
}
