#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "suggest.h"

int cli_error(const char *where, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "descent: %s: ", where);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_USAGE;
}

/* strtod follows LC_NUMERIC; descent only ever sets LC_CTYPE (the TUI)
 * and resets LC_NUMERIC to "C", so '.' is the decimal point here. The
 * text is still screened first so that hex floats, "nan", "inf" and
 * "infinity", which strtod accepts, are reported as not numbers. */
static bool looks_decimal(const char *t)
{
    const char *p = t;
    if (*p == '+' || *p == '-')
        p++;
    bool digits = false;
    while (*p >= '0' && *p <= '9')
        p++, digits = true;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits = true;
    if (!digits)
        return false;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

int cli_double(const char *where, const char *text, double *out)
{
    if (!looks_decimal(text)) {
        cli_error(where, "'%s' is not a number", text);
        return -1;
    }
    errno = 0;
    double v = strtod(text, NULL);
    if (errno == ERANGE && fabs(v) > 1.0) {
        cli_error(where, "'%s' is out of range", text);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_long(const char *where, const char *text, long *out)
{
    const char *p = text + (*text == '+' || *text == '-');
    if (*p < '0' || *p > '9' || strspn(p, "0123456789") != strlen(p)) {
        cli_error(where, "'%s' is not a whole number", text);
        return -1;
    }
    errno = 0;
    long v = strtol(text, NULL, 10);
    if (errno == ERANGE) {
        cli_error(where, "'%s' is out of range", text);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_doubles(const char *where, const char *text, double *out,
                size_t want, size_t max, size_t *got)
{
    size_t n = 0, len = strlen(text);
    char *copy = malloc(len + 1);
    if (!copy)
        return cli_error(where, "out of memory"), -1;
    memcpy(copy, text, len + 1);
    int rc = 0;
    char *p = copy;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        char *item = p;
        while (*item == ' ')
            item++;
        size_t il = strlen(item);
        while (il > 0 && item[il - 1] == ' ')
            item[--il] = '\0';
        if (n == max) {
            n++;
            break;
        }
        if (cli_double(where, item, &out[n]) < 0) {
            rc = -1;
            break;
        }
        n++;
        if (!comma)
            break;
        p = comma + 1;
    }
    free(copy);
    if (rc == 0 && ((want && n != want) || n > max)) {
        if (want)
            cli_error(where, "expected %zu comma-separated numbers, got %s%zu",
                      want, n > max ? "more than " : "", n > max ? max : n);
        else
            cli_error(where, "expected at most %zu numbers", max);
        rc = -1;
    }
    if (got)
        *got = n;
    return rc;
}

const char *cli_suggest(const char *word, const char *const *names)
{
    return suggest_nearest(word, names);
}

static const cli_option *find_option(const cli_option *opts, const char *name,
                                     size_t len)
{
    for (const cli_option *o = opts; o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

static void unknown_option(const cli_scan *s, const cli_option *opts,
                           const char *arg, size_t len)
{
    const char *names[128];
    size_t n = 0;
    for (const cli_option *o = opts; o->name && n < 127; o++)
        names[n++] = o->name;
    names[n] = NULL;
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)(len < 63 ? len : 63), arg + 2);
    const char *near = cli_suggest(word, names);
    char where[80];
    snprintf(where, sizeof where, "%.*s", (int)(len + 2 < 79 ? len + 2 : 79), arg);
    if (near)
        cli_error(where, "unknown option (did you mean '--%s'?)", near);
    else
        cli_error(where, "unknown option (see 'descent %s --help')", s->command);
}

int cli_next(cli_scan *s, const cli_option *opts, bool positional,
             const char **value)
{
    *value = NULL;
    if (s->i >= s->argc)
        return 0;
    const char *arg = s->argv[s->i++];
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
        return CLI_HELP;
    if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
        if (positional && (arg[0] != '-' || arg[1] == '\0')) {
            *value = arg;
            return CLI_POSITIONAL;
        }
        cli_error(arg, arg[0] == '-' ? "unknown option (see 'descent %s --help')"
                                     : "unexpected argument (see 'descent %s --help')",
                  s->command);
        return -1;
    }
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
    const cli_option *o = find_option(opts, arg + 2, len);
    if (!o) {
        unknown_option(s, opts, arg, len);
        return -1;
    }
    if (!o->has_value) {
        if (eq) {
            char where[80];
            snprintf(where, sizeof where, "--%s", o->name);
            cli_error(where, "takes no value");
            return -1;
        }
        return o->id;
    }
    if (eq) {
        *value = eq + 1;
    } else if (s->i < s->argc) {
        *value = s->argv[s->i++];
    } else {
        char where[80];
        snprintf(where, sizeof where, "--%s", o->name);
        cli_error(where, "missing value");
        return -1;
    }
    return o->id;
}
