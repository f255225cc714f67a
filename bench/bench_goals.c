/* The peers (bench/peers.py under Debian's /usr/bin/python3, which has
 * PyTorch, pandas and numpy) and the closing table: every goal of issue
 * 13 with descent's figure, its peer's and whether it holds. A peer that
 * cannot run (no Python, no torch) is reported as unavailable and its
 * goal as not judged; the benchmarks themselves run either way. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "asset_dir.h"
#include "bench.h"
#include "data_csv.h"

/* $DESCENT_PYTHON, else Debian's interpreter, else python3 on PATH. */
static const char *python(void)
{
    const char *p = getenv("DESCENT_PYTHON");
    if (p && *p)
        return p;
    return access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3"
                                                 : "python3";
}

/* bench/peers.py: beside $DESCENT_BENCH, else in the source tree. */
static int peers_script(char *buf, size_t cap)
{
    char dir[4096];
    if (asset_dir_find("DESCENT_BENCH", "bench", DESCENT_SOURCE_BENCH, dir,
                       sizeof dir) < 0)
        return -1;
    int n = snprintf(buf, cap, "%s/peers.py", dir);
    return n > 0 && (size_t)n < cap && access(buf, R_OK) == 0 ? 0 : -1;
}

/* Single quotes for the shell. */
static void quoted(char *buf, size_t cap, const char *s)
{
    size_t k = 0;
    buf[k++] = '\'';
    for (; *s && k + 5 < cap; s++) {
        if (*s == '\'') {
            memcpy(buf + k, "'\\''", 4);
            k += 4;
        } else {
            buf[k++] = *s;
        }
    }
    buf[k++] = '\'';
    buf[k] = 0;
}

double bench_peer(const char *name, bool quick, const char *csv)
{
    char script[4096], assets[4096], cmd[16384], q[3][4200];
    if (peers_script(script, sizeof script) < 0) {
        printf("%s unavailable (bench/peers.py not found)\n", name);
        return NAN;
    }
    if (data_assets_dir(assets, sizeof assets) < 0)
        snprintf(assets, sizeof assets, ".");
    quoted(q[0], sizeof q[0], script);
    quoted(q[1], sizeof q[1], assets);
    quoted(q[2], sizeof q[2], csv ? csv : "");
    snprintf(cmd, sizeof cmd, "%s %s %s--assets %s --csv %s %s 2>/dev/null",
             python(), q[0], quick ? "--quick " : "", q[1], q[2], name);
    fflush(stdout);
    FILE *p = popen(cmd, "r");
    char line[256], unit[32];
    double v = NAN;
    bool said = false;
    while (p && fgets(line, sizeof line, p)) {
        char got[128];
        if (sscanf(line, "%127s %lf %31s", got, &v, unit) == 3 &&
            strcmp(got, name) == 0) {
            said = true;
            break;
        }
        if (strncmp(line, name, strlen(name)) == 0) {
            fputs(line, stdout);
            said = true;
        }
    }
    if (p)
        pclose(p);
    if (!said)
        printf("%s unavailable (%s could not run bench/peers.py)\n", name,
               python());
    if (isnan(v))
        return NAN;
    bench_figure(name, v, unit);
    return v;
}

typedef enum { RATIO_OVER, RATIO_UNDER, AT_MOST, AT_LEAST } goal_kind;

typedef struct {
    const char *what;
    const char *mine, *peer; /* figure names; peer NULL: absolute goal */
    goal_kind kind;
    double target;
    const char *unit;
} goal;

/* RATIO_OVER: peer / mine ≥ target (times faster); RATIO_UNDER:
 * mine / peer ≤ target (within target times); AT_MOST / AT_LEAST: the
 * figure itself. */
static const goal goals[] = {
    {"softmax on digits, full-batch step", "softmax_digits_step_us",
     "torch_softmax_digits_step_us", RATIO_OVER, 4, "x"},
    {"MLP SGD-HD step", "mlp_sgdhd_step_us", "torch_mlp_sgdhd_step_us",
     RATIO_OVER, 15, "x"},
    {"Adam step on rosenbrock", "adam_rosenbrock_step_ns",
     "torch_adam_rosenbrock_step_ns", RATIO_OVER, 1500, "x"},
    {"Adam step past β2^t's underflow / before it",
     "adam_rosenbrock_late_over_before", NULL, AT_MOST, 1.1, "x"},
    {"MLP landscape slice 200x60", "mlp_slice_recompute_ms", NULL, AT_MOST,
     50, "ms"},
    {"softmax digits slice 200x60", "softmax_slice_recompute_ms", NULL,
     AT_MOST, 200, "ms"},
    {"longest frame while a slice computes", "slice_frame_max_ms", NULL,
     AT_MOST, 16, "ms"},
    {"descent hpo --over lr (MLP)", "hpo_lr_mlp_s", NULL, AT_MOST, 0.5, "s"},
    {"forward-mode derivative / plain run", "fwd_mode_over_plain", NULL,
     AT_MOST, 3, "x"},
    {"1e6x11 CSV load vs pandas.read_csv", "csv_load_ms",
     "pandas_read_csv_ms", RATIO_UNDER, 2, "x"},
    {"Adam run writing its CSV trace", "adam_trace_run_rows_per_s", NULL,
     AT_LEAST, 2e6, "rows/s"},
};

int bench_goals(bool quick)
{
    (void)quick;
    /* The Adam peer is timed in µs; the goal compares ns. */
    double us = bench_value("torch_adam_rosenbrock_step_us");
    if (!isnan(us))
        bench_figure("torch_adam_rosenbrock_step_ns", us * 1e3, "ns");
    printf("\n%-48s %12s %12s %10s  %s\n", "goal", "descent", "peer",
           "figure", "target");
    for (size_t i = 0; i < sizeof goals / sizeof goals[0]; i++) {
        const goal *g = &goals[i];
        double mine = bench_value(g->mine);
        double peer = g->peer ? bench_value(g->peer) : NAN;
        double fig = g->kind == RATIO_OVER    ? peer / mine
                     : g->kind == RATIO_UNDER ? mine / peer
                                              : mine;
        bool met = g->kind == RATIO_OVER || g->kind == AT_LEAST
                       ? fig >= g->target
                       : fig <= g->target;
        char pbuf[32] = "-";
        if (g->peer)
            snprintf(pbuf, sizeof pbuf, "%.4g", peer);
        printf("%-48s %12.4g %12s %10.4g  %s %g %s: %s\n", g->what, mine,
               pbuf, fig, g->kind == RATIO_UNDER || g->kind == AT_MOST ? "<="
                                                                        : ">=",
               g->target, g->unit,
               isnan(fig) ? "not judged (not measured or no peer)"
               : met      ? "met"
                          : "NOT MET");
    }
    return 0;
}
