#include <dirent.h>
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

static int lesson_file(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return e->d_name[0] != '.' && n > 7 &&
           strcmp(e->d_name + n - 7, ".lesson") == 0;
}

/* Adds path to the lessons, or to the bad files. */
static void add(lesson_catalog *c, const char *path)
{
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
    struct dirent **names;
    int n = scandir(dir, &names, lesson_file, alphasort);
    if (n < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]->d_name) + 2;
        char *path = malloc(len);
        if (path) {
            snprintf(path, len, "%s/%s", dir, names[i]->d_name);
            add(c, path);
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return 0;
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
