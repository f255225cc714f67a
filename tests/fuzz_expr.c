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
 * With libFuzzer:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DDESCENT_LIBFUZZER \
 *     -D_POSIX_C_SOURCE=200809L -Isrc/core tests/fuzz_expr.c \
 *     src/core/expr*.c src/core/objective.c -lm -o fuzz_expr
 *   ./fuzz_expr -max_total_time=60 tests/fuzz/expr
 * Without (any compiler, sanitizers recommended), a main reads each corpus
 * file given and runs it and a fixed number of deterministic mutations of
 * it (byte flips, truncations, deletions, insertions of grammar tokens,
 * splices):
 *   fuzz_expr [-n INPUTS] [-s SEED] FILE...
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"

static void fail(const char *what, const char *text)
{
    fprintf(stderr, "fuzz_expr: %s: \"%s\"\n", what, text);
    abort();
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    run_text(text);
    free(text);
    return 0;
}

#ifndef DESCENT_LIBFUZZER

enum { MAX_INPUT = 4096 };

typedef struct {
    uint64_t s;
} rng;

static uint64_t next(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ULL;
}

static size_t below(rng *r, size_t n) { return n ? next(r) % n : 0; }

static const char *const tokens[] = {
    "x", "y", "x0", "x1", "pi", "e", "+", "-", "*", "/", "^", "(", ")",
    ",", " ", "\t", "sin(", "cos(", "tan(", "asin(", "acos(", "atan(",
    "sinh(", "cosh(", "tanh(", "exp(", "log(", "log10(", "sqrt(", "abs(",
    "min(", "max(", "0", "1", "2", "2.5", ".5", "2.", "1e-3", "1e308",
    "1e-308", "1e999", "4.9e-324", "0^0", "x^y", "(-2)^", "^-", "--",
    "((((((((", "))))))))", "#", "\303\227", "\342\210\222", "\377", "sni",
    "xx", "1/0", "0/0", "1e", "e+", "99999999999999999999",
};
enum { N_TOKENS = sizeof tokens / sizeof tokens[0] };

/* One mutation of buf (len bytes, room for MAX_INPUT); returns the new
 * length. other is another corpus entry, for splicing. */
static size_t mutate(rng *r, char *buf, size_t len, const char *other,
                     size_t other_len)
{
    switch (below(r, 7)) {
    case 0:     /* flip a bit */
        if (len)
            buf[below(r, len)] ^= (char)(1u << below(r, 8));
        return len;
    case 1:     /* truncate */
        return below(r, len + 1);
    case 2: {   /* delete a range */
        if (!len)
            return len;
        size_t at = below(r, len), n = 1 + below(r, len - at);
        memmove(buf + at, buf + at + n, len - at - n);
        return len - n;
    }
    case 3:
    case 4: {   /* insert a token */
        const char *t = tokens[below(r, N_TOKENS)];
        size_t n = strlen(t), at = below(r, len + 1);
        if (len + n > MAX_INPUT)
            return len;
        memmove(buf + at + n, buf + at, len - at);
        memcpy(buf + at, t, n);
        return len + n;
    }
    case 5: {   /* duplicate a range */
        if (!len)
            return len;
        size_t at = below(r, len), n = 1 + below(r, len - at);
        size_t to = below(r, len + 1);
        if (len + n > MAX_INPUT)
            return len;
        char tmp[MAX_INPUT];
        memcpy(tmp, buf + at, n);
        memmove(buf + to + n, buf + to, len - to);
        memcpy(buf + to, tmp, n);
        return len + n;
    }
    default: {  /* splice: a prefix of buf and a suffix of other */
        size_t keep = below(r, len + 1), from = below(r, other_len + 1);
        size_t n = other_len - from;
        if (keep + n > MAX_INPUT)
            n = MAX_INPUT - keep;
        memcpy(buf + keep, other + from, n);
        return keep + n;
    }
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(MAX_INPUT + 1);
    if (!buf) {
        fclose(f);
        return NULL;
    }
    *len = fread(buf, 1, MAX_INPUT, f);
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    long inputs = 20000;
    uint64_t seed = 1;
    int first = 1;
    while (first + 1 < argc && argv[first][0] == '-') {
        if (strcmp(argv[first], "-n") == 0)
            inputs = atol(argv[first + 1]);
        else if (strcmp(argv[first], "-s") == 0)
            seed = strtoull(argv[first + 1], NULL, 10);
        else
            break;
        first += 2;
    }
    int files = argc - first;
    if (files <= 0) {
        fprintf(stderr, "usage: fuzz_expr [-n INPUTS] [-s SEED] FILE...\n");
        return 2;
    }
    char **corpus = calloc((size_t)files, sizeof *corpus);
    size_t *lens = calloc((size_t)files, sizeof *lens);
    if (!corpus || !lens)
        return 1;
    for (int i = 0; i < files; i++) {
        corpus[i] = read_file(argv[first + i], &lens[i]);
        if (!corpus[i]) {
            fprintf(stderr, "fuzz_expr: cannot read %s\n", argv[first + i]);
            return 2;
        }
        (void)LLVMFuzzerTestOneInput((const uint8_t *)corpus[i], lens[i]);
    }
    rng r = {seed * 0x9E3779B97F4A7C15ULL + 1};
    char buf[MAX_INPUT + 1];
    long run = 0;
    while (run < inputs) {
        int i = (int)below(&r, (size_t)files), j = (int)below(&r,
                                                            (size_t)files);
        size_t len = lens[i];
        memcpy(buf, corpus[i], len);
        int steps = 1 + (int)below(&r, 8);
        for (int k = 0; k < steps && run < inputs; k++, run++) {
            len = mutate(&r, buf, len, corpus[j], lens[j]);
            (void)LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
        }
    }
    printf("fuzz_expr: %d files, %ld mutated inputs, no failure\n", files,
           run);
    for (int i = 0; i < files; i++)
        free(corpus[i]);
    free(corpus);
    free(lens);
    return 0;
}

#endif
