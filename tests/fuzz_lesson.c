/* Fuzz target for lessons, through every public way in: the parser
 * (lesson_parse), the catalogue (the file in a lessons directory, read by
 * catalog_load as `descent list lessons` reads it) and lint (each goal of
 * a sound lesson run by lesson_verify). Besides crashes, sanitizer
 * reports and leaks, these properties abort the run:
 *  - the parser returns 0 exactly when it reports no problem;
 *  - every problem has a line within the file (or 0) and a message;
 *  - the catalogue takes the file exactly when the parser does, and finds
 *    the lesson by its id. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "fuzz_driver.h"
#include "player.h"
#include "progress.h"

const char fuzz_name[] = "lesson";

static void check_diags(const diag_list *d, const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < d->n; i++)
        fuzz_check_place(d->d[i].line, d->d[i].column, d->d[i].message, data,
                         size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file("x.lesson", data, size);
    if (!path)
        return 0;
    diag_list d;
    diag_init(&d);
    lesson l;
    int rc = lesson_parse((const char *)data, size, path, &l, &d);
    if ((rc == 0) != (d.n == 0 && !d.oom))
        fuzz_fail("return code and problems disagree", data, size);
    check_diags(&d, data, size);
    if (rc == 0) {
        diag_list lint;
        diag_init(&lint);
        /* A few thousand updates reach every part of the player; the
         * whole budget would spend the time on arithmetic. */
        lesson_verify(&l, 2000, &lint);
        check_diags(&lint, data, size);
        diag_free(&lint);
    }
    lesson_catalog cat;
    if (catalog_load(fuzz_dir(), &cat) < 0)
        fuzz_fail("the catalogue cannot read its directory", data, size);
    if (cat.n + cat.n_bad != 1 || (cat.n == 1) != (rc == 0))
        fuzz_fail("the catalogue and the parser disagree", data, size);
    if (cat.n == 1 && l.id && catalog_find(&cat, l.id) != &cat.l[0])
        fuzz_fail("the catalogue does not find the lesson", data, size);
    progress p = {0};
    for (size_t i = 0; i < cat.n; i++)
        (void)progress_count(&p, &cat.l[i]);
    catalog_free(&cat);
    lesson_free(&l);
    diag_free(&d);
    return 0;
}
