/* The CSV loader: good files, and bad ones each with its exact place and
 * message; the shipped data sets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data_csv.h"
#include "name_index.h"
#include "suites.h"

static char dir[64];

static int make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/descent-csv-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void) { return rmdir(dir); }

/* Writes text to a file in the temporary directory; returns its path. */
static const char *write_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

typedef struct {
    const char *text;
    const char *target, *features; /* for data_open; NULL: defaults */
    long line;
    int column;
    const char *message;
} bad_case;

static const bad_case bad[] = {
    {"", NULL, NULL, 1, 0,
     "empty file: expected a header line of column names"},
    {"a,b\n", NULL, NULL, 1, 0, "no data rows after the header"},
    {"a,b,c\n1,2,3\n4,5\n", NULL, NULL, 3, 3,
     "row has 2 fields, the header has 3"},
    {"a,b\n1,2,3\n", NULL, NULL, 2, 3,
     "row has more fields than the header's 2"},
    {"a,b\n1,2\n\n3,x1\n", NULL, NULL, 4, 2,
     "column 'b': not a number: 'x1'"},
    {"a,b\n1,\n", NULL, NULL, 2, 2, "column 'b': empty cell"},
    {"a,b\n1,nan\n", NULL, NULL, 2, 2,
     "column 'b': not a finite number: 'nan'"},
    {"a,b\n-inf,1\n", NULL, NULL, 2, 1,
     "column 'a': not a finite number: '-inf'"},
    {"a,b\n1e999,1\n", NULL, NULL, 2, 1,
     "column 'a': not a finite number: '1e999'"},
    {"a,b\n0x10,1\n", NULL, NULL, 2, 1, "column 'a': not a number: '0x10'"},
    {"a,b,a\n1,2,3\n", NULL, NULL, 1, 3,
     "column name 'a' repeated (first in column 1)"},
    {"a,,c\n1,2,3\n", NULL, NULL, 1, 2, "empty column name in the header"},
    {"a,b\n1,2\"3\n", NULL, NULL, 2, 2,
     "malformed CSV: '\"' inside a field not in quotes (quote the whole "
     "field and write \"\")"},
    {"a,b\n1,\"2\"x\n", NULL, NULL, 2, 2,
     "malformed CSV: 'x' after a closing quote (a quote inside quotes is "
     "written \"\")"},
    /* An unclosed quote is reported where it opened, not at the end. */
    {"a,b\n1,2\n3,4\n5,\"6\n7,8\n9,10\n", NULL, NULL, 4, 2,
     "malformed CSV: the quote opened here is never closed"},
    {"a,b\n1,\"2\n", NULL, NULL, 2, 2,
     "malformed CSV: the quote opened here is never closed"},
    {"a,b\n1,2\n3,4\n", "y", NULL, 1, 0, "no target column 'y' (columns: a, b)"},
    {"a,b,y\n1,2,3\n3,4,5\n", NULL, "a,zz", 1, 0,
     "unknown feature 'zz' (columns: a, b, y)"},
    {"a,b,y\n1,2,3\n3,4,5\n", NULL, "a,y", 1, 3,
     "feature 'y' is the target"},
    {"a,b,y\n1,2,3\n3,4,5\n", NULL, "b,b", 1, 2, "feature 'b' named twice"},
    {"a,b,y\n1,2,3\n1,4,5\n", NULL, NULL, 1, 1,
     "column 'a' is constant over the training rows: it cannot be "
     "standardised (drop it with --features or use --scale none)"},
};

