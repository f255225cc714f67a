/* The shipped data sets and where the program finds them. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asset_dir.h"
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
