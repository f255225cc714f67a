#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ref_csv.h"
#include "suites.h"

int ref_load(const char *file, ref_table *t)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(ref_path(file), "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0, vcap = 0;
    int rc = -1;
    if (getline(&line, &cap, f) < 0)
        goto out;
    line[strcspn(line, "\r\n")] = 0;
    for (char *tok = strtok(line, ","); tok; tok = strtok(NULL, ",")) {
        t->names = realloc(t->names, (t->cols + 1) * sizeof *t->names);
        t->names[t->cols++] = strdup(tok);
    }
    while (getline(&line, &cap, f) > 0) {
        if (line[0] == '\n')
            continue;
        if ((t->rows + 1) * t->cols > vcap) {
            vcap = vcap ? 2 * vcap : 1024;
            t->v = realloc(t->v, vcap * sizeof *t->v);
        }
        char *p = line;
        for (size_t c = 0; c < t->cols; c++) {
            char *end;
            t->v[t->rows * t->cols + c] = strtod(p, &end);
            if (end == p)
                goto out;
            p = end + 1;
        }
        t->rows++;
    }
    rc = 0;
out:
    free(line);
    fclose(f);
    return rc;
}

void ref_free(ref_table *t)
{
    for (size_t c = 0; c < t->cols; c++)
        free(t->names[c]);
    free(t->names);
    free(t->v);
}

int ref_col(const ref_table *t, const char *name)
{
    for (size_t c = 0; c < t->cols; c++)
        if (strcmp(t->names[c], name) == 0)
            return (int)c;
    return -1;
}

double ref_at(const ref_table *t, size_t row, int col)
{
    return t->v[row * t->cols + (size_t)col];
}
