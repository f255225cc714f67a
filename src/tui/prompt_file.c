/* prompt_file: the one way a key asks where to write a file. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "atomic_file.h"
#include "prompt.h"

int prompt_file_ext(const char *path, const char *const *exts)
{
    size_t n = strlen(path);
    for (int i = 0; exts[i]; i++) {
        size_t m = strlen(exts[i]);
        if (n > m && strcmp(path + n - m, exts[i]) == 0)
            return i;
    }
    return -1;
}

static void overwrite_yes(app *a)
{
    a->prompt.file->write(a, a->prompt.context, true);
}

static int submit(app *a, const char *path)
{
    const prompt_file_kind *k = a->prompt.file;
    char err[512], want[128] = "a path ending in ";
    if (prompt_file_ext(path, k->exts) < 0) {
        for (int i = 0; k->exts[i]; i++)
            snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s",
                     i ? k->exts[i + 1] ? ", " : " or " : "", k->exts[i]);
        prompt_error(a, 0, want);
        return -1;
    }
    if (atomic_check(path, true, err, sizeof err) < 0) {
        prompt_error(a, 0, err);
        return -1;
    }
    if (atomic_check(path, false, err, sizeof err) < 0) {
        char q[300];
        snprintf(q, sizeof q, "%.200s exists; overwrite it?", path);
        prompt_ask(a, q, k->kept, path, overwrite_yes);
        a->prompt.file = k;
        return 0;
    }
    k->write(a, path, false);
    return 0;
}

void prompt_file(app *a, const prompt_file_kind *k)
{
    prompt_open(a, k->label, k->initial, submit);
    a->prompt.file = k;
}
