#include <stdint.h>
#include <stdlib.h>

#include "grow.h"

void *grow(void *items, size_t *cap, size_t n, size_t size, size_t first)
{
    if (n < *cap)
        return items;
    size_t more = *cap ? 2 * *cap : first;
    /* realloc(p, 0) may free p and return NULL: never ask for nothing. */
    if (size == 0 || more < *cap || more > SIZE_MAX / size)
        return NULL;
    void *p = realloc(items, more * size);
    if (p)
        *cap = more;
    return p;
}
