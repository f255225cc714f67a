/* Segments meet where they cross the same grid edge, and both squares
 * compute that point from the same two corners in the same order, so
 * the ends match exactly; they are still compared after rounding to
 * 1e-9 of a square, which costs nothing and survives any change there. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "contour_chain.h"
#include "grow.h"

void contour_set_add(void *set, const contour_seg *seg)
{
    contour_set *s = set;
    contour_seg *p = grow(s->segs, &s->cap, s->n, sizeof *p, 256);
    if (!p) {
        s->failed = 1;
        return;
    }
    s->segs = p;
    s->segs[s->n++] = *seg;
}

void contour_set_clear(contour_set *s)
{
    s->n = 0;
    s->failed = 0;
}

void contour_set_free(contour_set *s)
{
    free(s->segs);
    memset(s, 0, sizeof *s);
}

/* An end of a segment: 2·segment + (0 for its start, 1 for its end). */
typedef struct {
    int64_t kx, ky;
    size_t ends[2];
    int count;
} slot;

typedef struct {
    slot *slots;
    size_t mask;
} table;

static void end_point(const contour_set *s, size_t e, double *x, double *y)
{
    const contour_seg *g = &s->segs[e / 2];
    *x = e % 2 ? g->x1 : g->x0;
    *y = e % 2 ? g->y1 : g->y0;
}

static slot *find(table *t, double x, double y)
{
    int64_t kx = llround(x * 1e9), ky = llround(y * 1e9);
    uint64_t h = ((uint64_t)kx * 0x9e3779b97f4a7c15u) ^
                 ((uint64_t)ky * 0xc2b2ae3d27d4eb4fu);
    for (size_t i = (size_t)(h >> 17) & t->mask;; i = (i + 1) & t->mask) {
        slot *sl = &t->slots[i];
        if (sl->count == 0 || (sl->kx == kx && sl->ky == ky)) {
            sl->kx = kx;
            sl->ky = ky;
            return sl;
        }
    }
}

/* The end that meets end e at its point, or SIZE_MAX. */
static size_t partner(table *t, const contour_set *s, size_t e)
{
    double x, y;
    end_point(s, e, &x, &y);
    slot *sl = find(t, x, y);
    for (int i = 0; i < sl->count; i++)
        if (sl->ends[i] / 2 != e / 2)
            return sl->ends[i];
    return SIZE_MAX;
}

typedef struct {
    double *xy;
    size_t n, cap;
} line;

static int push(line *l, double x, double y)
{
    double *p = grow(l->xy, &l->cap, l->n, 2 * sizeof *p, 64);
    if (!p)
        return -1;
    l->xy = p;
    l->xy[2 * l->n] = x;
    l->xy[2 * l->n + 1] = y;
    l->n++;
    return 0;
}

/* From end e of a segment already placed, the points of the segments
 * that follow on, marking them used. */
static int follow(table *t, const contour_set *s, char *used, size_t e,
                  line *l)
{
    for (size_t p; (p = partner(t, s, e)) != SIZE_MAX && !used[p / 2];) {
        used[p / 2] = 1;
        e = p ^ 1; /* the far end of the segment just reached */
        double x, y;
        end_point(s, e, &x, &y);
        if (push(l, x, y) < 0)
            return -1;
    }
    return 0;
}

static int chain(table *t, const contour_set *s, contour_line_fn emit,
                 void *ctx, char *used)
{
    line fwd = {0}, back = {0};
    int rc = 0;
    for (size_t i = 0; i < s->n && rc == 0; i++) {
        if (used[i])
            continue;
        used[i] = 1;
        fwd.n = back.n = 0;
        const contour_seg *g = &s->segs[i];
        if (push(&back, g->x0, g->y0) < 0 || push(&fwd, g->x1, g->y1) < 0 ||
            follow(t, s, used, 2 * i + 1, &fwd) < 0 ||
            follow(t, s, used, 2 * i, &back) < 0) {
            rc = -1;
            break;
        }
        /* back runs outwards from the first segment's start: turned
         * round, it leads into fwd. */
        for (size_t a = 0, b = back.n - 1; a < b; a++, b--)
            for (int c = 0; c < 2; c++) {
                double v = back.xy[2 * a + c];
                back.xy[2 * a + c] = back.xy[2 * b + c];
                back.xy[2 * b + c] = v;
            }
        for (size_t k = 0; rc == 0 && k < fwd.n; k++)
            rc = push(&back, fwd.xy[2 * k], fwd.xy[2 * k + 1]);
        if (rc == 0)
            emit(ctx, back.xy, back.n);
    }
    free(fwd.xy);
    free(back.xy);
    return rc ? -1 : 0;
}

int contour_chain(const contour_set *s, contour_line_fn emit, void *ctx)
{
    size_t size = 16;
    while (size < 4 * s->n)
        size *= 2;
    table t = {calloc(size, sizeof *t.slots), size - 1};
    char *used = calloc(s->n + 1, 1);
    int rc = -1;
    if (t.slots && used) {
        for (size_t e = 0; e < 2 * s->n; e++) {
            double x, y;
            end_point(s, e, &x, &y);
            slot *sl = find(&t, x, y);
            if (sl->count < 2)
                sl->ends[sl->count++] = e;
        }
        rc = chain(&t, s, emit, ctx, used);
    }
    free(t.slots);
    free(used);
    return rc;
}
