#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "name_index.h"

static uint64_t hash(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
    return h;
}

/* The slot holding s, or the empty one where it would go. */
static size_t slot_of(name_index *x, char *const *names, const char *s,
                      size_t len)
{
    size_t mask = x->nslots - 1, i = hash(s, len) & mask;
    for (;; i = (i + 1) & mask) {
        x->probes++;
        if (!x->slots[i])
            return i;
        const char *n = names[x->slots[i] - 1];
        if (strnlen(n, len + 1) == len && memcmp(n, s, len) == 0)
            return i;
    }
}

long name_index_find(name_index *x, char *const *names, const char *s,
                     size_t len)
{
    if (!x->nslots)
        return -1;
    size_t i = slot_of(x, names, s, len);
    return x->slots[i] ? (long)x->slots[i] - 1 : -1;
}

/* Keeps the table at most half full. */
static int make_room(name_index *x, char *const *names)
{
    if (2 * (x->count + 1) <= x->nslots)
        return 0;
    size_t n = x->nslots ? 2 * x->nslots : 64;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    name_index grown = {slots, n, x->count, x->probes};
    for (size_t k = 0; k < x->count; k++)
        slots[slot_of(&grown, names, names[k], strlen(names[k]))] = k + 1;
    free(x->slots);
    *x = grown;
    return 0;
}

int name_index_add(name_index *x, char *const *names)
{
    if (make_room(x, names) < 0)
        return -1;
    const char *s = names[x->count];
    x->slots[slot_of(x, names, s, strlen(s))] = ++x->count;
    return 0;
}

void name_index_free(name_index *x)
{
    free(x->slots);
    *x = (name_index){0};
}
