/* Names to their indices in a hash table (open addressing), for the
 * column names of a file: looking a name up or adding one costs the same
 * whether there are ten names or a million. The names themselves are the
 * caller's (an array it owns and passes in); the index keeps positions. */
#ifndef DESCENT_NAME_INDEX_H
#define DESCENT_NAME_INDEX_H

#include <stddef.h>

typedef struct {
    size_t *slots;      /* position + 1, 0 when empty */
    size_t nslots, count;
    size_t probes;      /* slots looked at so far: the work done */
} name_index;

/* The position of s[0..len) among names (the count names indexed so
 * far), or -1 when it is not there. */
long name_index_find(name_index *x, char *const *names, const char *s,
                     size_t len);
/* Indexes names[x->count], the next name (names must have it). 0, or
 * -1 when memory runs out. */
int name_index_add(name_index *x, char *const *names);
void name_index_free(name_index *x);

#endif
