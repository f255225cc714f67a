/* Shared by the subcommands: errors, number parsing, option scanning. */
#ifndef DESCENT_CLI_H
#define DESCENT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "option.h"

/* Exit codes (DESIGN §1). */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Every message goes out as one line through quote_n (quote.h): control
 * characters escaped, and cut at 1000 characters. Values from outside
 * are also quoted where they are put in (QUOTE), which cuts them at
 * QUOTE_SHOWN characters. */
void cli_line(FILE *f, const char *text);

/* Prints "descent: WHERE: WHAT" on stderr (WHERE quoted) and returns
 * EXIT_USAGE. */
int cli_error(const char *where, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints "descent: WHAT" on stderr. */
void cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Numbers as a user types them: the whole text, finite, in range; the C
 * locale's decimal point whatever LC_NUMERIC says. Return 0 or, after
 * printing the error for option `where`, -1. */
int cli_double(const char *where, const char *text, double *out);
int cli_long(const char *where, const char *text, long *out);
/* A comma-separated list of exactly `want` numbers (want 0: 1..max). */
int cli_doubles(const char *where, const char *text, double *out,
                size_t want, size_t max, size_t *got);

/* A size "WxH" (checked by the caller). 0, or EXIT_USAGE after the
 * error. */
int cli_size(const char *where, const char *text, int *w, int *h);
/* An output file: its name ends in ext, and it can be written without
 * replacing a file unless force (atomic_check). 0, or EXIT_USAGE after
 * the error; nothing is created. */
int cli_check_out(const char *where, const char *path, const char *ext,
                  bool force);

/* Options of a subcommand: "--name VALUE", "--name=VALUE" or "--flag". */
typedef option_entry cli_option;

/* Prints an option's error: "descent: WHERE: WHAT" ("descent: WHAT" when
 * it names its own place); with a column, "column N: " before WHAT and
 * then value (quoted, a window of a long one) with a caret under that
 * column. Returns EXIT_USAGE. */
int cli_option_error(const option_error *e, const char *value);
/* The same for an error at a column of value (0: none) at where. */
int cli_located_error(const char *where, int column, const char *message,
                      const char *value);

typedef struct {
    int argc;
    char **argv;
    int i;              /* next argument */
    const char *command; /* for "see 'descent COMMAND --help'" */
} cli_scan;

/* Next option: returns its id and sets *value (NULL for flags); returns
 * 0 at the end; -1 after printing an error (unknown option, missing or
 * unexpected value, stray argument). Positional arguments are returned
 * with id CLI_POSITIONAL when the table allows them. */
enum { CLI_POSITIONAL = -100, CLI_HELP = -101 };
int cli_next(cli_scan *s, const cli_option *opts, bool positional,
             const char **value);

/* The closest name among names (NULL-terminated) within edit distance 2,
 * or NULL. */
const char *cli_suggest(const char *word, const char *const *names);

#endif
