#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "cli.h"
#include "parse_num.h"
#include "quote.h"
#include "suggest.h"

/* Widest line a message may take, escapes included: far beyond any
 * message of ours, far below a 100 KB value echoed whole. */
enum { LINE_SHOWN = 1000 };

void cli_line(FILE *f, const char *text)
{
    char buf[4 * LINE_SHOWN + 4];
    quote_n(buf, sizeof buf, text, strlen(text), LINE_SHOWN);
    fprintf(f, "%s\n", buf);
}

/* "descent: " + where + ": " (where NULL: none) + the message, as one
 * line through cli_line. */
static void vsay(const char *where, const char *fmt, va_list ap)
{
    char head[1024], small[512];
    snprintf(head, sizeof head, "descent: %s%s", where ? where : "",
             where ? ": " : "");
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    char *msg = n >= (int)sizeof small ? malloc((size_t)n + 1) : NULL;
    if (msg)
        vsnprintf(msg, (size_t)n + 1, fmt, again);
    va_end(again);
    size_t hn = strlen(head);
    const char *body = msg ? msg : small;
    char *line = malloc(hn + strlen(body) + 1);
    if (line) {
        memcpy(line, head, hn);
        strcpy(line + hn, body);
    }
    cli_line(stderr, line ? line : head);
    free(line);
    free(msg);
}

int cli_error(const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(where, fmt, ap);
    va_end(ap);
    return EXIT_USAGE;
}

void cli_say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(NULL, fmt, ap);
    va_end(ap);
}

int cli_located_error(const char *where, int column, const char *message,
                      const char *value)
{
    if (column <= 0 || !value)
        return cli_error(where, "%s", message);
    cli_error(where, "column %d: %s", column, message);
    char shown[QUOTE_CAP];
    size_t caret;
    quote_window(shown, sizeof shown, value, strlen(value),
                 (size_t)column - 1, QUOTE_SHOWN, &caret);
    fprintf(stderr, "  %s\n  %*s^\n", shown, (int)caret, "");
    return EXIT_USAGE;
}

int cli_option_error(const option_error *e, const char *value)
{
    if (!e->where[0]) {
        cli_say("%s", e->message);
        return EXIT_USAGE;
    }
    return cli_located_error(e->where, e->column, e->message, value);
}

/* The number parsers' message, if any, as this option's error. */
static int reported(int rc, const char *where, const char *msg)
{
    if (rc < 0)
        cli_error(where, "%s", msg);
    return rc;
}

int cli_double(const char *where, const char *text, double *out)
{
    char msg[PARSE_NUM_MSG];
    return reported(parse_num_double(text, out, msg, sizeof msg), where, msg);
}

int cli_long(const char *where, const char *text, long *out)
{
    char msg[PARSE_NUM_MSG];
    return reported(parse_num_long(text, out, msg, sizeof msg), where, msg);
}

int cli_doubles(const char *where, const char *text, double *out,
                size_t want, size_t max, size_t *got)
{
    char msg[PARSE_NUM_MSG];
    return reported(parse_num_doubles(text, out, want, max, got, msg,
                                      sizeof msg), where, msg);
}

const char *cli_suggest(const char *word, const char *const *names)
{
    return suggest_nearest(word, names);
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
    char where[QUOTE_CAP];
    quote_n(where, sizeof where, arg, len + 2, QUOTE_SHOWN);
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
    const cli_option *o = option_by_name(opts, arg + 2, len);
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

int cli_size(const char *where, const char *text, int *w, int *h)
{
    char tail;
    if (sscanf(text, "%dx%d%c", w, h, &tail) != 2)
        return cli_error(where, "'%s' is not of the form WxH (e.g. 1200x800)",
                         QUOTE(text));
    return 0;
}

int cli_check_out(const char *where, const char *path, const char *ext,
                  bool force)
{
    size_t n = strlen(path), m = strlen(ext);
    char err[512];
    if (n <= m || strcmp(path + n - m, ext) != 0)
        return cli_error(where, "%s: the file name must end in %s", path, ext);
    if (atomic_check(path, force, err, sizeof err) < 0)
        return cli_error(where, "%s", err);
    return 0;
}
