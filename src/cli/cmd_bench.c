/* descent bench: the built-in benchmarks, figures on stdout, then the
 * goals beside their peers. */
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "cli.h"
#include "quote.h"
#include "commands.h"
#include "tui.h"

static int tui_group(bool quick) { return tui_bench(quick, bench_figure); }

static int memory_group(bool quick)
{
    return bench_memory(quick) | tui_bench_memory(quick, bench_figure);
}

static const struct {
    const char *name;
    int (*run)(bool quick);
} groups[] = {
    {"gradients", bench_gradients}, {"steps", bench_steps},
    {"expr", bench_expr},           {"fmt", bench_fmt},
    {"traces", bench_traces},       {"models", bench_models},
    {"csv", bench_csv},             {"tui", tui_group},
    {"goals", bench_goals},
    {"memory", memory_group}, /* long: only when asked for */
};

enum { GROUPS = sizeof groups / sizeof groups[0] };

static const char usage[] =
    "usage: descent bench [--quick] [GROUP...]\n"
    "Runs the benchmarks and prints one figure a line: name value unit,\n"
    "then each goal beside its PyTorch or pandas peer, timed in the same\n"
    "run (bench/peers.py under /usr/bin/python3, or $DESCENT_PYTHON).\n"
    "GROUP: gradients steps expr fmt traces models csv tui goals, and\n"
    "memory (RSS over 10^7 updates; only when named). Default: all but\n"
    "memory. --quick runs each for a tenth of the time.\n";

int cmd_bench(int argc, char **argv)
{
    bool quick = false, chosen[GROUPS] = {false}, any = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            quick = true;
            continue;
        }
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        size_t g = 0;
        while (g < GROUPS && strcmp(argv[i], groups[g].name) != 0)
            g++;
        if (g == GROUPS)
            return cli_error(QUOTE(argv[i]), "unexpected argument (see 'descent "
                             "bench --help')");
        chosen[g] = any = true;
    }
    int rc = 0;
    for (size_t g = 0; g < GROUPS; g++)
        if (any ? chosen[g] : groups[g].run != memory_group)
            rc |= groups[g].run(quick);
    return rc ? EXIT_FAIL : EXIT_OK;
}
