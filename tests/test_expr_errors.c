/* Malformed expressions: the exact column (1-based, in bytes, which is
 * also characters since everything before an error is ASCII) and message
 * of each, as `descent: --objective: column N: MESSAGE` shows them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/CUnit.h>

#include "expr.h"
#include "suites.h"

typedef struct {
    const char *text;
    int column;
    const char *message;
} error_row;

static const error_row errors[] = {
    /* empty */
    {"", 1, "empty expression"},
    {"   \t ", 1, "empty expression"},
    /* missing operands */
    {"x +", 4, "missing operand after '+'"},
    {"x + * y", 5, "missing operand after '+'"},
    {"x +\n", 5, "missing operand after '+'"},
    {"x ++", 5, "missing operand after '+'"},
    {"x^", 3, "missing operand after '^'"},
    {"x^^2", 3, "missing operand after '^'"},
    {"-", 2, "missing operand after '-'"},
    {"2 * / 3", 5, "missing operand after '*'"},
    {"()", 2, "missing operand after '('"},
    {"(", 2, "missing operand after '('"},
    {"max(x,)", 7, "missing operand after ','"},
    {"x + )", 5, "missing operand after '+'"},
    {"* x", 1, "missing operand before '*'"},
    {"^2", 1, "missing operand before '^'"},
    /* parentheses */
    {"(x + 1", 7, "missing ')'"},
    {"((x + 1)", 9, "missing ')'"},
    {"sin(x", 6, "missing ')'"},
    {"max(x, y", 9, "missing ')'"},
    {"x + 1)", 6, "unmatched ')'"},
    {")", 1, "unmatched ')'"},
    {"((((x))))))", 10, "unmatched ')'"},
    {"(x, y)", 3, "unexpected ','"},
    {"x, y", 2, "unexpected ','"},
    /* no implicit multiplication; trailing input */
    {"2x", 2, "expected operator before 'x'"},
    {"x y", 3, "expected operator before 'y'"},
    {"(x)(y)", 4, "expected operator before '('"},
    {"x(2)", 2, "expected operator before '('"},
    {"pi(2)", 3, "expected operator before '('"},
    {"2 pi", 3, "expected operator before 'pi'"},
    {"sin(x) 3", 8, "expected operator before '3'"},
    {"2e", 2, "expected operator before 'e'"},
    {"1.2.3", 4, "expected operator before '.3'"},
    {"max(x y)", 7, "expected operator before 'y'"},
    /* names */
    {"sni(x)", 1, "unknown function 'sni' (did you mean 'sin'?)"},
    {"x^2 + 3*sni(y)", 9, "unknown function 'sni' (did you mean 'sin'?)"},
    {"sqr(x)", 1, "unknown function 'sqr' (did you mean 'sqrt'?)"},
    {"Sin(x)", 1, "unknown function 'Sin' (did you mean 'sin'?)"},
    {"ln(x)", 1, "unknown function 'ln'"},
    {"foo(x)", 1, "unknown function 'foo'"},
    {"z", 1, "unknown variable 'z'"},
    {"x + z", 5, "unknown variable 'z'"},
    {"xx + 1", 1, "unknown variable 'xx' (did you mean 'x'?)"},
    {"X", 1, "unknown variable 'X' (did you mean 'x'?)"},
    {"pie*x", 1, "unknown variable 'pie' (did you mean 'pi'?)"},
    {"sinx", 1, "unknown variable 'sinx' (did you mean 'sin(x)'?)"},
    {"x2", 1, "unknown variable 'x2' (did you mean 'x'?)"},
    {"xy", 1, "unknown variable 'xy' (did you mean 'x*y'?)"},
    {"2*yxy", 3, "unknown variable 'yxy' (did you mean 'y*x*y'?)"},
    {"lg(x)", 1, "unknown function 'lg' (did you mean 'log'?)"},
    {"atan2(y, x)", 1, "unknown function 'atan2' (did you mean 'atan'?)"},
    {"abcdefghijklmnopqrstuvwxyz", 1,
     "unknown variable 'abcdefghijklmnopqrstu...'"},
    {"sin x", 5, "missing '(' after 'sin'"},
    {"cos", 4, "missing '(' after 'cos'"},
    {"log10 + 1", 7, "missing '(' after 'log10'"},
    /* arguments */
    {"sin(x, y)", 1, "sin takes 1 argument"},
    {"sin()", 1, "sin takes 1 argument"},
    {"x + exp(1, 2)", 5, "exp takes 1 argument"},
    {"max(x)", 1, "max takes 2 arguments"},
    {"max()", 1, "max takes 2 arguments"},
    {"min(x, y, 1)", 1, "min takes 2 arguments"},
    /* numbers */
    {"1e999", 1, "number out of range"},
    {"x + 1e400", 5, "number out of range"},
    {"x*1797693134862315807937289714053034150799341327710e260", 3,
     "number out of range"},
    /* characters */
    {"x # 2", 3, "unexpected character '#'"},
    {"x = 2", 3, "unexpected character '='"},
    {".", 1, "unexpected character '.'"},
    {"x . y", 3, "unexpected character '.'"},
    {"x;", 2, "unexpected character ';'"},
    {"x\001", 2, "unexpected character U+0001"},
    {"x\177", 2, "unexpected character U+007F"},
    {"x\303\227y", 2, "unexpected character '\303\227' (U+00D7); write '*'"},
    {"x \342\210\222 y", 3,
     "unexpected character '\342\210\222' (U+2212); write '-'"},
    {"x\302\262", 2, "unexpected character '\302\262' (U+00B2); write '^2'"},
    {"\317\200*x", 1, "unexpected character '\317\200' (U+03C0); write 'pi'"},
    {"x\302\240+ y", 2,
     "unexpected character '\302\240' (U+00A0); write a plain space"},
    {"\303\251", 1, "unexpected character '\303\251' (U+00E9)"},
    {"x\377", 2, "unexpected character (byte 0xFF is not UTF-8)"},
    {"x\303", 2, "unexpected character (byte 0xC3 is not UTF-8)"},
    {"x\300\200", 2, "unexpected character (byte 0xC0 is not UTF-8)"},
    {"x\355\240\200", 2, "unexpected character (byte 0xED is not UTF-8)"},
    /* the first error from the left wins */
    {"sni(x) + #", 1, "unknown function 'sni' (did you mean 'sin'?)"},
    {"x + # + sni(x)", 5, "unexpected character '#'"},
    {"sni#", 1, "unknown variable 'sni'"},
};

