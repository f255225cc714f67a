/* CSV data files, read by a parser of our own (RFC 4180): fields
 * separated by commas, records by LF, CRLF or CR, quoted fields with ""
 * for a quote and line breaks inside. Blank lines are skipped; spaces and
 * tabs around a field are not part of it. Every error names the file, the
 * line and the field (1-based), and a quote left open is reported where
 * it opened.
 *
 * The file is read in large blocks and parsed in place: a record without
 * a quote is split where it lies (the common case, at a few bytes a
 * cycle), one with quotes goes through a small state machine that copies
 * the unquoted text out. Numbers are decimal only (nan, inf and hex
 * floats, which strtod takes, are refused) and read exactly: short ones
 * by one multiplication or division (Clinger's fast path), the rest by
 * strtod. Column names are checked for repeats through a hash table. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "data_csv.h"
#include "quote.h"
#include "grow.h"
#include "name_index.h"

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

enum { BLOCK = 1 << 20 };

typedef struct {
    data_file_error *err;
    bool failed, header_done, full;
    size_t max_rows;
    bool max_rows_given;
    char **names;
    size_t cols, names_cap;
    name_index index;       /* of names */
    double *v;              /* rows × cols, growing */
    size_t rows, cap;
    char *cell;             /* a quoted field without its quotes */
    size_t cell_cap;
} loader;

static void fail(loader *L, long line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    L->failed = true;
    L->err->line = line;
    L->err->column = column;
    vsnprintf(L->err->message, sizeof L->err->message, fmt, ap);
    va_end(ap);
}

/* ---- the header ---- */

