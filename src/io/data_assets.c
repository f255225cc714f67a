/* The shipped data sets and where the program finds them. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "data_csv.h"

/* Rows and columns are checked against the files by the unit tests. */
const data_info data_shipped[] = {
    {"iris", 150, 5, "species",
     "R. A. Fisher (1936), UCI Machine Learning Repository"},
    {"diabetes", 442, 11, "progression",
     "Efron, Hastie, Johnstone, Tibshirani, Least Angle Regression (2004)"},
    {"digits", 1797, 65, "digit",
     "UCI Optical Recognition of Handwritten Digits (Alpaydin & Kaynak 1998)"},
    {NULL, 0, 0, NULL, NULL},
};

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int candidate(char *buf, size_t cap, const char *dir, const char *rel)
{
    int n = snprintf(buf, cap, "%s%s", dir, rel);
    return n > 0 && (size_t)n < cap && is_dir(buf) ? 0 : -1;
}

int data_assets_dir(char *buf, size_t cap)
{
    const char *env = getenv("DESCENT_ASSETS");
    if (env && *env)
        return candidate(buf, cap, env, "");
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = 0;
        if (candidate(buf, cap, exe, "/../share/descent/assets") == 0)
            return 0;
    }
    /* A build tree: the source tree's assets, where meson configured. */
    return candidate(buf, cap, DESCENT_SOURCE_ASSETS, "");
}

int data_resolve(const char *spec, char *path, size_t cap)
{
    for (const data_info *d = data_shipped; d->name; d++)
        if (strcmp(d->name, spec) == 0) {
            char dir[PATH_MAX];
            if (data_assets_dir(dir, sizeof dir) < 0)
                return -1;
            int n = snprintf(path, cap, "%s/datasets/%s.csv", dir, spec);
            return n > 0 && (size_t)n < cap ? 0 : -1;
        }
    int n = snprintf(path, cap, "%s", spec);
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

int data_open(const char *spec, size_t max_rows, const data_options *o,
              data_split *out, data_file_error *err)
{
    char path[PATH_MAX];
    if (data_resolve(spec, path, sizeof path) < 0) {
        memset(err, 0, sizeof *err);
        snprintf(err->file, sizeof err->file, "%s", spec);
        snprintf(err->message, sizeof err->message, "the shipped data sets "
                 "are not found (set DESCENT_ASSETS to the assets directory)");
        return -1;
    }
    dataset d;
    if (data_csv_load(path, max_rows, &d, err) < 0)
        return -1;
    data_error de;
    int rc = data_split_make(&d, o, out, &de);
    if (rc < 0) {
        err->line = 1;
        err->column = de.column + 1;
        snprintf(err->message, sizeof err->message, "%s", de.message);
    }
    dataset_free(&d);
    return rc;
}
