/* Issue 11's first-order methods against PyTorch 1.13 float64: every
 * file of tests/ref/ext run with the descent arguments CASES.txt gives
 * for it, through the options grammar (as the command line reads them),
 * to 1e-9 relative; and the schedules' rates step by step. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "ref_match.h"
#include "run_values.h"
#include "suites.h"

/* argv-style words of line into opts (at most max), in place. */
static int words(char *line, char **w, int max)
{
    int n = 0;
    for (char *t = strtok(line, " \n"); t && n < max; t = strtok(NULL, " \n"))
        w[n++] = t;
    return n;
}

/* Reads "--name value" words into o by the option table; 0 or -1. */
static int parse_args(run_options *o, char **w, int n, option_error *e)
{
    for (int i = 0; i < n; i++) {
        const option_entry *opt = option_by_name(run_option_table, w[i] + 2,
                                                 strlen(w[i] + 2));
        if (!opt || (opt->has_value && i + 1 >= n))
            return option_fail(e, w[i], "unknown or missing value");
        const char *v = opt->has_value ? w[++i] : NULL;
        if (run_options_set(o, opt->id, v, e) < 0)
            return -1;
    }
    return 0;
}

/* The worst relative error of the run CASES.txt gives for file. */
static double case_error(const char *file, const char *args)
{
    char buf[512], *w[40];
    snprintf(buf, sizeof buf, "%s", args);
    int n = words(buf, w, 40);
    run_options o;
    run_options_default(&o);
    option_error e;
    objective obj;
    run r;
    if (parse_args(&o, w, n, &e) < 0 || run_options_open(&o, &obj, &e) < 0) {
        CHECKF(0, "%s: %s: %s", file, e.where, e.message);
        return INFINITY;
    }
    CU_ASSERT_FATAL(run_init(&r, &obj, &o.s, run_options_start(&o, &obj)) == 0);
    char path[600];
    snprintf(path, sizeof path, "ext/%s", file);
    double err = ref_match(&r, path);
    CU_ASSERT_EQUAL(r.step, o.s.max_steps);
    run_free(&r);
    objective_free(&obj);
    return err < 0 ? INFINITY : err;
}

static void torch_ext(void)
{
    FILE *f = fopen(ref_path("ext/CASES.txt"), "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[512];
    int cases = 0;
    while (fgets(line, sizeof line, f)) {
        char *colon = strstr(line, ".csv: ");
        if (line[0] == '#' || !colon)
            continue;
        colon[4] = '\0';
        double err = case_error(line, colon + 6);
        CHECKF(err <= 1e-9, "%s: worst relative error %g", line, err);
        if (getenv("DESCENT_REF_ERRORS"))
            printf("\n  %-32s %.3g", line, err);
        cases++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(cases, 12);
}

void suite_methods(void)
{
    static const test_case tests[] = {
        {"torch 1.13 trajectories of tests/ref/ext", torch_ext},
        {NULL, NULL}};
    add_suite("methods", tests);
}
