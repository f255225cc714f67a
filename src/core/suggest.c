#include <stdint.h>
#include <string.h>

#include "suggest.h"

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

size_t suggest_distance(const char *a, size_t la, const char *b, size_t lb)
{
    if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
        return SIZE_MAX;
    size_t d[SUGGEST_MAX_LEN + 1][SUGGEST_MAX_LEN + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t best = d[i - 1][j - 1] +
                          (lower(a[i - 1]) != lower(b[j - 1]));
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

bool suggest_near(const char *name, size_t len, const char *known, size_t *d)
{
    size_t limit = len / 2 > 1 ? len / 2 : 1;
    *d = suggest_distance(name, len, known, strlen(known));
    return *d <= 2 && *d < len && *d <= limit;
}

const char *suggest_nearest(const char *name, const char *const *names)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX, len = strlen(name), d;
    for (; *names; names++)
        if (suggest_near(name, len, *names, &d) && d < best_d) {
            best = *names;
            best_d = d;
        }
    return best;
}