static void bad_files(void)
{
    CU_ASSERT_EQUAL_FATAL(make_dir(), 0);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const bad_case *b = &bad[i];
        const char *path = write_file("bad.csv", b->text);
        data_options o = data_options_default();
        o.target = b->target;
        o.features = b->features;
        o.shuffle = false;
        o.split = 1.0;
        data_split s;
        data_file_error e;
        int rc = data_open(path, 0, &o, &s, &e);
        char msg[512];
        snprintf(msg, sizeof msg, "case %zu: got %ld:%d: %s", i, e.line,
                 e.column, e.message);
        CHECK_MSG(rc == -1, msg);
        CHECK_MSG(e.line == b->line && e.column == b->column &&
                      strcmp(e.message, b->message) == 0, msg);
        CHECK_MSG(strcmp(e.file, path) == 0, msg);
        if (rc == 0)
            data_split_free(&s);
        unlink(path);
    }
    CU_ASSERT_EQUAL(remove_dir(), 0);
}

static void error_format(void)
{
    data_file_error e = {"x.csv", 3, 2, "column 'b': empty cell"};
    char buf[300];
    data_file_error_format(&e, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "x.csv:3:2: column 'b': empty cell");
    e.column = 0;
    data_file_error_format(&e, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "x.csv:3: column 'b': empty cell");
    e.line = 0;
    data_file_error_format(&e, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "x.csv: column 'b': empty cell");
}

static void missing_file(void)
{
    dataset d;
    data_file_error e;
    CU_ASSERT_EQUAL(data_csv_load("/nonexistent/d.csv", 0, &d, &e), -1);
    CU_ASSERT_EQUAL(e.line, 0);
    CU_ASSERT_STRING_EQUAL(e.message, "cannot open: No such file or directory");
}

/* A byte order mark, quotes, spaces, CRLF line ends and blank lines are
 * all read as a user would expect. */
static void good_file(void)
{
    CU_ASSERT_EQUAL_FATAL(make_dir(), 0);
    const char *path = write_file("good.csv", "\xef\xbb\xbf" "a,\"b\",y\r\n"
                                  " 1.5 ,\"2\",-3e2\r\n\r\n4,5,6\r\n");
    dataset d;
    data_file_error e;
    CU_ASSERT_EQUAL_FATAL(data_csv_load(path, 0, &d, &e), 0);
    CU_ASSERT_EQUAL(d.rows, 2);
    CU_ASSERT_EQUAL(d.cols, 3);
    CU_ASSERT_STRING_EQUAL(d.names[0], "a");
    CU_ASSERT_STRING_EQUAL(d.names[1], "b");
    CU_ASSERT_EQUAL(d.v[0], 1.5);
    CU_ASSERT_EQUAL(d.v[2], -300.0);
    CU_ASSERT_EQUAL(d.v[5], 6.0);
    dataset_free(&d);
    /* --max-rows reads the first rows only. */
    CU_ASSERT_EQUAL_FATAL(data_csv_load(path, 1, &d, &e), 0);
    CU_ASSERT_EQUAL(d.rows, 1);
    dataset_free(&d);
    unlink(path);
    CU_ASSERT_EQUAL(remove_dir(), 0);
}

/* Past a million rows the default limit stops the load at the row after
 * it; --max-rows lifts it. */
static void row_limit(void)
{
    CU_ASSERT_EQUAL_FATAL(make_dir(), 0);
    char path[128];
    snprintf(path, sizeof path, "%s/big.csv", dir);
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    static char block[2 * 1000];
    for (size_t i = 0; i < sizeof block; i += 2)
        memcpy(block + i, "0\n", 2);
    fputs("a\n", f);
    for (int k = 0; k < 1000; k++)
        fwrite(block, 1, sizeof block, f);
    fputs("1\n", f);
    fclose(f);
    dataset d;
    data_file_error e;
    CU_ASSERT_EQUAL(data_csv_load(path, 0, &d, &e), -1);
    CU_ASSERT_EQUAL(e.line, 1000002);
    CU_ASSERT_EQUAL(e.column, 0);
    CU_ASSERT_STRING_EQUAL(e.message, "more than 1000000 data rows (read "
                           "the first N with --max-rows N)");
    CU_ASSERT_EQUAL(data_csv_load(path, 2000000, &d, &e), 0);
    CU_ASSERT_EQUAL(d.rows, 1000001);
    CU_ASSERT_EQUAL(d.v[1000000], 1.0);
    dataset_free(&d);
    unlink(path);
    CU_ASSERT_EQUAL(remove_dir(), 0);
}

