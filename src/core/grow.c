#include <stdlib.h>

#include "grow.h"

void *grow(void *items, size_t *cap, size_t n, size_t size, size_t first)
{
    if (n < *cap)
        return items;
    size_t more = *cap ? 2 * *cap : first;
    void *p = realloc(items, more * size);
    if (p)
        *cap = more;
    return p;
}
