/* Fuzz target for demo scripts (demo_parse), their lesson and step ids
 * checked against the shipped lessons as `descent lint` and `descent
 * demo` check them. Besides crashes, sanitizer reports and leaks, these
 * properties abort the run:
 *  - the parser returns 0 exactly when it reports no problem;
 *  - every problem has a line within the script (or 0) and a message;
 *  - a parsed script's commands have lines in order within the script,
 *    keys to press, and no negative count or sleep. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "catalog.h"
#include "demo.h"
#include "fuzz_driver.h"

const char fuzz_name[] = "demo";

static lesson_catalog shipped;

static void load_shipped(void)
{
    static int done;
    char dir[PATH_MAX];
    if (!done && catalog_dir(dir, sizeof dir) == 0)
        catalog_load(dir, &shipped);
    done = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    load_shipped();
    long lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    diag_list d;
    diag_init(&d);
    demo dm;
    int rc = demo_parse((const char *)data, size, catalog_find_cb, &shipped,
                        &dm, &d);
    if ((rc == 0) != (d.n == 0 && !d.oom))
        fuzz_fail("return code and problems disagree", data, size);
    for (size_t i = 0; i < d.n; i++)
        fuzz_check_place(d.d[i].line, d.d[i].column, d.d[i].message, data,
                         size);
    int last = 0;
    for (size_t i = 0; rc == 0 && i < dm.n; i++) {
        const demo_command *c = &dm.c[i];
        if (c->line <= last || c->line > lines)
            fuzz_fail("command lines out of order", data, size);
        last = c->line;
        if ((c->kind == DEMO_KEY && c->n_keys == 0) ||
            (c->kind == DEMO_RUN && c->count < 1) ||
            (c->kind == DEMO_SLEEP && !(c->seconds >= 0.0)))
            fuzz_fail("a command out of its range", data, size);
    }
    demo_free(&dm);
    diag_free(&d);
    return 0;
}