static void test_errors(void)
{
    size_t n = sizeof errors / sizeof errors[0];
    CU_ASSERT(n >= 30);
    for (size_t i = 0; i < n; i++) {
        const error_row *r = &errors[i];
        expr_error err;
        memset(&err, 0, sizeof err);
        expr *e = expr_compile(r->text, &err);
        CHECKF(e == NULL, "\"%s\" compiled", r->text);
        expr_free(e);
        CHECKF(err.column == r->column && strcmp(err.message, r->message)
                   == 0,
               "\"%s\": column %d: %s; want column %d: %s", r->text,
               err.column, err.message, r->column, r->message);
    }
}

/* Valid near misses of the above. */
static void test_not_errors(void)
{
    static const char *const ok[] = {
        "2*x", "(x)*(y)", "1e5", "1E+5", "1.e5", ".5", "2.", "x0 + x1",
        "e*pi", "exp(e)", "sin (x)", "max ( x , y )", "--x", "+-+x",
        "2^-x", "x^+2", " \t\n\r\v\fx\n", "1e-400", "000012.5000",
        "x*0.0000000000000000000000000000000000000000000000000001e50",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        expr_error err;
        expr *e = expr_compile(ok[i], &err);
        CHECKF(e != NULL, "\"%s\": column %d: %s", ok[i], e ? 0 : err.column,
               e ? "" : err.message);
        expr_free(e);
    }
}

/* Numbers read exactly as strtod would in the C locale. */
static void test_numbers(void)
{
    static const char *const texts[] = {
        "0", "1", "0.1", ".1", "1.", "1e-3", "2.5E+2", "123456789012345678",
        "0.30000000000000004", "1.7976931348623157e308", "4.9e-324",
        "2.2250738585072011e-308", "1e-400", "000012.5000",
        "9007199254740993",
        "0.00000000000000000000000000000000000000000000000000001234e40",
        /* more digits than are kept: the rest rounds correctly */
        "1.00000000000000011102230246251565404236316680908203125",
        "1.000000000000000111022302462515654042363166809082031250000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000000"
        "00000000000000000000000000000000000000000000000000000000000001",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        expr_error err;
        expr *e = expr_compile(texts[i], &err);
        CHECKF(e != NULL, "\"%.40s\": %s", texts[i], e ? "" : err.message);
        if (!e)
            continue;
        double x[2] = {0, 0};
        double got = expr_value(e, x), want = strtod(texts[i], NULL);
        CHECKF(memcmp(&got, &want, sizeof got) == 0, "\"%.40s\": %.17g, "
               "want %.17g", texts[i], got, want);
        expr_free(e);
    }
}

/* A NULL error pointer is allowed. */
static void test_null_error(void)
{
    CU_ASSERT_PTR_NULL(expr_compile("sni(x)", NULL));
    CU_ASSERT_PTR_NULL(expr_compile("", NULL));
    expr *e = expr_compile("x", NULL);
    CU_ASSERT_PTR_NOT_NULL(e);
    expr_free(e);
    expr_free(NULL);
}

static void test_too_long(void)
{
    size_t n = (size_t)EXPR_MAX_LENGTH + 1;
    char *text = malloc(n + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    memset(text, ' ', n);
    text[0] = 'x';
    text[n] = '\0';
    expr_error err;
    CU_ASSERT_PTR_NULL(expr_compile(text, &err));
    CU_ASSERT_EQUAL(err.column, 1);
    CU_ASSERT_STRING_EQUAL(err.message,
                           "expression too long (more than 16777216 bytes)");
    text[n - 1] = '\0';   /* at the limit: fine */
    expr *e = expr_compile(text, &err);
    CU_ASSERT_PTR_NOT_NULL(e);
    expr_free(e);
    free(text);
}

void suite_expr_errors(void)
{
    static const test_case tests[] = {
        {"malformed expressions", test_errors},
        {"near misses are valid", test_not_errors},
        {"numbers", test_numbers},
        {"NULL error", test_null_error},
        {"too long", test_too_long},
        {NULL, NULL},
    };
    add_suite("expr_errors", tests);
}
