#include <limits.h>
#include <string.h>

#include "cli.h"
#include "quote.h"
#include "lesson_cli.h"
#include "lesson_tui.h"
#include "lesson_play.h"

void lint_print(const char *path, diag_list *d, FILE *out)
{
    /* On stderr the problems are errors of the command, said as every
     * error is; lint's report on stdout is the file's. */
    const char *who = out == stderr ? "descent: " : "";
    diag_sort(d);
    for (size_t i = 0; i < d->n; i++) {
        char line[1200], all[QUOTE_CAP + sizeof line + 16];
        diag_format(&d->d[i], line, sizeof line);
        snprintf(all, sizeof all, "%s%s:%s%s", who, QUOTE(path),
                 d->d[i].line ? "" : " ", line);
        cli_line(out, all);
    }
    if (d->oom)
        fprintf(out, "%s%s: out of memory (some problems are not shown)\n",
                who, QUOTE(path));
}

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

typedef struct {
    const char *path;
    FILE *out;
    lint_counts *n;
} lint_ctx;

static void print_verdict(void *ctx, const play_verdict *v)
{
    lint_ctx *c = ctx;
    c->n->played++;
    c->n->failed += !v->ok;
    if (v->ok)
        fprintf(c->out, "%s:%d: %s: ok\n", c->path, v->line, v->step);
    else
        fprintf(c->out, "%s:%d: %s: FAILS: %s\n", c->path, v->line, v->step,
                v->why);
}

/* A lesson's next: must name a shipped lesson. */
static void next_known(const lesson *l, const lesson_catalog *cat,
                       diag_list *d)
{
    if (!l->next || !cat || catalog_find(cat, l->next))
        return;
    char tail[160];
    diag_add(d, l->next_line, l->next_column, "next: unknown lesson '%s'%s",
             l->next, catalog_suggest(cat, l->next, tail, sizeof tail,
                                      "see 'descent list lessons'"));
}

void lint_file(const char *path, const lesson_catalog *cat, bool play,
               FILE *out, lint_counts *n)
{
    diag_list d;
    diag_init(&d);
    lint_ctx ctx = {path, out, n};
    lesson_budget budget = LESSON_PLAY_BUDGET;
    if (ends_with(path, ".lesson")) {
        lesson l;
        int rc = lesson_load(path, &l, &d);
        if (rc == 0)
            next_known(&l, cat, &d);
        lint_print(path, &d, out);
        if (rc == 0 && !d.n && play)
            lesson_play(&l, &budget, print_verdict, &ctx);
        lesson_free(&l);
        n->lessons++;
    } else if (ends_with(path, ".demo")) {
        demo dm;
        int rc = demo_load(path, cat ? catalog_find_cb : NULL, (void *)cat,
                           &dm, &d);
        lint_print(path, &d, out);
        if (rc == 0 && play)
            demo_play_checks(&dm, cat ? catalog_find_cb : NULL, (void *)cat,
                             &budget, print_verdict, &ctx);
        demo_free(&dm);
        n->demos++;
    } else {
        diag_add(&d, 0, 0, "not a lesson (.lesson) or demo script (.demo)");
        lint_print(path, &d, out);
    }
    n->problems += d.n + (size_t)d.oom;
    diag_free(&d);
}

int cli_catalog(lesson_catalog *cat)
{
    char dir[PATH_MAX];
    memset(cat, 0, sizeof *cat);
    if (catalog_dir(dir, sizeof dir) < 0 || catalog_load(dir, cat) < 0) {
        cli_say("lessons: the lessons directory is not found (set "
                "DESCENT_LESSONS to it)");
        return EXIT_FAIL;
    }
    for (size_t i = 0; i < cat->n_bad; i++)
        cli_say("%s: has problems, left out (see 'descent lint %s')",
                QUOTE(cat->bad[i]), QUOTE(cat->bad[i]));
    return EXIT_OK;
}

int cli_progress(char *path, size_t cap, progress *p)
{
    memset(p, 0, sizeof *p);
    if (progress_path(path, cap) < 0) {
        cli_say("progress: neither XDG_STATE_HOME nor HOME says where to "
                "keep it");
        return EXIT_FAIL;
    }
    diag_list d;
    diag_init(&d);
    int rc = progress_load(path, p, &d);
    diag_sort(&d);
    for (size_t i = 0; i < d.n; i++) {
        char line[1200];
        diag_format(&d.d[i], line, sizeof line);
        cli_say("%s:%s%s", QUOTE(path), d.d[i].line ? "" : " ", line);
    }
    diag_free(&d);
    return rc < 0 ? EXIT_FAIL : EXIT_OK;
}

int cli_recording_option(cli_recording *r, int id, const char *v)
{
    switch (id) {
    case CLI_RECORD_OPTION: r->rec.path = v; return 0;
    case CLI_FORCE_OPTION: r->rec.force = true; return 0;
    }
    if (cli_size("--size", v, &r->cols, &r->rows) != 0)
        return EXIT_USAGE;
    /* The screen's smallest layout, up to what a player shows. */
    if (r->cols < 80 || r->rows < 24 || r->cols > 1000 || r->rows > 500)
        return cli_error("--size", "%dx%d: from 80x24 up to 1000x500 "
                         "characters", r->cols, r->rows);
    return 0;
}

int cli_recording_check(cli_recording *r)
{
    if (r->cols && !r->rec.path)
        return cli_error("--size", "only with --record (a terminal has its "
                         "own size)");
    if (r->rec.path)
        return cli_check_out("--record", r->rec.path, ".cast", r->rec.force);
    return 0;
}

int cli_play(const lesson_catalog *cat, const lesson *l, const demo *d,
             const cli_recording *rec)
{
    char path[PATH_MAX];
    progress p;
    tui_lesson_options o = {.cat = cat, .lesson = l, .demo = d};
    if (rec) {
        o.rec = rec->rec;
        o.cols = rec->cols;
        o.rows = rec->rows;
    }
    /* Demos are the presenter's: they leave the progress alone. Without
     * a readable store a lesson is played without keeping it (the
     * reason is on stderr already). */
    bool keep = !d && cli_progress(path, sizeof path, &p) == EXIT_OK;
    if (keep) {
        o.prog = &p;
        o.prog_path = path;
    }
    int rc = tui_lesson_main(&o);
    if (keep)
        progress_free(&p);
    return rc;
}
