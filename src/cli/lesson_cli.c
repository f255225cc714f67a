#include <limits.h>
#include <string.h>

#include "cli.h"
#include "lesson_cli.h"
#include "player.h"

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

void lint_file(const char *path, const lesson_catalog *cat, FILE *out,
               lint_counts *n)
{
    diag_list d;
    diag_init(&d);
    if (ends_with(path, ".lesson")) {
        lesson l;
        /* The goals are run only when the file is otherwise sound. */
        if (lesson_load(path, &l, &d) == 0)
            lesson_verify(&l, &d);
        lesson_free(&l);
        n->lessons++;
    } else if (ends_with(path, ".demo")) {
        demo dm;
        demo_load(path, cat ? catalog_find_cb : NULL, (void *)cat, &dm, &d);
        demo_free(&dm);
        n->demos++;
    } else {
        diag_add(&d, 0, 0, "not a lesson (.lesson) or demo script (.demo)");
    }
    lint_print(path, &d, out);
    n->problems += d.n + (size_t)d.oom;
    diag_free(&d);
}

int cli_catalog(lesson_catalog *cat)
{
    char dir[PATH_MAX];
    memset(cat, 0, sizeof *cat);
    if (catalog_dir(dir, sizeof dir) < 0 || catalog_load(dir, cat) < 0) {
        fprintf(stderr, "descent: lessons: the lessons directory is not found "
                "(set DESCENT_LESSONS to it)\n");
        return EXIT_FAIL;
    }
    for (size_t i = 0; i < cat->n_bad; i++)
        fprintf(stderr, "descent: %s: has problems, left out (see 'descent "
                "lint %s')\n", cat->bad[i], cat->bad[i]);
    return EXIT_OK;
}

int cli_progress(char *path, size_t cap, progress *p)
{
    memset(p, 0, sizeof *p);
    if (progress_path(path, cap) < 0) {
        fprintf(stderr, "descent: progress: neither XDG_STATE_HOME nor HOME "
                "says where to keep it\n");
        return EXIT_FAIL;
    }
    diag_list d;
    diag_init(&d);
    int rc = progress_load(path, p, &d);
    diag_sort(&d);
    for (size_t i = 0; i < d.n; i++) {
        char line[1200];
        diag_format(&d.d[i], line, sizeof line);
        fprintf(stderr, "descent: %s:%s%s\n", path, d.d[i].line ? "" : " ",
                line);
    }
    diag_free(&d);
    return rc < 0 ? EXIT_FAIL : EXIT_OK;
}

int cli_play(const lesson *l, const demo *d)
{
    if (l)
        fprintf(stderr, "descent: lesson: '%s' is sound, but the lesson player "
                "is not built yet (try 'descent list lessons' or 'descent "
                "lint')\n", l->id);
    else if (d)
        fprintf(stderr, "descent: demo: the script is sound (%zu commands), "
                "but the demo player is not built yet\n", d->n);
    else
        fprintf(stderr, "descent: lesson: the lesson menu is not built yet "
                "(see 'descent list lessons')\n");
    return EXIT_FAIL;
}
