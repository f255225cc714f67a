#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "expr_impl.h"
#include "objective_open.h"
#include "suggest.h"

static bool is_word(const char *s)
{
    if (!isalpha((unsigned char)*s))
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return false;
    return true;
}

static int unknown_name(const char *spec, objective_error *err)
{
    const char *names[32];
    size_t n = 0;
    for (const builtin_type *const *t = builtin_types; *t && n < 31; t++)
        names[n++] = (*t)->name;
    names[n] = NULL;
    const char *best = suggest_nearest(spec, names);
    err->column = 0; /* the whole word: no caret */
    if (best)
        snprintf(err->message, sizeof err->message,
                 "unknown objective '%s' (did you mean '%s'?)", spec, best);
    else
        snprintf(err->message, sizeof err->message,
                 "unknown objective '%s' (a built-in name or an expression "
                 "in x and y; see 'descent list objectives')", spec);
    return -1;
}

int objective_open(const char *spec, objective *out, objective_error *err)
{
    const builtin_type *t = builtin_find(spec);
    if (t) {
        if (objective_builtin(out, t) == 0)
            return 0;
        err->column = 0;
        snprintf(err->message, sizeof err->message, "out of memory");
        return -1;
    }
    static const char *const symbols[] = {"x", "y", "x0", "x1", "pi", "e", NULL};
    if (is_word(spec)) {
        bool symbol = false;
        for (const char *const *s = symbols; *s; s++)
            symbol |= strcmp(spec, *s) == 0;
        if (!symbol)
            return unknown_name(spec, err);
    }
    return expr_objective(spec, out, err);
}

const expr *objective_expr(const objective *obj)
{
    const expr *e = builtin_objective_expr(obj);
    return e ? e : expr_of_objective(obj);
}
