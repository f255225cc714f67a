/* Traces are read strictly: a replay of a damaged file must say where it
 * is damaged rather than draw something wrong. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "grow.h"
#include "trace_read.h"

static int fail(trace_read_error *e, long line, long col, const char *fmt, ...)
{
    va_list ap;
    e->line = line;
    e->column = col;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    return -1;
}

static int add_name(trace_data *t, const char *name, size_t len)
{
    char **names = realloc(t->names, (t->cols + 1) * sizeof *names);
    if (!names)
        return -1;
    t->names = names;
    t->names[t->cols] = strndup(name, len);
    return t->names[t->cols++] ? 0 : -1;
}

/* Room for one more row; *cap counts rows. */
static double *new_row(trace_data *t, size_t *cap)
{
    double *v = grow(t->v, cap, t->rows, t->cols * sizeof *v, 1024);
    if (!v)
        return NULL;
    t->v = v;
    return v + t->rows * t->cols;
}

/* CSV numbers: decimal or nan/inf/-inf, as the writer makes them. */
static bool csv_number(const char *s, size_t len, double *out)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (strcmp(buf, "nan") == 0 || strcmp(buf, "-nan") == 0) {
        *out = NAN;
        return true;
    }
    if (strcmp(buf, "inf") == 0 || strcmp(buf, "-inf") == 0) {
        *out = buf[0] == '-' ? -INFINITY : INFINITY;
        return true;
    }
    if (strpbrk(buf, "xXnNiI"))
        return false;
    char *end;
    errno = 0;
    *out = strtod(buf, &end);
    return *end == '\0' && !(errno == ERANGE && fabs(*out) > 1.0);
}

