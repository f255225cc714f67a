/* fmt_double against snprintf("%.17g"): nanoseconds per number over 10^7
 * varied doubles, one figure per line ("name value unit").
 *
 * The numbers cycle through a pool of 2^16 (in cache, as when a trace row
 * is written from the run's state), a quarter of each kind:
 *   bits    random bit patterns: any exponent, mostly 16-17 digits
 *   uniform uniform in [0, 1) times 10^-10..10^10: 15-17 digits
 *   trace   what an optimiser writes: losses decaying, learning rates
 *           like 0.001 times a factor, coordinates near a minimum
 *   short   decimals a user types (0.001, 2.5, 1e-06), and integers */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "fmt_double.h"

enum { POOL = 1 << 16, KIND = POOL / 4 };

static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static double uniform(uint64_t *state)
{
    return (double)(next_random(state) >> 11) * 0x1p-53;
}

static void fill(double *pool)
{
    uint64_t state = 0x853C49E6748FEA9Bu;
    for (int i = 0; i < KIND; i++) {
        double v;
        do {
            uint64_t b = next_random(&state);
            memcpy(&v, &b, sizeof v);
        } while (!isfinite(v));
        pool[i] = v;
    }
    for (int i = 0; i < KIND; i++)
        pool[KIND + i] = uniform(&state) *
                         pow(10, (double)(next_random(&state) % 21) - 10);
    for (int i = 0; i < KIND; i++) {
        double t = i % 1000;
        switch (i % 4) {
        case 0: pool[2 * KIND + i] = 3.5 * exp(-t / 150) + 1e-3; break;
        case 1: pool[2 * KIND + i] = 0.001 * (1 + 0.01 * uniform(&state)); break;
        case 2: pool[2 * KIND + i] = 1 + 0.5 * exp(-t / 80) * cos(t); break;
        default: pool[2 * KIND + i] = sqrt(t + 2) * 1e-4; break;
        }
    }
    static const double typed[] = {0.001, 0.01, 0.1, 2.5, 1e-06, 0.9, 0.999,
                                   100, 1e-08, 0.5};
    for (int i = 0; i < KIND; i++)
        pool[3 * KIND + i] = i % 2 ? typed[i / 2 % 10] : (double)(i * 7);
}

/* ns per call of one formatter over `calls` numbers of pool[from..to). */
static double time_fmt(const double *pool, int from, int to, long calls,
                       int use_snprintf, size_t *sink)
{
    char buf[FMT_DOUBLE_MAX];
    size_t total = 0;
    int i = from;
    double t0 = bench_now();
    for (long n = 0; n < calls; n++) {
        if (use_snprintf)
            total += (size_t)snprintf(buf, sizeof buf, "%.17g", pool[i]);
        else
            total += fmt_double(pool[i], buf);
        total += (unsigned char)buf[0];
        if (++i == to)
            i = from;
    }
    double t1 = bench_now();
    *sink += total;
    return (t1 - t0) * 1e9 / (double)calls;
}

int bench_fmt(bool quick)
{
    const long calls = quick ? 1000000 : 10000000;
    static double pool[POOL];
    static const char *const kinds[] = {"bits", "uniform", "trace", "short"};
    size_t sink = 0;
    fill(pool);

    time_fmt(pool, 0, POOL, calls / 10, 0, &sink); /* warm up */
    bench_figure("fmt_double_ns", time_fmt(pool, 0, POOL, calls, 0, &sink),
                 "ns");
    bench_figure("snprintf_17g_ns", time_fmt(pool, 0, POOL, calls, 1, &sink),
                 "ns");
    for (int k = 0; k < 4; k++) {
        char name[64];
        snprintf(name, sizeof name, "fmt_double_%s_ns", kinds[k]);
        bench_figure(name, time_fmt(pool, k * KIND, (k + 1) * KIND, calls / 4,
                                    0, &sink), "ns");
    }
    return sink == 0; /* keeps the work observable; never 0 */
}
