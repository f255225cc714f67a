/* CSV files read with libcsv, fed one physical line at a time so that
 * every error knows its line number. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "data_csv.h"
#include "quote.h"
#include "grow.h"

void data_file_error_format(const data_file_error *e, char *buf, size_t cap)
{
    if (e->line == 0)
        snprintf(buf, cap, "%s: %s", e->file, e->message);
    else if (e->column > 0)
        snprintf(buf, cap, "%s:%ld:%d: %s", e->file, e->line, e->column,
                 e->message);
    else
        snprintf(buf, cap, "%s:%ld: %s", e->file, e->line, e->message);
}

typedef struct {
    data_file_error *err;
    bool failed, header_done, full;
    long line;            /* the physical line being fed */
    size_t field;         /* fields of the current record so far */
    size_t max_rows;
    bool max_rows_given;
    char **names;
    size_t cols;
    double *v;            /* rows*cols, growing */
    size_t rows, cap;     /* rows done, room in v in rows */
} loader;

/* A cell as messages show it (quote.h): narrower than other values. */
enum { CELL_SHOWN = 40 };

static void fail(loader *L, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    L->failed = true;
    L->err->line = L->line;
    L->err->column = column;
    vsnprintf(L->err->message, sizeof L->err->message, fmt, ap);
    va_end(ap);
}

