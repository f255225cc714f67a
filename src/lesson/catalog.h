/* The lessons the program ships (the .lesson files of lessons/), found like the data
 * sets: $DESCENT_LESSONS, beside an installed binary, or the source
 * tree. */
#ifndef DESCENT_CATALOG_H
#define DESCENT_CATALOG_H

#include "lesson.h"

typedef struct {
    lesson *l;          /* the lessons without problems, by file name */
    size_t n;
    char **bad;         /* paths of the files with problems */
    size_t n_bad;
} lesson_catalog;

/* The lessons directory into buf; 0, or -1 when none is found. */
int catalog_dir(char *buf, size_t cap);

/* Loads every *.lesson of dir. 0, or -1 when dir cannot be read. */
int catalog_load(const char *dir, lesson_catalog *c);
void catalog_free(lesson_catalog *c);

/* Calls each(ctx, path) for the files of dir ending in ext (hidden ones
 * aside), in alphabetical order. 0, or -1 when dir cannot be read. */
int catalog_each(const char *dir, const char *ext,
                 void (*each)(void *ctx, const char *path), void *ctx);

/* The tail of an "unknown lesson" message: the nearest id of c to id
 * (diag_suggest). */
const char *catalog_suggest(const lesson_catalog *c, const char *id,
                            char *buf, size_t cap, const char *otherwise);

/* The lesson with this id, or NULL. */
const lesson *catalog_find(const lesson_catalog *c, const char *id);
/* For demo_parse: ctx is the catalogue. */
const lesson *catalog_find_cb(void *ctx, const char *id);

#endif
