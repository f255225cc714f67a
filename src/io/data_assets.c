/* The shipped data sets and where the program finds them. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "asset_dir.h"
#include "data_csv.h"
#include "suggest.h"

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

int data_assets_dir(char *buf, size_t cap)
{
    return asset_dir_find("DESCENT_ASSETS", "assets", DESCENT_SOURCE_ASSETS,
                          buf, cap);
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

/* A bare name (no '/', no '.') that is neither shipped nor a file: say
 * which names there are, and the nearest. 0 otherwise. */
static int not_found(const char *spec, const char *path,
                     data_file_error *err)
{
    if (strpbrk(spec, "/.") || access(path, F_OK) == 0 || errno != ENOENT)
        return 0;
    const char *names[8];
    size_t n = 0;
    char list[128] = "";
    for (const data_info *d = data_shipped; d->name && n < 7; d++) {
        names[n++] = d->name;
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                 n > 1 ? ", " : "", d->name);
    }
    names[n] = NULL;
    const char *near = suggest_nearest(spec, names);
    memset(err, 0, sizeof *err);
    snprintf(err->file, sizeof err->file, "%s", spec);
    if (near)
        snprintf(err->message, sizeof err->message, "unknown data set (did "
                 "you mean '%s'? shipped: %s)", near, list);
    else
        snprintf(err->message, sizeof err->message, "neither a shipped data "
                 "set (%s) nor a file", list);
    return -1;
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
    if (not_found(spec, path, err) < 0 ||
        data_csv_load(path, max_rows, &d, err) < 0)
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
