/* Fuzz target for option values: the input is given as the value of
 * every run and model option that takes one (run_options_set), and what
 * is accepted is opened as a run would open it (run_options_open; data
 * and initialisation files only when shipped, so that the input never
 * names a file to read); and to every setting of a run in progress, as
 * the TUI's prompts and a lesson's live `set` give it (run_live_set).
 * Besides crashes, sanitizer reports and leaks, these properties abort
 * the run:
 *  - an error has a message, and neither it nor its place holds a
 *    control character (outside text is quoted, quote.h);
 *  - a live setting refused leaves the run's settings as they were, and
 *    one accepted reads back (run_live_text) to the same settings. */
#include <stdlib.h>
#include <string.h>

#include "data_csv.h"
#include "fuzz_driver.h"
#include "builtins.h"
#include "run_live.h"
#include "run_values.h"

const char fuzz_name[] = "options";

static void check_error(const option_error *e, const uint8_t *data,
                        size_t size)
{
    if (!memchr(e->message, '\0', sizeof e->message) || !e->message[0])
        fuzz_fail("error without a message", data, size);
    for (const char *c = e->message; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            fuzz_fail("control character in a message", data, size);
    for (const char *c = e->where; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            fuzz_fail("control character in a place", data, size);
}

/* A shipped data set small enough to load an input at a time. */
static int shipped(const char *name)
{
    for (const data_info *d = data_shipped; d->name; d++)
        if (strcmp(d->name, name) == 0)
            return d->rows * d->cols < 10000;   /* not digits: too slow */
    return 0;
}

/* The live settings on a running Rosenbrock with Adam. */
static void live(const char *text, const uint8_t *data, size_t size)
{
    static objective obj;
    static int opened;
    if (!opened && objective_builtin(&obj, builtin_find("rosenbrock")) == 0)
        opened = 1;
    run_settings rs = run_settings_default();
    run r;
    if (!opened || run_init(&r, &obj, &rs, obj.start) != CORE_OK)
        return;
    run_step(&r);
    for (const option_entry *o = run_option_table; o->name; o++) {
        if (!o->has_value || !run_live_option(o->id))
            continue;
        run_settings before = run_settings_of(&r), after;
        option_error e;
        if (run_live_set(&r, o->id, text, &e) < 0) {
            check_error(&e, data, size);
            after = run_settings_of(&r);
            if (memcmp(&before, &after, sizeof before) != 0)
                fuzz_fail("a refused setting changed the run", data, size);
            continue;
        }
        char back[256];
        run_live_text(&r, o->id, back, sizeof back);
        before = run_settings_of(&r);
        if (back[0] && (run_live_set(&r, o->id, back, &e) < 0 ||
                        (after = run_settings_of(&r),
                         memcmp(&before, &after, sizeof before) != 0)))
            fuzz_fail("a setting does not read back", data, size);
    }
    run_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    live(text, data, size);
    for (const option_entry *o = run_option_table; o->name; o++) {
        if (!o->has_value)
            continue;
        run_options ro;
        run_options_default(&ro);
        option_error e;
        if (run_options_set(&ro, o->id, text, &e) < 0) {
            check_error(&e, data, size);
            continue;
        }
        if (run_option_is_output(o->id) || o->id == MOPT_INIT ||
            (o->id == MOPT_DATA && !shipped(text)))
            continue;
        /* A model option needs a model to mean something: one on small
         * data, loaded an input at a time. */
        if (o->id != MOPT_MODEL && o->id >= MOPT_DATA &&
            o->id <= MOPT_LAMBDA &&
            (run_options_set(&ro, MOPT_MODEL, o->id == MOPT_LAMBDA ? "ridge"
                             : "softmax", &e) < 0 ||
             (o->id != MOPT_DATA &&
              run_options_set(&ro, MOPT_DATA, "iris", &e) < 0)))
            fuzz_fail("a model refused", data, size);
        objective obj;
        if (run_options_open(&ro, &obj, &e) == 0)
            objective_free(&obj);
        else
            check_error(&e, data, size);
    }
    free(text);
    return 0;
}
