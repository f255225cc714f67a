/* Options as data, shared by the command line and the lessons: a table
 * entry, and an error that says where and what without printing it (the
 * command line prints "descent: WHERE: WHAT", a lesson "FILE:LINE:COLUMN:
 * NAME: WHAT"). */
#ifndef DESCENT_OPTION_H
#define DESCENT_OPTION_H

#include <stdbool.h>
#include <stddef.h>

/* An option: "--name VALUE" on the command line, "name: VALUE" in a
 * lesson. */
typedef struct {
    const char *name;   /* without the dashes */
    bool has_value;
    int id;
} option_entry;

typedef struct {
    char where[48];     /* "--lr"; "" when message names its own place */
    int column;         /* 1-based column in the value (expressions); 0 */
    char message[768];
} option_error;

/* Fills e (where, no column, the formatted message) and returns -1. */
int option_fail(option_error *e, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The entry of table (ending with a NULL name) with this name or id, or
 * NULL. */
const option_entry *option_by_name(const option_entry *table, const char *name,
                                   size_t len);
const option_entry *option_by_id(const option_entry *table, int id);

/* Number parsing with where as the place of the error; 0 or -1. */
int option_double(option_error *e, const char *where, const char *text,
                  double *out);
int option_long(option_error *e, const char *where, const char *text,
                long *out);
/* A comma-separated list, as parse_num_doubles. */
int option_doubles(option_error *e, const char *where, const char *text,
                   double *out, size_t want, size_t max, size_t *got);
/* > 0; in [0, 1); a whole number ≥ min. */
int option_positive(option_error *e, const char *where, const char *text,
                    double *out);
int option_unit(option_error *e, const char *where, const char *text,
                double *out);
int option_count(option_error *e, const char *where, const char *text,
                 long min, long *out);
/* "off" and "none" are one word: either names the setting's "nothing"
 * wherever one of them is a value (--clip, --hypergrad, --scale). */
bool option_is_none(const char *text);

/* One of names (NULL-terminated), with a suggestion when it is not;
 * "off" and "none" stand for each other. */
int option_name(option_error *e, const char *where, const char *text,
                const char *const *names, int *index);

/* A setting written MODE or MODE:VALUE (--clip, --grad, --hypergrad):
 * the mode by option_name, and *value the text after the colon, or NULL
 * when there is none. */
int option_mode(option_error *e, const char *where, const char *text,
                const char *const *names, int *index, const char **value);

#endif
