#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "asset_dir.h"

static int candidate(char *buf, size_t cap, const char *dir, const char *rel)
{
    int n = snprintf(buf, cap, "%s%s", dir, rel);
    struct stat st;
    return n > 0 && (size_t)n < cap && stat(buf, &st) == 0 &&
           S_ISDIR(st.st_mode) ? 0 : -1;
}

/* Where meson installed the data for this binary: DESCENT_DATA_FROM_BIN
 * beside it, or that path itself when it is absolute. */
static int installed(char *buf, size_t cap, const char *sub)
{
    char dir[PATH_MAX] = "", rel[PATH_MAX];
    if (DESCENT_DATA_FROM_BIN[0] != '/') {
        ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
        if (n <= 0)
            return -1;
        dir[n] = 0;
        char *slash = strrchr(dir, '/');
        if (!slash)
            return -1;
        slash[1] = 0;
    }
    snprintf(rel, sizeof rel, DESCENT_DATA_FROM_BIN "/%s", sub);
    return candidate(buf, cap, dir, rel);
}

int asset_dir_find(const char *env, const char *sub, const char *source,
                   char *buf, size_t cap)
{
    const char *given = getenv(env);
    if (given && *given)
        return candidate(buf, cap, given, "");
    if (installed(buf, cap, sub) == 0)
        return 0;
    return candidate(buf, cap, source, "");
}