static void add_name(loader *L, const char *s, size_t len)
{
    int col = (int)L->field + 1;
    /* A UTF-8 byte order mark is not part of the first name. */
    if (L->field == 0 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
        s += 3, len -= 3;
    if (len == 0)
        return fail(L, col, "empty column name in the header");
    /* A NUL would end the name early: "a\0b" would pass for "a". */
    if (memchr(s, '\0', len))
        return fail(L, col, "column name with a NUL character");
    for (size_t c = 0; c < L->cols; c++)
        if (strlen(L->names[c]) == len && memcmp(L->names[c], s, len) == 0)
            return fail(L, col, "column name '%s' repeated (first in "
                        "column %zu)", QUOTE(L->names[c]), c + 1);
    char **names = realloc(L->names, (L->cols + 1) * sizeof *names);
    if (!names)
        return fail(L, col, "out of memory");
    L->names = names;
    if (!(names[L->cols] = strndup(s, len)))
        return fail(L, col, "out of memory");
    L->cols++;
}

/* A decimal number: digits, sign, point and exponent only, so that
 * "nan", "inf" and hexadecimal floats, which strtod takes, are refused. */
/* A bad cell s (len bytes) of the current column: "column 'NAME': what"
 * and, with s, the cell, both quoted (quote.h). */
static void cell_fail(loader *L, const char *what, const char *s, size_t len)
{
    fail(L, (int)L->field + 1, "column '%s': %s%s%s%s",
         QUOTE(L->names[L->field]), what, s ? ": '" : "",
         s ? QUOTE_WIDTH(s, len, CELL_SHOWN) : "", s ? "'" : "");
}

static void add_cell(loader *L, const char *s, size_t len)
{
    if (L->field >= L->cols)
        return fail(L, (int)L->field + 1, "row has more fields than the "
                    "header's %zu", L->cols);
    while (len > 0 && isspace((unsigned char)*s))
        s++, len--;
    while (len > 0 && isspace((unsigned char)s[len - 1]))
        len--;
    if (len == 0)
        return cell_fail(L, "empty cell", NULL, 0);
    bool alnum_ok = strspn(s, "0123456789+-.eE") >= len;
    char buf[128], *end;
    double x = NAN;
    if (alnum_ok && len < sizeof buf) {
        memcpy(buf, s, len);
        buf[len] = 0;
        errno = 0;
        x = strtod(buf, &end);
        alnum_ok = end == buf + len && end != buf;
    }
    if (!alnum_ok) {
        const char *t = s + (*s == '-' || *s == '+');
        bool special = strncasecmp(t, "nan", 3) == 0 ||
                       strncasecmp(t, "inf", 3) == 0;
        return cell_fail(L, special ? "not a finite number" : "not a number",
                         s, len);
    }
    if (!isfinite(x))
        return cell_fail(L, "not a finite number", s, len);
    L->v[L->rows * L->cols + L->field] = x;
}

static void on_field(void *s, size_t len, void *data)
{
    loader *L = data;
    if (L->failed || L->full)
        return;
    if (!L->header_done)
        add_name(L, s, len);
    else if (L->field == 0 && !L->max_rows_given && L->rows >= L->max_rows)
        /* Checked as a row starts, so that a file of a billion rows fails
         * at the row past the limit rather than after reading them all. */
        fail(L, 0, "more than %zu data rows (read the first N with "
             "--max-rows N)", L->max_rows);
    else
        add_cell(L, s, len);
    L->field++;
}

static int grow_rows(loader *L)
{
    double *v = grow(L->v, &L->cap, L->rows, L->cols * sizeof *v, 256);
    if (!v)
        return -1;
    L->v = v;
    return 0;
}

static void on_record(int c, void *data)
{
    (void)c;
    loader *L = data;
    size_t fields = L->field;
    L->field = 0;
    if (L->failed || L->full)
        return;
    if (!L->header_done) {
        L->header_done = true;
    } else if (fields != L->cols) {
        return fail(L, (int)fields + 1, "row has %zu field%s, the header "
                    "has %zu", fields, fields == 1 ? "" : "s", L->cols);
    } else if (++L->rows == L->max_rows && L->max_rows_given) {
        L->full = true;
        return;
    }
    if (grow_rows(L) < 0)
        return fail(L, 0, "out of memory");
}

static int finish(loader *L, dataset *out)
{
    if (!L->failed && !L->header_done) {
        L->line = 1;
        fail(L, 0, "empty file: expected a header line of column names");
    } else if (!L->failed && L->rows == 0) {
        L->line = 1;
        fail(L, 0, "no data rows after the header");
    }
    if (L->failed) {
        for (size_t c = 0; c < L->cols; c++)
            free(L->names[c]);
        free(L->names);
        free(L->v);
        return -1;
    }
    *out = (dataset){.rows = L->rows, .cols = L->cols, .names = L->names,
                     .v = L->v};
    return 0;
}

FILE *data_file_open(const char *path, data_file_error *err)
{
    memset(err, 0, sizeof *err);
    snprintf(err->file, sizeof err->file, "%s", path);
    FILE *f = fopen(path, "r");
    if (!f)
        snprintf(err->message, sizeof err->message, "cannot open: %s",
                 strerror(errno));
    return f;
}

int data_csv_load(const char *path, size_t max_rows, dataset *out,
                  data_file_error *err)
{
    memset(out, 0, sizeof *out);
    FILE *f = data_file_open(path, err);
    if (!f)
        return -1;
    loader L = {.err = err, .max_rows = max_rows ? max_rows
                                                 : DATA_MAX_ROWS_DEFAULT,
                .max_rows_given = max_rows != 0};
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_APPEND_NULL);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    errno = 0;
    while (!L.failed && !L.full && (len = getline(&line, &cap, f)) > 0) {
        L.line++;
        if (csv_parse(&p, line, (size_t)len, on_field,
                                   on_record, &L) != (size_t)len)
            fail(&L, 0, "malformed CSV: %s", csv_strerror(csv_error(&p)));
    }
    if (!L.failed && !L.full && csv_fini(&p, on_field, on_record, &L) != 0)
        fail(&L, 0, "malformed CSV: %s", csv_strerror(csv_error(&p)));
    if (!L.failed && (ferror(f) || errno == ENOMEM))
        fail(&L, 0, "read error: %s", strerror(errno));
    csv_free(&p);
    free(line);
    fclose(f);
    return finish(&L, out);
}
