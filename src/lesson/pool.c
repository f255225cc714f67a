#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "grow.h"

char *pool_strndup(pool *p, const char *text, size_t len)
{
    char **s = grow(p->s, &p->cap, p->n, sizeof *s, 32);
    if (!s)
        return NULL;
    p->s = s;
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, text, len);
    copy[len] = '\0';
    p->s[p->n++] = copy;
    return copy;
}

void pool_free(pool *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->s[i]);
    free(p->s);
    p->s = NULL;
    p->n = p->cap = 0;
}
