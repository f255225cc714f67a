#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "suggest.h"
#include "grow.h"

void diag_init(diag_list *l)
{
    memset(l, 0, sizeof *l);
}

void diag_free(diag_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->d[i].message);
    free(l->d);
    diag_init(l);
}

void diag_add(diag_list *l, int line, int column, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (size_t i = 0; i < l->n; i++)
        if (l->d[i].line == line && l->d[i].column == column &&
            strcmp(l->d[i].message, msg) == 0)
            return;
    diag *d = grow(l->d, &l->cap, l->n, sizeof *d, 16);
    if (!d) {
        l->oom = 1;
        return;
    }
    l->d = d;
    char *copy = malloc(strlen(msg) + 1);
    if (!copy) {
        l->oom = 1;
        return;
    }
    strcpy(copy, msg);
    l->d[l->n] = (diag){line, column, copy, l->n};
    l->n++;
}

static int by_place(const void *a, const void *b)
{
    const diag *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diag_sort(diag_list *l)
{
    if (l->n)
        qsort(l->d, l->n, sizeof *l->d, by_place);
}

void diag_format(const diag *d, char *buf, size_t cap)
{
    if (d->line == 0)
        snprintf(buf, cap, "%s", d->message);
    else if (d->column > 0)
        snprintf(buf, cap, "%d:%d: %s", d->line, d->column, d->message);
    else
        snprintf(buf, cap, "%d: %s", d->line, d->message);
}

const char *diag_suggest(char *buf, size_t cap, const char *word,
                         const char *const *names, const char *otherwise)
{
    const char *near = strlen(word) <= SUGGEST_MAX_LEN
                           ? suggest_nearest(word, names) : NULL;
    if (near)
        snprintf(buf, cap, " (did you mean '%s'?)", near);
    else if (otherwise)
        snprintf(buf, cap, " (%s)", otherwise);
    else
        buf[0] = '\0';
    return buf;
}

const char *diag_suggest_in(char *buf, size_t cap, const char *word,
                            const void *base, size_t n, size_t stride,
                            size_t offset, const char *otherwise)
{
    const char *names[128];
    size_t k = 0;
    for (size_t i = 0; i < n && k < 127; i++)
        memcpy(&names[k++], (const char *)base + i * stride + offset,
               sizeof names[0]);
    names[k] = NULL;
    return diag_suggest(buf, cap, word, names, otherwise);
}
