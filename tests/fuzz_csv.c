/* Fuzz target for data files (--data FILE.csv): data_csv_load, then the
 * split a model makes of what loaded (data_split_make). Besides
 * crashes, sanitizer reports and leaks, these properties abort the run:
 *  - an error names a line within the file (or 0) and has a message;
 *  - a loaded file has rows and columns, distinct non-empty names and
 *    finite values;
 *  - a split keeps every row and every column but the target, and its
 *    values are finite. */
#include <math.h>
#include <string.h>

#include "data_csv.h"
#include "fuzz_driver.h"

const char fuzz_name[] = "csv";

static void check_split(const dataset *ds, const uint8_t *data, size_t size)
{
    data_options o = data_options_default();
    data_split s;
    data_error e;
    if (data_split_make(ds, &o, &s, &e) < 0) {
        if (!e.message[0])
            fuzz_fail("split error without a message", data, size);
        return;
    }
    if (s.n_train + s.n_val != ds->rows || s.p + 1 != ds->cols)
        fuzz_fail("the split lost rows or columns", data, size);
    for (size_t i = 0; i < (s.n_train + s.n_val) * s.p; i++)
        if (!isfinite(s.x_train[i]))
            fuzz_fail("a split value is not finite", data, size);
    data_split_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file("x.csv", data, size);
    if (!path)
        return 0;
    dataset ds;
    data_file_error err;
    if (data_csv_load(path, 0, &ds, &err) < 0) {
        fuzz_check_place(err.line, err.column, err.message, data, size);
        return 0;
    }
    if (ds.rows == 0 || ds.cols == 0)
        fuzz_fail("loaded without rows or columns", data, size);
    for (size_t c = 0; c < ds.cols; c++) {
        if (!ds.names[c] || !ds.names[c][0])
            fuzz_fail("empty column name", data, size);
        for (size_t k = 0; k < c; k++)
            if (strcmp(ds.names[c], ds.names[k]) == 0)
                fuzz_fail("repeated column name", data, size);
    }
    for (size_t i = 0; i < ds.rows * ds.cols; i++)
        if (!isfinite(ds.v[i]))
            fuzz_fail("a value is not finite", data, size);
    check_split(&ds, data, size);
    dataset_free(&ds);
    return 0;
}
