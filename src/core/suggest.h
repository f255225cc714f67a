/* "Did you mean ...?": the nearest known name to a mistyped one. */
#ifndef DESCENT_SUGGEST_H
#define DESCENT_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

enum { SUGGEST_MAX_LEN = 16 };

/* Edit distance ignoring case, a swap of neighbours counting as one edit
 * (optimal string alignment: 'sni' is one edit from 'sin'). Strings
 * longer than SUGGEST_MAX_LEN are infinitely far (SIZE_MAX). */
size_t suggest_distance(const char *a, size_t la, const char *b, size_t lb);

/* Whether known is near enough to name (len letters) to be suggested:
 * at most 2 edits, fewer edits than name has letters ('z' is not taken
 * for 'x'), and at most one edit per two letters ('foo' is not taken for
 * 'cos', but 'xx' is for 'x'). Sets *d to the distance. */
bool suggest_near(const char *name, size_t len, const char *known, size_t *d);

/* The nearest near name of the NULL-terminated names (the first on a
 * tie), or NULL. */
const char *suggest_nearest(const char *name, const char *const *names);

#endif