/* Numbers of any length are numbers (one of 200 characters was called
 * "not a finite number"), read exactly; quoted fields may hold commas,
 * "" and line breaks, which count as lines for what follows. */
static void long_numbers_and_quotes(void)
{
    CU_ASSERT_EQUAL_FATAL(make_dir(), 0);
    char text[1024];
    int k = snprintf(text, sizeof text, "a,b\n0.");
    for (int i = 0; i < 198; i++)
        text[k++] = '0';
    k += snprintf(text + k, sizeof text - (size_t)k, "15,1");
    for (int i = 0; i < 150; i++)
        text[k++] = '0';
    snprintf(text + k, sizeof text - (size_t)k, "\n\"3\",\"4\"\n\"5\",6\n");
    const char *path = write_file("long.csv", text);
    dataset d;
    data_file_error e;
    CU_ASSERT_EQUAL_FATAL(data_csv_load(path, 0, &d, &e), 0);
    CU_ASSERT_EQUAL(d.rows, 3);
    CU_ASSERT_EQUAL(d.v[0], 1.5e-199);
    CU_ASSERT_EQUAL(d.v[1], 1e150);
    CU_ASSERT_EQUAL(d.v[2], 3.0);
    CU_ASSERT_EQUAL(d.v[5], 6.0);
    dataset_free(&d);
    unlink(path);
    path = write_file("q.csv", "\"a,1\",\"b\"\"\"\n1,\"2\n\"\n\nx,y\n");
    CU_ASSERT_EQUAL(data_csv_load(path, 0, &d, &e), -1);
    CU_ASSERT_STRING_EQUAL(e.message, "column 'a,1': not a number: 'x'");
    CU_ASSERT_EQUAL(e.line, 5); /* after a field over two lines, a blank */
    CU_ASSERT_EQUAL(e.column, 1);
    unlink(path);
    CU_ASSERT_EQUAL(remove_dir(), 0);
}

/* The work of checking column names for repeats grows with the number
 * of names, not its square (a header of 100,000 names took 45 s). */
static void header_is_linear(void)
{
    size_t probes[2];
    static const size_t sizes[2] = {1000, 100000};
    for (int s = 0; s < 2; s++) {
        size_t n = sizes[s];
        char **names = malloc(n * sizeof *names);
        name_index x = {0};
        for (size_t i = 0; i < n; i++) {
            char buf[32];
            snprintf(buf, sizeof buf, "col_%zu", i);
            names[i] = strdup(buf);
            CU_ASSERT_EQUAL(name_index_find(&x, names, buf, strlen(buf)), -1);
            CU_ASSERT_EQUAL(name_index_add(&x, names), 0);
        }
        CU_ASSERT_EQUAL(name_index_find(&x, names, "col_7", 5), 7);
        probes[s] = x.probes;
        name_index_free(&x);
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
    }
    /* Per name, about the same number of probes at both sizes. */
    CU_ASSERT_TRUE((double)probes[1] / sizes[1] <
                   2.0 * (double)probes[0] / sizes[0]);
    /* And a file that wide loads. */
    CU_ASSERT_EQUAL_FATAL(make_dir(), 0);
    char path[128];
    snprintf(path, sizeof path, "%s/wide.csv", dir);
    FILE *f = fopen(path, "w");
    for (int row = 0; row < 2; row++)
        for (size_t i = 0; i < sizes[1]; i++)
            fprintf(f, row ? "%zu%s" : "c%zu%s", i,
                    i + 1 < sizes[1] ? "," : "\n");
    fclose(f);
    dataset d;
    data_file_error e;
    CU_ASSERT_EQUAL_FATAL(data_csv_load(path, 0, &d, &e), 0);
    CU_ASSERT_EQUAL(d.cols, sizes[1]);
    CU_ASSERT_EQUAL(d.v[sizes[1] - 1], (double)(sizes[1] - 1));
    dataset_free(&d);
    unlink(path);
    CU_ASSERT_EQUAL(remove_dir(), 0);
}

