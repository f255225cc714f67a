#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "stepdoc.h"
#include "ticks.h"

enum { NUM_W = 8 };

typedef struct {
    stepdoc *d;
    int stage;
    bool first;
    bool key;      /* the next line is its stage's result */
} writer;

static void line(writer *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void line(writer *w, const char *fmt, ...)
{
    stepdoc *d = w->d;
    if (d->n == STEPDOC_MAX_LINES)
        return;
    stepdoc_line *l = &d->lines[d->n++];
    l->stage = w->stage;
    l->first = w->first;
    l->pending = w->stage >= d->done;
    l->key = w->key;
    w->key = false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->text, sizeof l->text, fmt, ap);
    va_end(ap);
    w->first = false;
}

static void begin(writer *w, int stage)
{
    w->stage = stage;
    w->first = true;
}

/* The next line is the stage's result, the one kept on a short panel. */
static writer *key(writer *w)
{
    w->key = true;
    return w;
}

/* scale·v at a fixed width: "(a,b)" for two numbers; for more, its norm
 * and the first few, "‖·‖ 12.34567 (a,b,c,…)": hundreds of numbers
 * would not be read. buf holds VEC_BUF bytes. */
enum { VEC_SHOWN = 2, VEC_BUF = 96 };

static const char *vec(char *buf, const double *v, size_t n, double scale)
{
    char x[NUM_W + 1];
    int at = 0;
    if (n > 2) {
        double ss = 0.0;
        for (size_t i = 0; i < n; i++)
            ss += v[i] * v[i];
        numfmt(sqrt(ss) * fabs(scale), NUM_W, x);
        at = sprintf(buf, "‖·‖ %s ", x);
    }
    for (size_t i = 0; i < n && i < VEC_SHOWN; i++) {
        numfmt(v[i] * scale, NUM_W, x);
        at += sprintf(buf + at, "%s%s", i ? "," : "(", x);
    }
    sprintf(buf + at, "%s)", n > VEC_SHOWN ? ",…" : "");
    return buf;
}

static const char *num(char *buf, double v)
{
    numfmt(v, NUM_W, buf);
    return buf;
}

/* What the update starts from: θ_{t-1}, f and g there (n each; they
 * point into the run, a snapshot of it, or scratch). */
typedef struct {
    const double *theta, *g;
    double loss, gnorm;
    grad_method method;  /* how g was computed, and with which h */
    double h;
    double lr;           /* α the update used (α_t) */
} origin;

/* The other gradient methods' relative errors at o, once per update
 * shown (cached with the run): a central difference of a model costs
 * two evaluations per parameter, too much for every update, so while
 * running live they wait for a pause. A minibatch's gradient is not the
 * objective's: with minibatches the check is of the full batch's
 * analytic gradient. scratch: two vectors. */
static void gradient_lines(writer *w, const stepdoc_source *src,
                           const origin *o, long update, double *scratch)
{
    char b1[VEC_BUF], b2[64];
    const run *r = src->r;
    line(key(w), "g = ∇f(θ) = %s", vec(b1, o->g, r->n, 1.0));
    line(w, "  ‖g‖ = %s  by %s", num(b2, o->gnorm), grad_method_name(o->method));
    gradcheck_cache *c = src->check;
    bool fresh = c->update == update && c->method == o->method && c->h == o->h;
    if (!fresh && src->running && r->n > 2) {
        line(w, "  gradient check: when paused");
        return;
    }
    const double *ref = o->g;
    if (r->s.batch) {
        line(w, "  check of the full batch's gradient:");
        if (!fresh && gradient_eval(r->obj, GRAD_ANALYTIC, o->h, o->theta,
                                    scratch + r->n) == 0)
            ref = scratch + r->n;
    }
    /* Forward differences are checked when they are the method in use:
     * as a second opinion they only say what central ones say, worse. */
    for (int m = 0; m < GRAD_METHOD_COUNT; m++) {
        grad_method against = r->s.batch ? GRAD_ANALYTIC : o->method;
        if (m == (int)against || m == GRAD_FORWARD ||
            !gradient_available(r->obj, (grad_method)m))
            continue;
        if (!fresh)
            c->err[m] = gradient_eval(r->obj, (grad_method)m, o->h, o->theta,
                                      scratch) < 0
                            ? NAN : gradient_check(scratch, ref, r->n, NULL);
        if (grad_method_uses_h((grad_method)m))
            line(w, "  %s h=%.0e: rel.err %.1e", grad_method_name((grad_method)m),
                 o->h, c->err[m]);
        else
            line(w, "  %s: rel.err %.1e", grad_method_name((grad_method)m),
                 c->err[m]);
    }
    c->update = update;
    c->method = o->method;
    c->h = o->h;
}

