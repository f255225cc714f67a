/* Loading data: a CSV file of 10^6 rows and 11 columns (10 features,
 * numbers written as numpy writes them: the shortest text that reads
 * back exactly, mostly 16-17 digits; a target with 4 decimals), read by
 * data_csv_load with every check it makes, beside pandas.read_csv of the
 * same file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "data_csv.h"
#include "fmt_double.h"
#include "rng.h"

enum { COLS = 11 };

static int write_file(const char *path, long rows)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    for (int c = 0; c < COLS - 1; c++)
        fprintf(f, "feature_%d,", c);
    fputs("target\n", f);
    rng r;
    rng_seed(&r, 1);
    char buf[FMT_DOUBLE_MAX];
    for (long i = 0; i < rows; i++) {
        for (int c = 0; c < COLS - 1; c++) {
            fmt_double(rng_normal(&r) * (c + 1), buf);
            fputs(buf, f);
            fputc(',', f);
        }
        fprintf(f, "%.4f\n", 100.0 * rng_uniform(&r));
    }
    return fclose(f);
}

int bench_csv(bool quick)
{
    char dir[] = "/tmp/descent-bench-XXXXXX";
    if (!mkdtemp(dir))
        return -1;
    char path[64];
    snprintf(path, sizeof path, "%s/data.csv", dir);
    long rows = quick ? 100000 : 1000000;
    int rc = write_file(path, rows);
    double best = INFINITY;
    for (int k = 0; rc == 0 && k < (quick ? 1 : 3); k++) {
        dataset d;
        data_file_error e;
        double t0 = bench_now();
        rc = data_csv_load(path, 0, &d, &e);
        best = fmin(best, bench_now() - t0);
        if (rc == 0)
            dataset_free(&d);
    }
    if (rc == 0) {
        bench_figure("csv_load_ms", best * 1e3, "ms");
        bench_figure("csv_load_rows_per_s", (double)rows / best, "rows/s");
        bench_peer("pandas_read_csv_ms", quick, path);
    } else {
        fprintf(stderr, "descent: bench: could not write or read %s\n", path);
    }
    unlink(path);
    rmdir(dir);
    return rc;
}
