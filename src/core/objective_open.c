#include <stdio.h>

#include "builtins.h"
#include "objective_open.h"

int objective_open(const char *spec, objective *out, objective_error *err)
{
    const builtin_type *t = builtin_find(spec);
    if (t)
        return objective_builtin(out, t);
    err->column = 0;
    snprintf(err->message, sizeof err->message,
             "unknown objective '%s' (see 'descent list objectives')", spec);
    return -1;
}