static void clip_lines(writer *w, const run *r, const origin *o, bool done)
{
    char b1[64], b2[VEC_BUF];
    clip_setting c = r->s.clip;
    if (c.mode == CLIP_NONE) {
        line(key(w), "off: ĝ = g");
        return;
    }
    if (!done) {
        line(key(w), c.mode == CLIP_NORM ? "ĝ = g·min(1, C/‖g‖), C = %g"
                                    : "ĝ_i = clamp(g_i, −C, C), C = %g", c.c);
        return;
    }
    if (c.mode == CLIP_NORM)
        line(key(w), "‖g‖ %s %s C=%g → ĝ = g·%.4g", num(b1, o->gnorm),
             r->last.clipped ? ">" : "≤", c.c, r->last.clip_scale);
    else
        line(key(w), "clamp(g_i, ±%g)%s", c.c,
             r->last.clipped ? "" : ": no change");
    line(w, "ĝ = %s", vec(b2, r->g_clipped, r->n, 1.0));
}

/* The schedule's step of α (DESIGN §3c): update t finds the rate after
 * t − 1 of its steps. */
static void schedule_lines(writer *w, const run *r, bool done)
{
    char text[96];
    schedule_text(&r->s.sched, text, sizeof text);
    long e = r->step - r->sched_from - (r->next == STAGE_EVALUATE ? 1 : 0);
    if (!done) {
        line(key(w), "schedule %s, base α %.4g", text, r->s.lr);
        return;
    }
    line(w, "schedule %s after %ld step%s", text, e, e == 1 ? "" : "s");
    line(key(w), "α = %.4g → %.6g", r->last.lr_prev, r->lr);
}

static void hd_lines(writer *w, const run *r, const origin *o, bool done)
{
    hd_setting hd = r->s.hd;
    double prev = done ? r->last.lr_prev : r->lr;
    if (r->s.sched.kind != SCHED_NONE) {
        schedule_lines(w, r, done);
        return;
    }
    if (hd.mode == HD_OFF) {
        line(key(w), "off: α = %.4g", done ? o->lr : r->lr);
        return;
    }
    if (!done) {
        line(key(w), hd.mode == HD_ADD ? "α = α₋₁ + β·g·d₋₁, β = %g"
                                  : "α = α₋₁·(1 + β·cos(g, d₋₁)), β = %g", hd.beta);
        return;
    }
    if (hd.mode == HD_ADD) {
        line(w, "h = g·d₋₁ = %.4g", r->last.hypergrad);
        line(key(w), "α = %.4g + %g·h → %.6g%s", prev, hd.beta, o->lr,
             r->last.lr_clamped ? " (clamped)" : "");
    } else {
        line(w, "h = cos(g, d₋₁) = %.4g", r->last.hypergrad);
        line(key(w), "α = %.4g·(1 + %g·h) → %.6g%s", prev, hd.beta, o->lr,
             r->last.lr_clamped ? " (clamped)" : "");
    }
}

/* The optimiser's lines after the update, as its type writes them, with
 * the vectors they name. */
static void state_lines(writer *w, const run *r)
{
    char b1[VEC_BUF];
    const optimizer_type *o = r->s.opt;
    optim_line lines[OPTIM_LINES];
    int k = optim_lines(o, &r->s.op, r->opt_step, lines);
    for (int i = 0; i < k; i++) {
        const optim_line *l = &lines[i];
        const char *name = l->name ? l->name : o->state_names[l->vec];
        if (l->vec == OPTIM_SHOW_NONE) {
            line(w, "%s = %s", name, l->formula);
            continue;
        }
        const double *v = l->vec == OPTIM_SHOW_D ? r->d
                                                 : r->state + (size_t)l->vec * r->n;
        line(w, "%s = %s = %s", name, l->formula, vec(b1, v, r->n, l->scale));
    }
}

/* A reference method says what it did itself; its first note names
 * the method and what it computes. */
static void method_lines(writer *w, const run *r)
{
    optim_note notes[OPTIM_NOTES];
    int k = run_notes(r, notes);
    for (int i = 0; i < k; i++)
        line(i == 0 ? key(w) : w, "%s", notes[i].text);
}

static void update_lines(writer *w, const run *r, const origin *o, bool done)
{
    char b1[VEC_BUF];
    if (r->s.opt->whole) {
        method_lines(w, r);
        return;
    }
    if (!done) {
        line(w, "%s", r->s.opt->title);
        line(key(w), "θ ← θ − α·d");
        return;
    }
    state_lines(w, r);
    line(key(w), "θ ← θ − %.4g·d = %s", o->lr, vec(b1, r->theta, r->n, 1.0));
}

