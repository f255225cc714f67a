/* Finding what the learner names on the command line: a lesson by its
 * id, its number ("3" for "03-learning-rate"), its name without the
 * number ("learning-rate") or a unique prefix of either; a demo script
 * by its file name without ".demo" or a unique prefix. Messages say what
 * went wrong: unknown (with the nearest name) or ambiguous (with the
 * candidates). */
#ifndef DESCENT_LOOKUP_H
#define DESCENT_LOOKUP_H

#include <stddef.h>

#include "catalog.h"

/* The lesson of c that arg names; NULL with the reason in msg. */
const lesson *lookup_lesson(const lesson_catalog *c, const char *arg,
                            char *msg, size_t cap);

/* The lesson after l: the one its next: names when c has it, else the
 * following in c's order (by file name); NULL after the last. */
const lesson *catalog_next(const lesson_catalog *c, const lesson *l);

/* The shipped demo scripts: names (without ".demo", sorted), paths and
 * what each is about (its first comment line, "" without one). */
typedef struct {
    char **name, **path, **about;
    size_t n;
} demo_list;

/* The demos directory (assets/demos) into buf; 0, or -1 when none. */
int demo_dir(char *buf, size_t cap);
/* Lists the *.demo files of dir. 0, or -1 when dir cannot be read. */
int demo_list_load(const char *dir, demo_list *out);
void demo_list_free(demo_list *d);

/* The index in d of the demo arg names; -1 with the reason in msg. */
long lookup_demo(const demo_list *d, const char *arg, char *msg, size_t cap);

/* Whether arg is a path rather than a name: it has a '/' or ends in
 * ext (".lesson", ".demo"). */
int lookup_is_path(const char *arg, const char *ext);

#endif