static int read_csv(FILE *f, trace_data *t, trace_read_error *err)
{
    char *line = NULL;
    size_t lcap = 0, cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = -1;
    while ((n = getline(&line, &lcap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (lineno == 1) {
            for (char *p = line;;) {
                char *c = strchr(p, ',');
                size_t len = c ? (size_t)(c - p) : strlen(p);
                if (len == 0) {
                    fail(err, 1, p - line + 1, "empty column name");
                    goto out;
                }
                if (add_name(t, p, len) < 0)
                    goto oom;
                if (!c)
                    break;
                p = c + 1;
            }
            if (trace_data_col(t, "step") != 0) {
                fail(err, 1, 1, "not a descent trace: the first column must be 'step'");
                goto out;
            }
            continue;
        }
        if (n == 0) {
            fail(err, lineno, 1, "empty line");
            goto out;
        }
        double *row = new_row(t, &cap);
        if (!row)
            goto oom;
        char *p = line;
        for (size_t c = 0; c < t->cols; c++) {
            char *comma = strchr(p, ',');
            size_t len = comma ? (size_t)(comma - p) : strlen(p);
            if (!csv_number(p, len, &row[c])) {
                fail(err, lineno, p - line + 1, "'%.*s' is not a number (column %s)",
                     (int)(len > 40 ? 40 : len), p, t->names[c]);
                goto out;
            }
            if (!comma && c + 1 < t->cols) {
                fail(err, lineno, (long)strlen(line) + 1,
                     "%zu values, the header has %zu columns", c + 1, t->cols);
                goto out;
            }
            if (comma && c + 1 == t->cols) {
                fail(err, lineno, comma - line + 1,
                     "more values than the header's %zu columns", t->cols);
                goto out;
            }
            p = comma ? comma + 1 : p + len;
        }
        t->rows++;
    }
    if (lineno == 0)
        fail(err, 0, 0, "empty file");
    else
        rc = 0;
    goto out;
oom:
    fail(err, lineno, 0, "out of memory");
out:
    free(line);
    return rc;
}

static char *dup_string(json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? strdup(s) : NULL;
}

/* A count from a JSON number: a whole number in 0..1e15, else dflt (a
 * cast of 1e300 to long would be undefined). */
static long whole_number(json_t *v, long dflt)
{
    double x = json_number_value(v);
    if (!json_is_number(v) || !(x >= 0.0 && x <= 1e15) || x != floor(x))
        return dflt;
    return (long)x;
}

static int jsonl_header(json_t *h, trace_data *t, long lineno,
                        trace_read_error *err)
{
    if (!json_is_object(h) || !json_is_string(json_object_get(h, "type")) ||
        strcmp(json_string_value(json_object_get(h, "type")), "header") != 0)
        return fail(err, lineno, 1, "not a descent trace: the first record must be the header");
    if (json_number_value(json_object_get(h, "format")) != 1.0)
        return fail(err, lineno, 1, "unsupported trace format (this program reads format 1)");
    json_t *cols = json_object_get(h, "columns");
    size_t i;
    json_t *c;
    if (!json_is_array(cols) || json_array_size(cols) == 0)
        return fail(err, lineno, 1, "header has no columns");
    json_array_foreach(cols, i, c) {
        const char *s = json_string_value(c);
        if (!s)
            return fail(err, lineno, 1, "header column %zu is not a name", i + 1);
        if (add_name(t, s, strlen(s)) < 0)
            return fail(err, lineno, 1, "out of memory");
    }
    t->objective = dup_string(h, "objective");
    t->optimizer = dup_string(h, "optimizer");
    t->model = dup_string(h, "model");
    t->dim = whole_number(json_object_get(h, "dim"), 0);
    return 0;
}

static int jsonl_step(json_t *rec, trace_data *t, size_t *cap, long lineno,
                      trace_read_error *err)
{
    double *row = new_row(t, cap);
    if (!row)
        return fail(err, lineno, 1, "out of memory");
    for (size_t c = 0; c < t->cols; c++) {
        json_t *v = json_object_get(rec, t->names[c]);
        if (json_is_null(v))
            row[c] = NAN;
        else if (json_is_number(v))
            row[c] = json_number_value(v);
        else
            return fail(err, lineno, 1, "step record lacks a number for '%s'", t->names[c]);
    }
    t->rows++;
    return 0;
}

static int jsonl_end(json_t *rec, trace_data *t, long lineno,
                     trace_read_error *err)
{
    static const char *const known[] = {"converged", "diverged", "max_steps",
                                        "stopped"};
    const char *status = json_string_value(json_object_get(rec, "status"));
    bool ok = false;
    for (size_t i = 0; status && i < sizeof known / sizeof known[0]; i++)
        ok = ok || strcmp(status, known[i]) == 0;
    if (!ok)
        return fail(err, lineno, 1, "end record without a known status");
    t->status = strdup(status);
    t->end_steps = whole_number(json_object_get(rec, "steps"), -1);
    t->reason = dup_string(rec, "reason");
    return t->status ? 0 : fail(err, lineno, 1, "out of memory");
}

static int read_jsonl(FILE *f, trace_data *t, trace_read_error *err)
{
    char *line = NULL;
    size_t lcap = 0, cap = 0;
    long lineno = 0;
    int rc = 0;
    ssize_t n;
    while (rc == 0 && (n = getline(&line, &lcap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        json_error_t je;
        json_t *rec = json_loads(line, JSON_DECODE_ANY | JSON_DECODE_INT_AS_REAL, &je);
        if (!rec) {
            /* At the end of the text jansson's column is -1; the
             * position (bytes read) points just past the last one. */
            long col = je.column > 0 ? je.column : (long)je.position + 1;
            rc = fail(err, lineno, col, "%s", je.text);
            break;
        }
        const char *type = json_string_value(json_object_get(rec, "type"));
        if (lineno == 1)
            rc = jsonl_header(rec, t, lineno, err);
        else if (t->status)
            rc = fail(err, lineno, 1, "record after the end record");
        else if (type && strcmp(type, "step") == 0)
            rc = jsonl_step(rec, t, &cap, lineno, err);
        else if (type && strcmp(type, "end") == 0)
            rc = jsonl_end(rec, t, lineno, err);
        else
            rc = fail(err, lineno, 1, "unknown record type");
        json_decref(rec);
    }
    if (rc == 0 && lineno == 0)
        rc = fail(err, 0, 0, "empty file");
    free(line);
    return rc;
}

int trace_read(const char *path, trace_data *t, trace_read_error *err)
{
    memset(t, 0, sizeof *t);
    memset(err, 0, sizeof *err);
    t->end_steps = -1;
    if (trace_format_from_path(path, &t->fmt) < 0 || strcmp(path, "-") == 0)
        return fail(err, 0, 0, "the file name must end in .csv or .jsonl");
    FILE *f = fopen(path, "r");
    if (!f)
        return fail(err, 0, 0, "%s", strerror(errno));
    int rc = t->fmt == TRACE_CSV ? read_csv(f, t, err) : read_jsonl(f, t, err);
    fclose(f);
    if (rc < 0)
        trace_data_free(t);
    return rc;
}

void trace_data_free(trace_data *t)
{
    for (size_t c = 0; c < t->cols; c++)
        free(t->names[c]);
    free(t->names);
    free(t->v);
    free(t->objective);
    free(t->optimizer);
    free(t->model);
    free(t->status);
    free(t->reason);
    memset(t, 0, sizeof *t);
    t->end_steps = -1;
}

int trace_data_col(const trace_data *t, const char *name)
{
    for (size_t c = 0; c < t->cols; c++)
        if (strcmp(t->names[c], name) == 0)
            return (int)c;
    return -1;
}

/* The 1-based column at which a CSV header's name c starts. */
static long name_column(const trace_data *t, size_t c)
{
    if (t->fmt != TRACE_CSV)
        return 1;
    long at = 1;
    for (size_t i = 0; i < c; i++)
        at += (long)strlen(t->names[i]) + 1;
    return at;
}

static bool x_name(const char *s, size_t i)
{
    char want[24];
    snprintf(want, sizeof want, "x%zu", i);
    return strcmp(s, want) == 0;
}

int trace_data_check(const trace_data *t, trace_read_error *err)
{
    static const char *const base[] = {"step", "loss", "grad_norm", "clipped",
                                       "lr", "hypergrad", "lr_clamped",
                                       "update_norm"};
    static const char *const extra[] = {"val_loss", "train_acc", "val_acc",
                                        "batch_loss", "evals", "gevals"};
    enum { NBASE = sizeof base / sizeof base[0] };
    memset(err, 0, sizeof *err);
    size_t c = 0;
    for (; c < NBASE; c++) {
        if (c == t->cols)
            return fail(err, 1, t->fmt == TRACE_CSV ? name_column(t, c) - 1 : 1,
                        "not a descent trace: the columns end before '%s'",
                        base[c]);
        if (strcmp(t->names[c], base[c]) != 0)
            return fail(err, 1, name_column(t, c),
                        "not a descent trace: column %zu must be '%s', not '%s'",
                        c + 1, base[c], t->names[c]);
    }
    for (size_t x = 0; c < t->cols && x_name(t->names[c], x); x++)
        c++;
    for (size_t e = 0; c < t->cols; c++) {
        while (e < sizeof extra / sizeof extra[0] &&
               strcmp(t->names[c], extra[e]) != 0)
            e++;
        if (e == sizeof extra / sizeof extra[0])
            return fail(err, 1, name_column(t, c),
                        "not a descent trace: unexpected column '%s'",
                        t->names[c]);
    }
    if (t->rows == 0)
        return fail(err, 0, 0, "the trace has no rows");
    for (size_t i = 0; i < t->rows; i++)
        if (t->v[i * t->cols] != (double)i)
            return fail(err, (long)i + 2, 1, "step %.17g where %zu was expected",
                        t->v[i * t->cols], i);
    return 0;
}