/* The theory on quadratics, about the whole run (stage −1): its rate
 * line is kept on a short panel. */
static void theory_lines(writer *w, const stepdoc_source *src)
{
    char lines[THEORY_LINES][THEORY_LINE];
    int k = src->theory ? theory_view_lines(src->theory, src->r, src->h,
                                            lines)
                        : 0;
    begin(w, -1);
    for (int i = 0; i < k; i++)
        line(i == 1 ? key(w) : w, "%s", lines[i]);
}

/* Where the update shown starts: the run itself mid-update; after a
 * whole update, the snapshot from before it (the gradient the update
 * used, a minibatch's included), else f and g recomputed at θ_{t-1}
 * into scratch. The α the update used is its history row's: a setting
 * changed since may have moved the run's. */
static origin find_origin(const stepdoc_source *src, bool complete,
                          double *scratch)
{
    const run *r = src->r;
    const hist *h = src->h;
    const run *prev = hist_previous(h);
    const hist_row *now = hist_row_at(h, r->step);
    double lr = now ? now->lr : r->lr;
    if (!complete)
        return (origin){r->theta, r->g, r->loss, r->grad_norm, r->s.grad,
                        r->s.h, r->lr};
    if (prev && prev->step == r->step - 1)
        return (origin){prev->theta, prev->g, prev->loss, prev->grad_norm,
                        prev->s.grad, prev->s.h, lr};
    origin o = {r->theta_prev, scratch, NAN, NAN, r->s.grad, r->s.h, lr};
    const hist_row *before = hist_row_at(h, r->step - 1);
    o.loss = before ? before->loss : r->obj->ops->value(r->obj->ctx, o.theta);
    if (gradient_eval(r->obj, r->s.grad, r->s.h, o.theta, scratch) == 0) {
        double ss = 0.0;
        for (size_t i = 0; i < r->n; i++)
            ss += scratch[i] * scratch[i];
        o.gnorm = sqrt(ss);
    }
    return o;
}

void stepdoc_build(const stepdoc_source *src, stepdoc *d)
{
    const run *r = src->r;
    bool complete = r->next == STAGE_EVALUATE && r->step > 0 && !src->changed;
    memset(d, 0, sizeof *d);
    d->update = complete ? r->step : r->step + 1;
    d->done = complete ? RUN_STAGE_COUNT : (int)r->next;
    d->shown = d->done - 1;
    while (d->shown >= 0 && !run_stage_applies(r, (run_stage)d->shown))
        d->shown--;
    /* The stages the optimiser has, counted as it goes through them. */
    int ordinal = 0, stages = 0;
    for (int k = 0; k < RUN_STAGE_COUNT; k++)
        if (run_stage_applies(r, (run_stage)k)) {
            stages++;
            ordinal += k <= d->shown;
        }
    if (d->done == 0)
        snprintf(d->title, sizeof d->title, "update %ld · ready (s: stage)",
                 d->update);
    else
        snprintf(d->title, sizeof d->title, "update %ld · stage %d/%d: %s",
                 d->update, ordinal, stages,
                 run_stage_name((run_stage)d->shown));
    double *scratch = src->scratch;
    origin o = find_origin(src, complete, scratch);
    writer w = {d, 0, true, false};
    char b1[VEC_BUF], b2[64];
    begin(&w, STAGE_EVALUATE);
    line(key(&w), "θ = %s  f = %s", vec(b1, o.theta, r->n, 1.0),
         num(b2, o.loss));
    begin(&w, STAGE_GRADIENT);
    if (run_stage_applies(r, STAGE_GRADIENT))
        gradient_lines(&w, src, &o, d->update, scratch + r->n);
    begin(&w, STAGE_CLIP);
    if (run_stage_applies(r, STAGE_CLIP))
        clip_lines(&w, r, &o, d->done > STAGE_CLIP);
    begin(&w, STAGE_HYPERGRAD);
    if (run_stage_applies(r, STAGE_HYPERGRAD))
        hd_lines(&w, r, &o, d->done > STAGE_HYPERGRAD);
    begin(&w, STAGE_UPDATE);
    update_lines(&w, r, &o, d->done > STAGE_UPDATE);
    theory_lines(&w, src);
}

int stepdoc_fit(const stepdoc *d, int rows, bool *keep)
{
    int kept = 0;
    for (int i = 0; i < d->n; i++) {
        keep[i] = d->n <= rows || d->lines[i].key;
        kept += keep[i];
    }
    /* Then the highlighted stage's other lines, then the others. */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < d->n && kept < rows; i++)
            if (!keep[i] && (pass || d->lines[i].stage == d->shown)) {
                keep[i] = true;
                kept++;
            }
    return kept;
}
