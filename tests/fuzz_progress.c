/* Fuzz target for the progress store (progress_load), and its way back
 * (progress_save through atomic_file). Besides crashes, sanitizer
 * reports and leaks, these properties abort the run:
 *  - every problem has a line within the file and a message;
 *  - what loads saves, and loads again to the same lessons and steps,
 *    in the same order, without a problem;
 *  - the save leaves no temporary file behind. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "fuzz_driver.h"
#include "progress.h"

const char fuzz_name[] = "progress";

/* Whether q holds p's lessons with steps (those a save writes), in
 * order, with the same steps. */
static int same(const progress *p, const progress *q)
{
    size_t j = 0;
    for (size_t i = 0; i < p->n; i++) {
        const progress_entry *x = &p->e[i];
        if (!x->n_steps)
            continue;
        if (j >= q->n)
            return 0;
        const progress_entry *y = &q->e[j++];
        if (strcmp(x->lesson, y->lesson) != 0 || x->n_steps != y->n_steps)
            return 0;
        for (size_t k = 0; k < x->n_steps; k++)
            if (strcmp(x->steps[k], y->steps[k]) != 0)
                return 0;
    }
    return j == q->n;
}

static int files_in_dir(void)
{
    DIR *d = opendir(fuzz_dir());
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d)
        closedir(d);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *given = fuzz_file("progress", data, size);
    if (!given)
        return 0;
    char path[4200], again[4200];
    snprintf(path, sizeof path, "%s", given);
    snprintf(again, sizeof again, "%s/saved", fuzz_dir());
    diag_list d;
    diag_init(&d);
    progress p, q;
    if (progress_load(path, &p, &d) < 0) {
        diag_free(&d);
        return 0;
    }
    for (size_t i = 0; i < d.n; i++)
        fuzz_check_place(d.d[i].line, d.d[i].column, d.d[i].message, data,
                         size);
    diag_free(&d);
    char err[8400];
    if (progress_save(again, &p, err, sizeof err) < 0)
        fuzz_fail("what loaded does not save", data, size);
    if (files_in_dir() != 2)
        fuzz_fail("the save left a file behind", data, size);
    diag_init(&d);
    if (progress_load(again, &q, &d) < 0 || d.n)
        fuzz_fail("what was saved does not load back", data, size);
    if (!same(&p, &q))
        fuzz_fail("what was saved loads back otherwise", data, size);
    diag_free(&d);
    progress_free(&p);
    progress_free(&q);
    return 0;
}
