#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbers.h"
#include "quote.h"
#include "grow.h"

static int fail(data_file_error *err, long line, int col, const char *what,
                const char *tok)
{
    err->line = line;
    err->column = col;
    snprintf(err->message, sizeof err->message, "%s: '%s'", what,
             QUOTE(tok));
    return -1;
}

static int parse_line(char *line, long lineno, double **v, size_t *n,
                      size_t *cap, data_file_error *err)
{
    line[strcspn(line, "#\r\n")] = 0;
    char *save = NULL;
    int col = 0;
    for (char *tok = strtok_r(line, ", \t", &save); tok;
         tok = strtok_r(NULL, ", \t", &save)) {
        col++;
        char *end;
        errno = 0;
        double x = strtod(tok, &end);
        if (*end || end == tok || strspn(tok, "0123456789+-.eE") != strlen(tok))
            return fail(err, lineno, col, "not a number", tok);
        if (!isfinite(x))
            return fail(err, lineno, col, "not a finite number", tok);
        double *nv = grow(*v, cap, *n, sizeof *nv, 1024);
        if (!nv)
            return fail(err, lineno, col, "out of memory", tok);
        *v = nv;
        (*v)[(*n)++] = x;
    }
    return 0;
}

int numbers_read(const char *path, double **out, size_t *n,
                 data_file_error *err)
{
    *out = NULL;
    *n = 0;
    FILE *f = data_file_open(path, err);
    if (!f)
        return -1;
    char *line = NULL;
    size_t lcap = 0, cap = 0;
    long lineno = 0;
    int rc = 0;
    errno = 0;
    while (rc == 0 && getline(&line, &lcap, f) >= 0)
        rc = parse_line(line, ++lineno, out, n, &cap, err);
    /* A directory, an I/O error or memory ends getline too: that is not
     * a file without numbers. */
    if (rc == 0 && (ferror(f) || errno == ENOMEM)) {
        err->line = 0;
        err->column = 0;
        snprintf(err->message, sizeof err->message, "read error: %s",
                 strerror(errno ? errno : EIO));
        rc = -1;
    } else if (rc == 0 && *n == 0) {
        snprintf(err->message, sizeof err->message, "no numbers");
        rc = -1;
    }
    free(line);
    fclose(f);
    if (rc < 0) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return rc;
}
