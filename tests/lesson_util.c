#include <stdio.h>
#include <string.h>

#include "lesson_util.h"
#include "suites.h"

const char *diag_text(diag_list *d)
{
    static char buf[8192];
    size_t len = 0;
    buf[0] = '\0';
    diag_sort(d);
    for (size_t i = 0; i < d->n && len < sizeof buf; i++) {
        char line[1200];
        diag_format(&d->d[i], line, sizeof line);
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s\n", line);
    }
    return buf;
}

const char *lesson_problems(const char *text, lesson *out)
{
    diag_list d;
    diag_init(&d);
    lesson l;
    lesson_parse(text, strlen(text), NULL, &l, &d);
    const char *r = diag_text(&d);
    diag_free(&d);
    if (out)
        *out = l;
    else
        lesson_free(&l);
    return r;
}

const char *source_path(const char *rel)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", SOURCE_DIR, rel);
    return buf;
}

void load_fixture(const char *name, lesson *l)
{
    char rel[256];
    snprintf(rel, sizeof rel, COURSE_FIXTURE "/%s", name);
    diag_list d;
    diag_init(&d);
    CU_ASSERT_EQUAL_FATAL(lesson_load(source_path(rel), l, &d), 0);
    diag_free(&d);
}

void check_problems(const char *what, size_t i, const char *want,
                    const char *got)
{
    char msg[2048];
    snprintf(msg, sizeof msg, "%s %zu: want\n%sgot\n%s", what, i + 1, want,
             got);
    CHECK_MSG(strcmp(got, want) == 0, msg);
}
