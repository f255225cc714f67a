/* descent list: what there is to choose from. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "cli.h"
#include "commands.h"
#include "data_csv.h"
#include "lesson_cli.h"
#include "lookup.h"
#include "model.h"
#include "optimizer.h"

static void list_objectives(void)
{
    for (const builtin_type *const *t = builtin_types; *t; t++)
        printf("%-11s %s\n", (*t)->name, (*t)->formula);
}

static void list_optimizers(void)
{
    for (const optimizer_type *const *t = optimizer_types; *t; t++)
        printf("%-11s %s\n", (*t)->name, (*t)->title);
}

static void list_models(void)
{
    for (const model_type *const *t = model_types; *t; t++)
        printf("%-8s %s (default data: %s)\n", (*t)->name, (*t)->title,
               (*t)->default_data ? (*t)->default_data : "N(0,1), 100×10");
}

/* id, title, minutes and progress: "-" none, "2/5" steps done, "done". */
static void list_lessons(void)
{
    lesson_catalog cat;
    char path[PATH_MAX];
    progress p;
    if (cli_catalog(&cat) != EXIT_OK)
        return;
    cli_progress(path, sizeof path, &p);
    for (size_t i = 0; i < cat.n; i++) {
        const lesson *l = &cat.l[i];
        size_t done = progress_count(&p, l);
        char state[32];
        if (done == l->n_steps)
            snprintf(state, sizeof state, "done");
        else if (done)
            snprintf(state, sizeof state, "%zu/%zu", done, l->n_steps);
        else
            snprintf(state, sizeof state, "-");
        printf("%-24s %-58s %3ld min  %s\n", l->id, l->title, l->minutes,
               state);
    }
    progress_free(&p);
    catalog_free(&cat);
}

/* name and what it is about (its first comment line). */
static void list_demos(void)
{
    char dir[PATH_MAX];
    demo_list d;
    if (demo_dir(dir, sizeof dir) < 0 || demo_list_load(dir, &d) < 0) {
        fprintf(stderr, "descent: demos: the demos directory is not found "
                "(set DESCENT_ASSETS to the assets directory)\n");
        return;
    }
    for (size_t i = 0; i < d.n; i++)
        printf("%-24s %s\n", d.name[i], d.about[i]);
    demo_list_free(&d);
}

static void list_datasets(void)
{
    for (const data_info *d = data_shipped; d->name; d++)
        printf("%-9s %4zu rows %3zu columns  target %-12s %s\n", d->name,
               d->rows, d->cols, d->target, d->source);
}

static const struct {
    const char *what;
    void (*list)(void);
} lists[] = {
    {"objectives", list_objectives},
    {"optimizers", list_optimizers},
    {"models", list_models},
    {"lessons", list_lessons},
    {"demos", list_demos},
    {"datasets", list_datasets},
};

int cmd_list(int argc, char **argv)
{
    const char *names[8];
    size_t n = sizeof lists / sizeof lists[0];
    for (size_t i = 0; i < n; i++)
        names[i] = lists[i].what;
    names[n] = NULL;
    if (argc == 0) { /* everything, each list under its name */
        for (size_t i = 0; i < n; i++) {
            printf("%s%s:\n", i ? "\n" : "", names[i]);
            lists[i].list();
        }
        return EXIT_OK;
    }
    if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
        printf("usage: descent list [WHAT]\nWHAT is one of:");
        for (size_t i = 0; i < n; i++)
            printf(" %s", names[i]);
        printf("\nWithout WHAT, every list.\n");
        return EXIT_OK;
    }
    if (argc > 1)
        return cli_error(argv[1], "unexpected argument (see 'descent list --help')");
    for (size_t i = 0; i < n; i++)
        if (strcmp(argv[0], lists[i].what) == 0) {
            lists[i].list();
            return EXIT_OK;
        }
    const char *near = cli_suggest(argv[0], names);
    if (near)
        return cli_error("list", "unknown list '%s' (did you mean '%s'?)", argv[0], near);
    return cli_error("list", "unknown list '%s' (see 'descent list --help')", argv[0]);
}
