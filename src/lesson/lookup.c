#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data_csv.h"
#include "lookup.h"
#include "suggest.h"

/* An id without its leading number and '-': "learning-rate". */
static const char *short_name(const char *id)
{
    size_t d = strspn(id, "0123456789");
    return d && id[d] == '-' && id[d + 1] ? id + d + 1 : id;
}

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The candidates' names, for a message: "a, b, c". */
static void list(const char *const *names, const long *idx, size_t n,
                 char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? ", " : "",
                                names[idx[i]]);
}

/* The index among n names (and their short forms, alt; may be NULL)
 * that arg names: equal first, else a unique prefix. -1 with msg. */
static long match(const char *const *names, const char *const *alt, size_t n,
                  const char *arg, const char *what, char *msg, size_t cap)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], arg) == 0 || (alt && strcmp(alt[i], arg) == 0))
            return (long)i;
    long *hit = malloc((n ? n : 1) * sizeof *hit);
    size_t k = 0;
    for (size_t i = 0; hit && i < n; i++)
        if (starts(names[i], arg) || (alt && starts(alt[i], arg)))
            hit[k++] = (long)i;
    long found = k == 1 ? hit[0] : -1;
    if (!hit) {
        snprintf(msg, cap, "out of memory");
    } else if (k > 1) {
        char cands[512];
        list(names, hit, k, cands, sizeof cands);
        snprintf(msg, cap, "'%s' matches %zu %ss: %s", arg, k, what, cands);
    } else if (k == 0) {
        const char *near = n && strlen(arg) <= SUGGEST_MAX_LEN
                               ? suggest_nearest(arg, names) : NULL;
        if (near)
            snprintf(msg, cap, "unknown %s '%s' (did you mean '%s'?)", what,
                     arg, near);
        else
            snprintf(msg, cap, "unknown %s '%s' (see 'descent list %ss')",
                     what, arg, what);
    }
    free(hit);
    return found;
}

/* A whole number N: the lesson whose id starts with N ("03-..."), else
 * the N-th. */
static const lesson *by_number(const lesson_catalog *c, const char *arg)
{
    char *end;
    long n = strtol(arg, &end, 10);
    if (*arg < '0' || *arg > '9' || *end || n < 1)
        return NULL;
    for (size_t i = 0; i < c->n; i++) {
        const char *id = c->l[i].id;
        if (strspn(id, "0123456789") && strtol(id, NULL, 10) == n)
            return &c->l[i];
    }
    return (size_t)n <= c->n ? &c->l[n - 1] : NULL;
}

const lesson *lookup_lesson(const lesson_catalog *c, const char *arg,
                            char *msg, size_t cap)
{
    const lesson *l = by_number(c, arg);
    if (l)
        return l;
    const char **ids = malloc((c->n + 1) * 2 * sizeof *ids);
    if (!ids) {
        snprintf(msg, cap, "out of memory");
        return NULL;
    }
    const char **names = ids + c->n + 1;
    for (size_t i = 0; i < c->n; i++) {
        ids[i] = c->l[i].id;
        names[i] = short_name(c->l[i].id);
    }
    ids[c->n] = names[c->n] = NULL;
    long k = match(ids, names, c->n, arg, "lesson", msg, cap);
    free(ids);
    return k >= 0 ? &c->l[k] : NULL;
}

const lesson *catalog_next(const lesson_catalog *c, const lesson *l)
{
    const lesson *named = l->next ? catalog_find(c, l->next) : NULL;
    if (named)
        return named;
    for (size_t i = 0; i + 1 < c->n; i++)
        if (strcmp(c->l[i].id, l->id) == 0)
            return &c->l[i + 1];
    return NULL;
}

int demo_dir(char *buf, size_t cap)
{
    char assets[4096];
    if (data_assets_dir(assets, sizeof assets) < 0)
        return -1;
    int n = snprintf(buf, cap, "%s/demos", assets);
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

/* The first comment line of the script at path, without its '#'. */
static char *about(const char *path)
{
    char line[256] = "";
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f) && line[0] != '#')
        line[0] = '\0';
    if (f)
        fclose(f);
    const char *t = line[0] == '#' ? line + 1 + strspn(line + 1, " ") : "";
    size_t n = strcspn(t, "\r\n");
    char *copy = malloc(n + 1);
    if (copy)
        snprintf(copy, n + 1, "%s", t);
    return copy;
}

/* Adds the script at path to the list: its name is the file's without
 * the directory and ".demo". */
static void add(void *ctx, const char *path)
{
    demo_list *d = ctx;
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t len = strlen(base) - 5;
    char **name = realloc(d->name, (d->n + 2) * sizeof *name);
    if (name)
        d->name = name;
    char **paths = realloc(d->path, (d->n + 2) * sizeof *paths);
    if (paths)
        d->path = paths;
    char **abouts = realloc(d->about, (d->n + 2) * sizeof *abouts);
    if (abouts)
        d->about = abouts;
    char *n = malloc(len + 1), *p = malloc(strlen(path) + 1), *a = about(path);
    if (!name || !paths || !abouts || !n || !p || !a) {
        free(n);
        free(p);
        free(a);
        return;
    }
    snprintf(n, len + 1, "%s", base);
    strcpy(p, path);
    d->name[d->n] = n;
    d->path[d->n] = p;
    d->about[d->n++] = a;
    d->name[d->n] = NULL;
}

int demo_list_load(const char *dir, demo_list *out)
{
    memset(out, 0, sizeof *out);
    if (catalog_each(dir, ".demo", add, out) < 0)
        return -1;
    return 0;
}

void demo_list_free(demo_list *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->name[i]);
        free(d->path[i]);
        free(d->about[i]);
    }
    free(d->name);
    free(d->path);
    free(d->about);
    memset(d, 0, sizeof *d);
}

long lookup_demo(const demo_list *d, const char *arg, char *msg, size_t cap)
{
    return match((const char *const *)d->name, NULL, d->n, arg, "demo", msg,
                 cap);
}

int lookup_is_path(const char *arg, const char *ext)
{
    size_t n = strlen(arg), m = strlen(ext);
    return strchr(arg, '/') || (n > m && strcmp(arg + n - m, ext) == 0);
}
