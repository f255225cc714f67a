#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "quote.h"
#include "option.h"
#include "parse_num.h"
#include "suggest.h"

int option_fail(option_error *e, const char *where, const char *fmt, ...)
{
    snprintf(e->where, sizeof e->where, "%s", where);
    e->column = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    return -1;
}

const option_entry *option_by_name(const option_entry *table, const char *name,
                                   size_t len)
{
    for (const option_entry *o = table; o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

const option_entry *option_by_id(const option_entry *table, int id)
{
    for (const option_entry *o = table; o->name; o++)
        if (o->id == id)
            return o;
    return NULL;
}

/* A number parser's message, if any, as the error at where. */
static int failed(option_error *e, int rc, const char *where, const char *msg)
{
    return rc < 0 ? option_fail(e, where, "%s", msg) : 0;
}

int option_double(option_error *e, const char *where, const char *text,
                  double *out)
{
    char msg[PARSE_NUM_MSG];
    return failed(e, parse_num_double(text, out, msg, sizeof msg), where, msg);
}

int option_long(option_error *e, const char *where, const char *text,
                long *out)
{
    char msg[PARSE_NUM_MSG];
    return failed(e, parse_num_long(text, out, msg, sizeof msg), where, msg);
}

int option_doubles(option_error *e, const char *where, const char *text,
                   double *out, size_t want, size_t max, size_t *got)
{
    char msg[PARSE_NUM_MSG];
    return failed(e, parse_num_doubles(text, out, want, max, got, msg,
                                       sizeof msg), where, msg);
}

int option_positive(option_error *e, const char *where, const char *text,
                    double *out)
{
    if (option_double(e, where, text, out) < 0)
        return -1;
    if (!(*out > 0.0))
        return option_fail(e, where, "must be greater than 0, got %s",
                           QUOTE(text));
    return 0;
}

int option_unit(option_error *e, const char *where, const char *text,
                double *out)
{
    if (option_double(e, where, text, out) < 0)
        return -1;
    if (!(*out >= 0.0 && *out < 1.0))
        return option_fail(e, where, "must be at least 0 and below 1, got %s",
                           QUOTE(text));
    return 0;
}

int option_count(option_error *e, const char *where, const char *text,
                 long min, long *out)
{
    if (option_long(e, where, text, out) < 0)
        return -1;
    if (*out < min)
        return option_fail(e, where, "must be at least %ld, got %s", min,
                           QUOTE(text));
    return 0;
}

bool option_is_none(const char *text)
{
    return strcmp(text, "none") == 0 || strcmp(text, "off") == 0;
}

int option_name(option_error *e, const char *where, const char *text,
                const char *const *names, int *index)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(text, names[i]) == 0 ||
            (option_is_none(text) && option_is_none(names[i]))) {
            *index = i;
            return 0;
        }
    const char *near = suggest_nearest(text, names);
    if (near)
        return option_fail(e, where, "unknown value '%s' (did you mean '%s'?)",
                           QUOTE(text), near);
    char list[256] = "";
    for (int i = 0; names[i]; i++) {
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    return option_fail(e, where, "unknown value '%s' (one of: %s)",
                       QUOTE(text), list);
}

int option_mode(option_error *e, const char *where, const char *text,
                const char *const *names, int *index, const char **value)
{
    char mode[64];
    const char *colon = strchr(text, ':');
    size_t len = colon ? (size_t)(colon - text) : strlen(text);
    snprintf(mode, sizeof mode, "%.*s", (int)len, text);
    *value = colon ? colon + 1 : NULL;
    return option_name(e, where, mode, names, index);
}
