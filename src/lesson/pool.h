/* Strings that live as long as the lesson or script that holds them. */
#ifndef DESCENT_POOL_H
#define DESCENT_POOL_H

#include <stddef.h>

typedef struct {
    char **s;
    size_t n, cap;
} pool;

/* A NUL-terminated copy of len bytes of text, owned by p; NULL when
 * memory runs out. */
char *pool_strndup(pool *p, const char *text, size_t len);
void pool_free(pool *p);

#endif