static void add_name(loader *L, const char *s, size_t len, long line)
{
    int col = (int)L->cols + 1;
    /* A UTF-8 byte order mark is not part of the first name. */
    if (L->cols == 0 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
        s += 3, len -= 3;
    if (len == 0)
        return fail(L, line, col, "empty column name in the header");
    /* A NUL would end the name early: "a\0b" would pass for "a". */
    if (memchr(s, '\0', len))
        return fail(L, line, col, "column name with a NUL character");
    long seen = name_index_find(&L->index, L->names, s, len);
    if (seen >= 0)
        return fail(L, line, col, "column name '%s' repeated (first in "
                    "column %ld)", QUOTE(L->names[seen]), seen + 1);
    char **names = grow(L->names, &L->names_cap, L->cols, sizeof *names, 16);
    if (!names)
        return fail(L, line, col, "out of memory");
    L->names = names;
    if (!(names[L->cols] = strndup(s, len)) ||
        name_index_add(&L->index, L->names) < 0)
        return fail(L, line, col, "out of memory");
    L->cols++;
}

/* ---- numbers ---- */

static const double POW10[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

typedef enum { CELL_OK, CELL_NOT_NUMBER, CELL_NOT_FINITE } cell_kind;

/* s[0..len) as a decimal number; s[len] must be writable (strtod needs
 * a terminator there and finds the byte as it was). */
static cell_kind read_number(char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len;
    bool neg = p < end && *p == '-';
    if (p < end && (*p == '-' || *p == '+'))
        p++;
    uint64_t w = 0;
    int kept = 0, e10 = 0;
    bool digits = false, exact = true;
    for (int frac = 0; frac < 2; frac++) {
        for (; p < end && *p >= '0' && *p <= '9'; p++) {
            digits = true;
            if (kept < 19) {
                w = 10 * w + (uint64_t)(*p - '0');
                kept += w != 0;
                e10 -= frac;
            } else {
                exact = false;
                e10 += !frac;
            }
        }
        if (frac == 0 && !(p < end && *p == '.'))
            break;
        if (frac == 0)
            p++;
    }
    if (digits && p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        bool eneg = q < end && *q == '-';
        if (q < end && (*q == '-' || *q == '+'))
            q++;
        long x = 0;
        const char *d0 = q;
        for (; q < end && *q >= '0' && *q <= '9'; q++)
            if (x < 100000)
                x = 10 * x + (*q - '0');
        if (q == d0)
            digits = false;
        e10 += (int)(eneg ? -x : x);
        p = q;
    }
    if (!digits || p != end) {
        const char *t = s + (*s == '-' || *s == '+');
        bool special = (size_t)(end - t) >= 3 && (strncasecmp(t, "nan", 3) == 0 ||
                                                  strncasecmp(t, "inf", 3) == 0);
        return special ? CELL_NOT_FINITE : CELL_NOT_NUMBER;
    }
    double x;
    if (exact && w <= (UINT64_C(1) << 53) && e10 >= -22 && e10 <= 22) {
        /* Both operands exact: one rounding, as strtod's. */
        x = e10 < 0 ? (double)w / POW10[-e10] : (double)w * POW10[e10];
        x = neg ? -x : x;
    } else {
        char keep = s[len];
        s[len] = '\0';
        x = strtod(s, NULL);
        s[len] = keep;
    }
    if (!isfinite(x))
        return CELL_NOT_FINITE;
    *out = x;
    return CELL_OK;
}

/* A cell as messages show it (quote.h): narrower than other values. */
enum { CELL_SHOWN = 40 };

static void add_cell(loader *L, size_t field, char *s, size_t len, long line)
{
    int col = (int)field + 1;
    if (field >= L->cols)
        return fail(L, line, col, "row has more fields than the header's %zu",
                    L->cols);
    if (len == 0)
        return fail(L, line, col, "column '%s': empty cell",
                    QUOTE(L->names[field]));
    cell_kind k = read_number(s, len, &L->v[L->rows * L->cols + field]);
    if (k == CELL_OK)
        return;
    fail(L, line, col, "column '%s': %s: '%s'", QUOTE(L->names[field]),
         k == CELL_NOT_FINITE ? "not a finite number" : "not a number",
         QUOTE_WIDTH(s, len, CELL_SHOWN));
}

/* ---- records ---- */

/* White space around a field is not the field's (line breaks inside a
 * quoted field around a number either). */
static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

/* Field `field` of the record on `line`: s[0..len), trimmed. */
static void on_field(loader *L, size_t field, char *s, size_t len, long line)
{
    while (len > 0 && blank(*s))
        s++, len--;
    while (len > 0 && blank(s[len - 1]))
        len--;
    if (!L->header_done)
        add_name(L, s, len, line);
    else
        add_cell(L, field, s, len, line);
}

static int grow_rows(loader *L)
{
    double *v = grow(L->v, &L->cap, L->rows, L->cols * sizeof *v, 256);
    if (!v)
        return -1;
    L->v = v;
    return 0;
}

/* Before a record's first field: the row limit, and room for the row. */
static bool record_begins(loader *L, long line)
{
    if (!L->header_done)
        return true;
    if (!L->max_rows_given && L->rows >= L->max_rows) {
        /* Checked as a row starts, so that a file of a billion rows
         * fails at the row past the limit rather than after reading
         * them all. */
        fail(L, line, 0, "more than %zu data rows (read the first N with "
             "--max-rows N)", L->max_rows);
        return false;
    }
    if (grow_rows(L) < 0) {
        fail(L, line, 0, "out of memory");
        return false;
    }
    return true;
}

static void record_ends(loader *L, size_t fields, long line)
{
    if (L->failed)
        return;
    if (!L->header_done) {
        L->header_done = true;
    } else if (fields != L->cols) {
        fail(L, line, (int)fields + 1, "row has %zu field%s, the header has "
             "%zu", fields, fields == 1 ? "" : "s", L->cols);
    } else if (++L->rows == L->max_rows && L->max_rows_given) {
        L->full = true;
    }
}

/* ---- reading ---- */

typedef struct {
    FILE *f;
    char *buf;
    size_t cap, len, pos;   /* buf[pos..len) is unread; buf[len] is room */
    bool eof, error;
    long line;              /* the line buf[pos] is on */
} input;

/* Keeps the unread bytes and reads a block more (the buffer doubles when
 * the unread part fills it). Returns the bytes read: 0 at the end. */
static size_t fill(input *in)
{
    memmove(in->buf, in->buf + in->pos, in->len - in->pos);
    in->len -= in->pos;
    in->pos = 0;
    if (in->len + BLOCK + 1 > in->cap) {
        char *b = realloc(in->buf, 2 * in->cap);
        if (!b) {
            in->error = true;
            errno = ENOMEM;
            return 0;
        }
        in->buf = b;
        in->cap *= 2;
    }
    size_t n = fread(in->buf + in->len, 1, in->cap - in->len - 1, in->f);
    in->len += n;
    if (n == 0) {
        in->eof = true;
        in->error = ferror(in->f) != 0;
    }
    return n;
}

/* The end of the line at p (before end): its first CR or LF, or end. */
static char *line_end(char *p, char *end)
{
    char *lf = memchr(p, '\n', (size_t)(end - p));
    char *cr = memchr(p, '\r', (size_t)((lf ? lf : end) - p));
    return cr ? cr : lf ? lf : end;
}

/* Past the line break at e (CR, LF or CRLF). */
static char *past_break(char *e, char *end)
{
    if (e < end && *e == '\r') {
        if (++e < end && *e == '\n')
            e++;
    } else if (e < end && *e == '\n') {
        e++;
    }
    return e;
}

/* A record without quotes, [p, e) on one line: split where it lies. */
static void plain_record(loader *L, char *p, char *e, long line)
{
    if (!record_begins(L, line))
        return;
    size_t field = 0;
    for (;;) {
        char *comma = memchr(p, ',', (size_t)(e - p));
        char *stop = comma ? comma : e;
        on_field(L, field++, p, (size_t)(stop - p), line);
        if (!comma || L->failed)
            break;
        p = comma + 1;
    }
    record_ends(L, field, line);
}

typedef enum { AT_START, UNQUOTED, QUOTED, AFTER_QUOTE } quote_state;

/* A record with quotes from p. A first pass (emit false) only finds its
 * end and its errors; the second, knowing it is whole, hands the fields
 * over, quotes removed. Returns where the record ends (after its line
 * break), or NULL when it runs past the buffer's end before the file's
 * (read more and try again). */
static char *quoted_record(loader *L, char *p, char *end, bool at_eof,
                           long *line, bool emit)
{
    quote_state st = AT_START;
    size_t field = 0, k = 0;
    long ln = *line, open_line = 0, field_line = ln;
    int open_col = 0;
    if (emit && !record_begins(L, ln))
        return end;
    for (;; p++) {
        bool eol = p == end || *p == '\n' || *p == '\r';
        if (p == end && st == QUOTED && !at_eof)
            return NULL;
        if (st == QUOTED) {
            if (p == end) {
                fail(L, open_line, open_col, "malformed CSV: the quote "
                     "opened here is never closed");
                return end;
            }
            if (*p == '"' && p + 1 == end && !at_eof)
                return NULL; /* "" or " then ','? the next block says */
            if (*p == '"' && p + 1 < end && p[1] == '"')
                p++;
            else if (*p == '"') {
                st = AFTER_QUOTE;
                continue;
            } else if (*p == '\n' || (*p == '\r' && p + 1 < end &&
                                      p[1] != '\n'))
                ln++;
            if (emit)
                L->cell[k++] = *p;
            continue;
        }
        if (p == end && !at_eof)
            return NULL;
        if (eol || *p == ',') {
            if (emit) {
                L->cell[k] = '\0';
                on_field(L, field, L->cell, k, field_line);
                if (L->failed)
                    return end;
            }
            field++;
            k = 0;
            st = AT_START;
            field_line = ln;
            if (eol)
                break;
            continue;
        }
        if (st == AFTER_QUOTE && !blank(*p)) {
            fail(L, ln, (int)field + 1, "malformed CSV: '%s' after a closing "
                 "quote (a quote inside quotes is written \"\")",
                 QUOTE_WIDTH(p, 1, 4));
            return end;
        }
        if (*p == '"' && st == AT_START) {
            st = QUOTED;
            open_line = ln;
            open_col = (int)field + 1;
            k = 0; /* blanks before the quote are not the field's */
            continue;
        }
        if (*p == '"') {
            fail(L, ln, (int)field + 1, "malformed CSV: '\"' inside a field "
                 "not in quotes (quote the whole field and write \"\")");
            return end;
        }
        if (!blank(*p) && st == AT_START)
            st = UNQUOTED;
        if (emit && st != AFTER_QUOTE)
            L->cell[k++] = *p;
    }
    if (emit) {
        record_ends(L, field, ln);
        *line = ln;
    }
    return past_break(p, end);
}

/* Room in L->cell for a record of n bytes. */
static int cell_room(loader *L, size_t n)
{
    if (n + 1 <= L->cell_cap)
        return 0;
    char *c = realloc(L->cell, n + 1);
    if (!c)
        return -1;
    L->cell = c;
    L->cell_cap = n + 1;
    return 0;
}

static bool blank_line(const char *p, const char *e)
{
    while (p < e && blank(*p))
        p++;
    return p == e;
}

/* Parses the next record (or blank line) at in->pos; false when there
 * is nothing more to read or parsing must stop. */
static bool next_record(loader *L, input *in)
{
    for (;;) {
        char *p = in->buf + in->pos, *end = in->buf + in->len;
        char *e = line_end(p, end);
        /* A line needs its break (a CR may be half of a CRLF), except at
         * the end of the file. */
        if ((e == end || e + 1 == end) && !in->eof) {
            if (fill(in) == 0 && in->error)
                return false;
            continue;
        }
        if (p == end)
            return false;
        if (memchr(p, '"', (size_t)(e - p))) {
            if (cell_room(L, (size_t)(end - p)) < 0) {
                fail(L, in->line, 0, "out of memory");
                return false;
            }
            long ln = in->line;
            char *next = quoted_record(L, p, end, in->eof, &ln, false);
            if (!next && !in->eof) {
                if (fill(in) == 0 && in->error)
                    return false;
                continue;
            }
            if (L->failed)
                return false;
            next = quoted_record(L, p, end, in->eof, &in->line, true);
            in->line++;
            in->pos = (size_t)(next - in->buf);
            return !L->failed && !L->full;
        }
        if (!blank_line(p, e))
            plain_record(L, p, e, in->line);
        in->line++;
        in->pos = (size_t)(past_break(e, end) - in->buf);
        return !L->failed && !L->full;
    }
}

static int finish(loader *L, dataset *out)
{
    if (!L->failed && !L->header_done)
        fail(L, 1, 0, "empty file: expected a header line of column names");
    else if (!L->failed && L->rows == 0)
        fail(L, 1, 0, "no data rows after the header");
    name_index_free(&L->index);
    free(L->cell);
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
    input in = {.f = f, .cap = 2 * BLOCK + 1, .line = 1};
    if (!(in.buf = malloc(in.cap))) {
        fclose(f);
        fail(&L, 0, 0, "out of memory");
        return finish(&L, out);
    }
    errno = 0;
    while (next_record(&L, &in))
        ;
    if (!L.failed && in.error)
        fail(&L, 0, 0, "read error: %s", strerror(errno ? errno : EIO));
    free(in.buf);
    fclose(f);
    return finish(&L, out);
}
