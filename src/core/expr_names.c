/* The names an expression may use, and "did you mean" for the others. */
#include <stdio.h>
#include <string.h>

#include "expr_impl.h"
#include "suggest.h"

const expr_function expr_functions[] = {
    {"sin", OP_SIN, 1},     {"cos", OP_COS, 1},   {"tan", OP_TAN, 1},
    {"asin", OP_ASIN, 1},   {"acos", OP_ACOS, 1}, {"atan", OP_ATAN, 1},
    {"sinh", OP_SINH, 1},   {"cosh", OP_COSH, 1}, {"tanh", OP_TANH, 1},
    {"exp", OP_EXP, 1},     {"log", OP_LOG, 1},   {"log10", OP_LOG10, 1},
    {"sqrt", OP_SQRT, 1},   {"abs", OP_ABS, 1},   {"min", OP_MIN, 2},
    {"max", OP_MAX, 2},     {NULL, OP_K, 0},
};

const expr_symbol expr_symbols[] = {
    {"x", 0, 0.0},
    {"y", 1, 0.0},
    {"x0", 0, 0.0},
    {"x1", 1, 0.0},
    {"pi", -1, 3.141592653589793238462643383279502884},
    {"e", -1, 2.718281828459045235360287471352662498},
    {NULL, 0, 0.0},
};

static int same(const char *known, const char *name, size_t len)
{
    return strlen(known) == len && memcmp(known, name, len) == 0;
}

const expr_function *expr_find_function(const char *name, size_t len)
{
    for (const expr_function *f = expr_functions; f->name; f++)
        if (same(f->name, name, len))
            return f;
    return NULL;
}

const expr_symbol *expr_find_symbol(const char *name, size_t len)
{
    for (const expr_symbol *s = expr_symbols; s->name; s++)
        if (same(s->name, name, len))
            return s;
    return NULL;
}

/* The nearest known name, if near enough (suggest.h); the first in the
 * table on a tie. */
static const char *nearest(const char *name, size_t len, int functions)
{
    const char *best = NULL;
    size_t best_d = 3, d;
    for (size_t i = 0;; i++) {
        const char *known = functions ? expr_functions[i].name
                                      : expr_symbols[i].name;
        if (!known)
            break;
        if (suggest_near(name, len, known, &d) && d < best_d) {
            best = known;
            best_d = d;
        }
    }
    return best;
}

void expr_suggest(char *buf, size_t cap, const char *name, size_t len,
                  int functions)
{
    size_t used = strlen(buf);
    if (used >= cap)
        return;
    /* 'xy': a product written without its operator */
    if (!functions && len >= 2 && len <= 8 &&
        strspn(name, "xy") >= len && memchr(name, 'x', len) &&
        memchr(name, 'y', len)) {
        char product[2 * 8];
        size_t n = 0;
        for (size_t i = 0; i < len; i++) {
            if (i)
                product[n++] = '*';
            product[n++] = name[i];
        }
        snprintf(buf + used, cap - used, " (did you mean '%.*s'?)", (int)n,
                 product);
        return;
    }
    const char *near = nearest(name, len, functions);
    if (near) {
        snprintf(buf + used, cap - used, " (did you mean '%s'?)", near);
        return;
    }
    if (functions)
        return;
    /* 'sinx': a function name run into its argument */
    for (const expr_function *f = expr_functions; f->name; f++) {
        size_t fl = strlen(f->name);
        if (f->arity == 1 && len > fl && memcmp(name, f->name, fl) == 0 &&
            expr_find_symbol(name + fl, len - fl)) {
            snprintf(buf + used, cap - used, " (did you mean '%s(%.*s)'?)",
                     f->name, (int)(len - fl), name + fl);
            return;
        }
    }
}

const char *expr_op_name(expr_op op)
{
    switch (op) {
    case OP_NEG: case OP_SUB: return "-";
    case OP_ADD: return "+";
    case OP_MUL: return "*";
    case OP_DIV: return "/";
    case OP_POW: return "^";
    default: break;
    }
    for (const expr_function *f = expr_functions; f->name; f++)
        if (f->op == op)
            return f->name;
    return "?";
}
