/* Learning-rate schedules (DESIGN §3c), as torch's StepLR, ExponentialLR,
 * CosineAnnealingLR and LinearLR, stepped once per update: update t uses
 * the schedule's value after t−1 steps. Each step is torch's chainable
 * form (the new rate from the last one), with its roundings, so runs
 * match torch's bit for bit. */
#ifndef DESCENT_SCHEDULE_H
#define DESCENT_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    SCHED_NONE, SCHED_STEP, SCHED_EXP, SCHED_COSINE, SCHED_WARMUP
} sched_kind;

enum { SCHED_KIND_COUNT = 5 };

/* step:N:G   ×G every N steps               (n, gamma)
 * exp:G      ×G every step                  (gamma)
 * cosine:T[:MIN]  half a cosine from α to MIN over T steps, then on as
 *            torch's (it climbs back over the next T)   (n, min)
 * warmup:N[:F]   linear from F·α to α over N steps     (n, factor) */
typedef struct {
    sched_kind kind;
    long n;
    double gamma, min, factor;
} schedule;

const char *sched_kind_name(sched_kind k);

bool schedule_equal(const schedule *a, const schedule *b);

/* Whether its numbers are in range: N, T ≥ 1; G > 0; MIN ≥ 0;
 * 0 < F ≤ 1 (torch's LinearLR); all finite. */
bool schedule_valid(const schedule *s);

/* The rate of the first update for a schedule with base rate base. */
double schedule_start(const schedule *s, double base);

/* The rate after step e ≥ 1 of the schedule (torch's last_epoch), from
 * the rate lr after step e − 1 and the base. */
double schedule_next(const schedule *s, double lr, double base, long e);

/* The rate after e steps from base, stepping from the start: what a
 * chart of the schedule draws. */
double schedule_at(const schedule *s, double base, long e);

/* s as --schedule writes it (step:100:0.5, cosine:300:0), numbers
 * exact: reading it back gives s. */
void schedule_text(const schedule *s, char *buf, size_t cap);

#endif