static void shipped_sets(void)
{
    for (const data_info *i = data_shipped; i->name; i++) {
        char path[4096];
        dataset d;
        data_file_error e;
        CU_ASSERT_EQUAL_FATAL(data_resolve(i->name, path, sizeof path), 0);
        CU_ASSERT_EQUAL_FATAL(data_csv_load(path, 0, &d, &e), 0);
        CU_ASSERT_EQUAL(d.rows, i->rows);
        CU_ASSERT_EQUAL(d.cols, i->cols);
        CU_ASSERT_STRING_EQUAL(d.names[d.cols - 1], i->target);
        dataset_free(&d);
    }
    char path[64];
    CU_ASSERT_EQUAL(data_resolve("my.csv", path, sizeof path), 0);
    CU_ASSERT_STRING_EQUAL(path, "my.csv");
    /* DESCENT_ASSETS overrides where the shipped sets are. */
    setenv("DESCENT_ASSETS", "/nonexistent", 1);
    CU_ASSERT_EQUAL(data_resolve("iris", path, sizeof path), -1);
    setenv("DESCENT_ASSETS", "/tmp", 1);
    CU_ASSERT_EQUAL(data_resolve("iris", path, sizeof path), 0);
    CU_ASSERT_STRING_EQUAL(path, "/tmp/datasets/iris.csv");
    unsetenv("DESCENT_ASSETS");
}

/* Standardised with the training rows' statistics: the training columns
 * have mean 0 and sd 1, the validation rows use the same shift. */
static void split_and_scale(void)
{
    data_options o = data_options_default();
    o.seed = 7;
    data_split s;
    data_file_error e;
    CU_ASSERT_EQUAL_FATAL(data_open("diabetes", 0, &o, &s, &e), 0);
    CU_ASSERT_EQUAL(s.n_train, 354);
    CU_ASSERT_EQUAL(s.n_val, 88);
    CU_ASSERT_EQUAL(s.p, 10);
    CU_ASSERT_STRING_EQUAL(s.target, "progression");
    for (size_t c = 0; c < s.p; c++) {
        double m = 0, ss = 0;
        for (size_t i = 0; i < s.n_train; i++)
            m += s.x_train[i * s.p + c];
        m /= (double)s.n_train;
        for (size_t i = 0; i < s.n_train; i++)
            ss += (s.x_train[i * s.p + c] - m) * (s.x_train[i * s.p + c] - m);
        CU_ASSERT_DOUBLE_EQUAL(m, 0.0, 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(ss / (double)s.n_train, 1.0, 1e-12);
    }
    data_split t;
    CU_ASSERT_EQUAL_FATAL(data_open("diabetes", 0, &o, &t, &e), 0);
    CU_ASSERT_EQUAL(memcmp(s.y_train, t.y_train, 442 * sizeof(double)), 0);
    data_split_free(&t);
    o.seed = 8;
    CU_ASSERT_EQUAL_FATAL(data_open("diabetes", 0, &o, &t, &e), 0);
    CU_ASSERT_NOT_EQUAL(memcmp(s.y_train, t.y_train, 442 * sizeof(double)), 0);
    data_split_free(&t);
    data_split_free(&s);
}

void suite_data_csv(void)
{
    static const test_case tests[] = {
        {"bad files: exact line, column and message", bad_files},
        {"error format", error_format},
        {"a missing file", missing_file},
        {"a good file with BOM, quotes, CRLF", good_file},
        {"the million-row limit", row_limit},
        {"long numbers, quotes over lines", long_numbers_and_quotes},
        {"the header's check is linear", header_is_linear},
        {"the shipped data sets", shipped_sets},
        {"seeded split, training statistics", split_and_scale},
        {NULL, NULL},
    };
    add_suite("data_csv", tests);
}
