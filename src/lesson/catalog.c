#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asset_dir.h"
#include "catalog.h"

int catalog_dir(char *buf, size_t cap)
{
    return asset_dir_find("DESCENT_LESSONS", "lessons", DESCENT_SOURCE_LESSONS,
                          buf, cap);
}

int catalog_each(const char *dir, const char *ext,
                 void (*each)(void *ctx, const char *path), void *ctx)
{
    struct dirent **ents;
    int n = scandir(dir, &ents, NULL, alphasort);
    if (n < 0)
        return -1;
    size_t m = strlen(ext);
    for (int i = 0; i < n; i++) {
        const char *name = ents[i]->d_name;
        size_t len = strlen(name);
        char *path = malloc(strlen(dir) + len + 2);
        if (path && name[0] != '.' && len > m &&
            strcmp(name + len - m, ext) == 0) {
            sprintf(path, "%s/%s", dir, name);
            each(ctx, path);
        }
        free(path);
        free(ents[i]);
    }
    free(ents);
    return 0;
}

const char *catalog_suggest(const lesson_catalog *c, const char *id,
                            char *buf, size_t cap, const char *otherwise)
{
    return diag_suggest_in(buf, cap, id, c->l, c->n, sizeof c->l[0],
                           offsetof(lesson, id), otherwise);
}

/* Adds path to the lessons, or to the bad files. */
static void add(void *ctx, const char *path)
{
    lesson_catalog *c = ctx;
    diag_list d;
    diag_init(&d);
    lesson l;
    int rc = lesson_load(path, &l, &d);
    diag_free(&d);
    if (rc == 0) {
        lesson *grown = realloc(c->l, (c->n + 1) * sizeof *grown);
        if (grown) {
            c->l = grown;
            c->l[c->n++] = l;
            return;
        }
    }
    lesson_free(&l);
    char **bad = realloc(c->bad, (c->n_bad + 1) * sizeof *bad);
    char *copy = malloc(strlen(path) + 1);
    if (bad)
        c->bad = bad;
    if (!bad || !copy) {
        free(copy);
        return;
    }
    strcpy(copy, path);
    c->bad[c->n_bad++] = copy;
}

int catalog_load(const char *dir, lesson_catalog *c)
{
    memset(c, 0, sizeof *c);
    return catalog_each(dir, ".lesson", add, c);
}

void catalog_free(lesson_catalog *c)
{
    for (size_t i = 0; i < c->n; i++)
        lesson_free(&c->l[i]);
    for (size_t i = 0; i < c->n_bad; i++)
        free(c->bad[i]);
    free(c->l);
    free(c->bad);
    memset(c, 0, sizeof *c);
}

const lesson *catalog_find(const lesson_catalog *c, const char *id)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->l[i].id && strcmp(c->l[i].id, id) == 0)
            return &c->l[i];
    return NULL;
}

const lesson *catalog_find_cb(void *ctx, const char *id)
{
    return catalog_find(ctx, id);
}
