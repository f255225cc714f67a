#include <string.h>

#include "lesson.h"
#include "player.h"
#include "lint.h"

void lint_print(const char *path, diag_list *d, FILE *out)
{
    diag_sort(d);
    for (size_t i = 0; i < d->n; i++) {
        char line[1200];
        diag_format(&d->d[i], line, sizeof line);
        fprintf(out, "%s:%s%s\n", path, d->d[i].line ? "" : " ", line);
    }
    if (d->oom)
        fprintf(out, "%s: out of memory (some problems are not shown)\n", path);
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

size_t lint_file(const char *path, FILE *out, lint_counts *n)
{
    diag_list d;
    diag_init(&d);
    if (ends_with(path, ".lesson")) {
        lesson l;
        if (lesson_load(path, &l, &d) == 0)
            lesson_verify(&l, &d);
        lesson_free(&l);
        n->lessons++;
    } else {
        diag_add(&d, 0, 0, "not a lesson (.lesson) or demo script (.demo)");
    }
    lint_print(path, &d, out);
    size_t k = d.n + (size_t)d.oom;
    n->problems += k;
    diag_free(&d);
    return k;
}
