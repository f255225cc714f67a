/* What the benchmarks share: the clock, the figures measured so far (for
 * the closing table of goals) and timing the program itself as a child
 * process. */
#define _DEFAULT_SOURCE /* wait4 */
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "bench.h"

extern char **environ;

/* Processor time, not wall time: the machine these run on is shared,
 * and time spent waiting for it is not the program's (the peers use
 * Python's time.process_time likewise). */
double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
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

/* CPU seconds (user and system) of one run of this program with argv
 * (argv[0] is ignored), its output discarded, its peak RSS in kB into
 * *rss_kb (when not NULL); NaN when it cannot run or fails. CPU time,
 * not wall time: on a busy machine the other processes would be counted
 * too. */
static double spawn_once(char *const argv[], double *rss_kb)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawn(&pid, "/proc/self/exe", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    int status;
    struct rusage ru;
    if (rc != 0 || wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
        return NAN;
    if (rss_kb)
        *rss_kb = (double)ru.ru_maxrss;
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           1e-6 * (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

double bench_spawn_rss(char *const argv[])
{
    double rss = NAN;
    return isnan(spawn_once(argv, &rss)) ? NAN : rss;
}

double bench_spawn(char *const argv[], int repeats)
{
    double best = NAN;
    for (int i = 0; i < repeats; i++) {
        double t = spawn_once(argv, NULL);
        if (isnan(t))
            return NAN;
        if (!(t >= best))
            best = t;
    }
    return best;
}
