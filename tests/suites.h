/* Each test file adds its CUnit suite with one of these. */
#ifndef DESCENT_TEST_SUITES_H
#define DESCENT_TEST_SUITES_H

#include <CUnit/CUnit.h>

#define SUITES(X) \
    X(builtins)   \
    X(gradient)   \
    X(clip)       \
    X(expr)       \
    X(expr_errors) \
    X(optimizer)  \
    X(methods)    \
    X(hypergrad)  \
    X(run)        \
    X(run_errors) \
    X(ref_methods) \
    X(quad_theory) \
    X(settings)   \
    X(fmt_double) \
    X(fmt_float)  \
    X(trace)      \
    X(data_csv)   \
    X(models)     \
    X(model_runs) \
    X(lr_hypergrad) \
    X(hpo)        \
    X(mlp_ref)    \
    X(slice)      \
    X(kernels)    \
    X(hist)       \
    X(braille)    \
    X(colormap)   \
    X(contour)    \
    X(plot)       \
    X(ticks)      \
    X(tui_model)  \
    X(tui_models) \
    X(tui_screen) \
    X(tui_modes) \
    X(session_errors) \
    X(replay)     \
    X(lesson)     \
    X(lesson_errors) \
    X(lesson_player) \
    X(progress)   \
    X(demo)       \
    X(lesson_view)

#define DECLARE_SUITE(name) void suite_##name(void);
SUITES(DECLARE_SUITE)
#undef DECLARE_SUITE

/* Adds a suite of the given tests; aborts the runner when CUnit fails. */
typedef struct {
    const char *name;
    CU_TestFunc fn;
} test_case;
void add_suite(const char *name, const test_case *tests);

/* An assertion whose failure report is a message built at run time. */
#define CHECK_MSG(cond, msg) \
    CU_assertImplementation((cond), __LINE__, (msg), __FILE__, "", CU_FALSE)

/* The same with a message formatted from fmt and its arguments. */
void check_format(int cond, unsigned line, const char *file, const char *fmt,
                  ...) __attribute__((format(__printf__, 4, 5)));
#define CHECKF(cond, ...) check_format((cond) ? 1 : 0, __LINE__, __FILE__, __VA_ARGS__)

/* Path of a file in tests/ref. */
const char *ref_path(const char *file);

#endif
