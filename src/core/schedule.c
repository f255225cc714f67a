/* torch 1.13's get_lr() of each scheduler, operation for operation. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt_double.h"
#include "schedule.h"

static const char *const kind_names[SCHED_KIND_COUNT] = {
    "none", "step", "exp", "cosine", "warmup"};

const char *sched_kind_name(sched_kind k) { return kind_names[k]; }

bool schedule_equal(const schedule *a, const schedule *b)
{
    return a->kind == b->kind && a->n == b->n && a->gamma == b->gamma &&
           a->min == b->min && a->factor == b->factor;
}

bool schedule_valid(const schedule *s)
{
    switch (s->kind) {
    case SCHED_NONE: return true;
    case SCHED_STEP: return s->n >= 1 && s->gamma > 0.0 && isfinite(s->gamma);
    case SCHED_EXP: return s->gamma > 0.0 && isfinite(s->gamma);
    case SCHED_COSINE: return s->n >= 1 && s->min >= 0.0 && isfinite(s->min);
    case SCHED_WARMUP: return s->n >= 1 && s->factor > 0.0 && s->factor <= 1.0;
    }
    return false;
}

double schedule_start(const schedule *s, double base)
{
    return s->kind == SCHED_WARMUP ? base * s->factor : base;
}

/* CosineAnnealingLR: the ratio of successive (1 + cos) terms, except on
 * the step after each trough, where the ratio is 0/0 and torch adds the
 * step up instead. */
static double cosine_next(const schedule *s, double lr, double base, long e)
{
    double T = (double)s->n, min = s->min;
    if (e > s->n && (e - 1 - s->n) % (2 * s->n) == 0)
        return lr + (base - min) * (1.0 - cos(M_PI / T)) / 2.0;
    return (1.0 + cos(M_PI * (double)e / T)) /
               (1.0 + cos(M_PI * (double)(e - 1) / T)) * (lr - min) +
           min;
}

/* LinearLR with end_factor 1: lr·(1 + (1 − F)/(N·F + (e−1)(1 − F)))
 * up to step N, then constant. */
static double warmup_next(const schedule *s, double lr, long e)
{
    if (e > s->n)
        return lr;
    double span = 1.0 - s->factor;
    return lr * (1.0 + span / ((double)s->n * s->factor +
                               (double)(e - 1) * span));
}

double schedule_next(const schedule *s, double lr, double base, long e)
{
    switch (s->kind) {
    case SCHED_NONE: return lr;
    case SCHED_STEP: return e % s->n == 0 ? lr * s->gamma : lr;
    case SCHED_EXP: return lr * s->gamma;
    case SCHED_COSINE: return cosine_next(s, lr, base, e);
    case SCHED_WARMUP: return warmup_next(s, lr, e);
    }
    return lr;
}

double schedule_at(const schedule *s, double base, long e)
{
    double lr = schedule_start(s, base);
    for (long k = 1; k <= e; k++)
        lr = schedule_next(s, lr, base, k);
    return lr;
}

void schedule_text(const schedule *s, char *buf, size_t cap)
{
    char a[FMT_DOUBLE_MAX];
    const char *name = sched_kind_name(s->kind);
    switch (s->kind) {
    case SCHED_NONE: snprintf(buf, cap, "none"); return;
    case SCHED_STEP:
        fmt_double(s->gamma, a);
        snprintf(buf, cap, "%s:%ld:%s", name, s->n, a);
        return;
    case SCHED_EXP:
        fmt_double(s->gamma, a);
        snprintf(buf, cap, "%s:%s", name, a);
        return;
    case SCHED_COSINE:
    case SCHED_WARMUP:
        fmt_double(s->kind == SCHED_COSINE ? s->min : s->factor, a);
        snprintf(buf, cap, "%s:%ld:%s", name, s->n, a);
        return;
    }
}
