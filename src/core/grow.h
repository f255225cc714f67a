/* Arrays that grow by doubling. */
#ifndef DESCENT_GROW_H
#define DESCENT_GROW_H

#include <stddef.h>

/* Room for element n of an array of *cap elements of size bytes: when n
 * is *cap, the array is reallocated to twice its capacity (first when it
 * is empty) and *cap updated. Returns the array (moved or not), or NULL
 * when memory runs out or the size would overflow (or size is 0),
 * leaving the array and *cap as they were. */
void *grow(void *items, size_t *cap, size_t n, size_t size, size_t first);

#endif
