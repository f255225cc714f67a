/* Fuzz target for whole argument vectors of `descent run`: the input's
 * lines are the arguments, scanned (run_options_parse) and, when they
 * pass, resolved into an objective as the command would before it runs
 * (run_options_resolve). Vectors naming a path with a '/' for --data or
 * --init are left out: nothing but files of the working directory is
 * read (libFuzzer keeps its corpus by relative paths: no chdir).
 * Besides crashes, sanitizer reports and leaks, these properties abort
 * the run (what is printed on stderr is captured):
 *  - a refused vector prints one line "descent: WHERE: WHAT", or with a
 *    column three (the value, then a caret under it);
 *  - no control character is printed, and no line is wider than the
 *    messages' bound;
 *  - an accepted vector prints nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fuzz_driver.h"
#include "run_options.h"

const char fuzz_name[] = "argv";

enum { MAX_ARGS = 64, MAX_LINE = 1100 * 4 };

/* Whether the vector would have a file outside the directory read. */
static int reads_outside(char **argv, int argc)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int named = strncmp(a, "--data", 6) == 0 || strncmp(a, "--init", 6) == 0;
        if (!named)
            continue;
        const char *v = strchr(a, '=') ? strchr(a, '=') + 1
                        : i + 1 < argc ? argv[i + 1] : "";
        if (strchr(v, '/'))
            return 1;
    }
    return 0;
}

static void check_printed(const char *out, int refused, const uint8_t *data,
                          size_t size)
{
    if (!refused) {
        if (out[0])
            fuzz_fail("an accepted vector printed something", data, size);
        return;
    }
    int lines = 0;
    for (const char *l = out; *l; lines++) {
        const char *end = strchr(l, '\n');
        if (!end)
            fuzz_fail("a message without its newline", data, size);
        if ((size_t)(end - l) > MAX_LINE)
            fuzz_fail("a line beyond the bound", data, size);
        for (const char *c = l; c < end; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7f)
                fuzz_fail("a control character printed", data, size);
        if (lines == 0 && strncmp(l, "descent: ", 9) != 0)
            fuzz_fail("a message without 'descent: '", data, size);
        if (lines == 2 && end[-1] != '^')
            fuzz_fail("a third line without the caret", data, size);
        l = end + 1;
    }
    if (lines != 1 && lines != 3)
        fuzz_fail("a refusal of other than one line (or three)", data, size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    char *argv[MAX_ARGS + 1];
    int argc = 0;
    for (char *a = text; argc < MAX_ARGS; argc++) {
        argv[argc] = a;
        char *nl = strchr(a, '\n');
        if (!nl) {
            argc++;
            break;
        }
        *nl = '\0';
        a = nl + 1;
    }
    argv[argc] = NULL;
    if (reads_outside(argv, argc)) {
        free(text);
        return 0;
    }
    static char out[1 << 16];
    memset(out, 0, sizeof out);
    FILE *saved = stderr, *capture = fmemopen(out, sizeof out - 1, "w");
    if (!capture) {
        free(text);
        return 0;
    }
    stderr = capture;
    run_options o;
    run_options_default(&o);
    bool help;
    int rc = run_options_parse(&o, argc, argv, "run", &help);
    objective obj;
    if (rc == 0 && !help && run_options_resolve(&o, &obj) == 0)
        objective_free(&obj);
    else if (rc == 0 && !help)
        rc = EXIT_USAGE;
    fclose(capture);
    stderr = saved;
    check_printed(out, rc != 0, data, size);
    free(text);
    return 0;
}
