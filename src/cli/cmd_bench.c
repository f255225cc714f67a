/* descent bench: the built-in benchmarks, figures on stdout. */
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "cli.h"
#include "quote.h"
#include "commands.h"
#include "tui.h"

int cmd_bench(int argc, char **argv)
{
    bool quick = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0)
            quick = true;
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: descent bench [--quick]\n"
                   "Runs the benchmarks and prints one figure a line: name value unit.\n"
                   "--quick runs each for a tenth of the time (a smoke test).\n");
            return EXIT_OK;
        } else
            return cli_error(QUOTE(argv[i]), "unexpected argument (see 'descent bench --help')");
    }
    int rc = bench_gradients(quick) | bench_steps(quick) | bench_expr(quick) |
             bench_fmt(quick) |
             bench_traces(quick) | bench_models(quick) | tui_bench();
    return rc ? EXIT_FAIL : EXIT_OK;
}
