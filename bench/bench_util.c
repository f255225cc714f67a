/* What the benchmarks share: the clock, the figures measured so far (for
 * the closing table of goals) and timing the program itself as a child
 * process. */
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "bench.h"

extern char **environ;

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

enum { MAX_FIGURES = 256 };

static struct {
    char name[64];
    double value;
} figures[MAX_FIGURES];
static int nfigures;

void bench_figure(const char *name, double value, const char *unit)
{
    printf("%s %.*f %s\n", name, fabs(value) < 10 ? 3 : fabs(value) < 1000 ? 2 : 0,
           value, unit);
    fflush(stdout);
    if (nfigures < MAX_FIGURES) {
        snprintf(figures[nfigures].name, sizeof figures[0].name, "%s", name);
        figures[nfigures++].value = value;
    }
}

double bench_value(const char *name)
{
    for (int i = nfigures - 1; i >= 0; i--)
        if (strcmp(figures[i].name, name) == 0)
            return figures[i].value;
    return NAN;
}

/* Wall seconds of one run of this program with argv (argv[0] is
 * ignored), its output discarded; NaN when it cannot run or fails. */
static double spawn_once(char *const argv[])
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    double t0 = bench_now();
    pid_t pid;
    int rc = posix_spawn(&pid, "/proc/self/exe", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    int status;
    if (rc != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
        return NAN;
    return bench_now() - t0;
}

double bench_spawn(char *const argv[], int repeats)
{
    double best = NAN;
    for (int i = 0; i < repeats; i++) {
        double t = spawn_once(argv);
        if (isnan(t))
            return NAN;
        if (!(t >= best))
            best = t;
    }
    return best;
}
