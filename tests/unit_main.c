/* The CUnit runner: every suite, exit status 1 when any test fails.
 * Usage: unit-tests [SUITE...] runs only the named suites. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>
#include <gsl/gsl_errno.h>

#include "suites.h"

static int wanted_argc;
static char **wanted_argv;

static int wanted(const char *name)
{
    if (wanted_argc <= 1)
        return 1;
    for (int i = 1; i < wanted_argc; i++)
        if (strcmp(wanted_argv[i], name) == 0)
            return 1;
    return 0;
}

void add_suite(const char *name, const test_case *tests)
{
    if (!wanted(name))
        return;
    CU_pSuite s = CU_add_suite(name, NULL, NULL);
    if (!s) {
        fprintf(stderr, "unit-tests: %s\n", CU_get_error_msg());
        exit(2);
    }
    for (const test_case *t = tests; t->name; t++)
        if (!CU_add_test(s, t->name, t->fn)) {
            fprintf(stderr, "unit-tests: %s\n", CU_get_error_msg());
            exit(2);
        }
}

void check_format(int cond, unsigned line, const char *file, const char *fmt,
                  ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* CUnit copies the message. */
    CU_assertImplementation(cond ? CU_TRUE : CU_FALSE, line, msg, file, "",
                            CU_FALSE);
}

const char *ref_path(const char *file)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/%s", REF_DIR, file);
    return buf;
}

int main(int argc, char **argv)
{
    wanted_argc = argc;
    wanted_argv = argv;
    /* As main does: the core checks GSL's return codes itself. */
    gsl_set_error_handler_off();
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
#define ADD_SUITE(name) suite_##name();
    SUITES(ADD_SUITE)
#undef ADD_SUITE
    CU_basic_set_mode(CU_BRM_NORMAL);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() +
                      CU_get_number_of_tests_failed();
    unsigned run = CU_get_number_of_tests_run();
    unsigned tests_failed = CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    printf("unit: %u passed, %u failed\n", run - tests_failed, tests_failed);
    if (run == 0) {
        fprintf(stderr, "unit-tests: no test ran\n");
        return 1;
    }
    return failed ? 1 : 0;
}
