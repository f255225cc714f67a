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

int asset_dir_find(const char *env, const char *sub, const char *source,
                   char *buf, size_t cap)
{
    const char *given = getenv(env);
    if (given && *given)
        return candidate(buf, cap, given, "");
    char exe[PATH_MAX], rel[128];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = 0;
        snprintf(rel, sizeof rel, "/../share/descent/%s", sub);
        if (candidate(buf, cap, exe, rel) == 0)
            return 0;
    }
    return candidate(buf, cap, source, "");
}
