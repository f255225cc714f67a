/* Trace writing (DESIGN §6). Rows go through an outbuf to a temporary
 * file beside the target, which trace_close moves into place, so a
 * reader never sees half a trace and a failed run leaves what was there. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "fmt_double.h"
#include "model.h"
#include "outbuf.h"
#include "trace.h"

/* The last text written in a column of numbers, reused while the value
 * repeats (lr without hypergradients, hypergrad 0, a settled θ): most
 * of a row's cost is formatting its numbers. */
typedef struct {
    uint64_t bits;
    unsigned char len;
    char text[FMT_DOUBLE_MAX];
} cached_number;

/* ',' in CSV; ,"name": in JSONL. */
typedef struct {
    char text[32];
    unsigned char len;
} column_key;

struct trace_writer {
    trace_format fmt;
    bool single;           /* a float32 run (DESIGN §3e) */
    atomic_file file;
    size_t params;
    unsigned columns;
    outbuf out;
    cached_number *cache;  /* one per column of numbers, then per x */
    column_key *keys;      /* what goes before each value: one per
                              column, then per x */
};

typedef enum { COL_LONG, COL_NUMBER, COL_FLAG, COL_X } col_kind;

/* The columns in trace order; COL_X stands for x0, x1, ... An optional
 * column is written when its bit (`when`) is in the trace's columns. */
static const struct {
    const char *name;
    size_t offset;
    col_kind kind;
    unsigned when;
    bool f32;           /* a float32 value in a float32 run: printed so */
} columns[] = {
    {"step", offsetof(trace_row, step), COL_LONG, 0, false},
    {"loss", offsetof(trace_row, loss), COL_NUMBER, 0, true},
    {"grad_norm", offsetof(trace_row, grad_norm), COL_NUMBER, 0, true},
    {"clipped", offsetof(trace_row, clipped), COL_FLAG, 0, false},
    {"lr", offsetof(trace_row, lr), COL_NUMBER, 0, false},
    {"hypergrad", offsetof(trace_row, hypergrad), COL_NUMBER, 0, false},
    {"lr_clamped", offsetof(trace_row, lr_clamped), COL_FLAG, 0, false},
    {"update_norm", offsetof(trace_row, update_norm), COL_NUMBER, 0, true},
    {"x", 0, COL_X, 0, true},
    {"val_loss", offsetof(trace_row, val_loss), COL_NUMBER, TRACE_VAL_LOSS,
     false},
    {"train_acc", offsetof(trace_row, train_acc), COL_NUMBER,
     TRACE_TRAIN_ACC, false},
    {"val_acc", offsetof(trace_row, val_acc), COL_NUMBER, TRACE_VAL_ACC,
     false},
    {"batch_loss", offsetof(trace_row, batch_loss), COL_NUMBER,
     TRACE_BATCH_LOSS, false},
    /* Last, so that readers indexing the columns before them keep
     * working. */
    {"evals", offsetof(trace_row, evals), COL_LONG, 0, false},
    {"gevals", offsetof(trace_row, gevals), COL_LONG, 0, false},
};

enum { COLUMNS = sizeof columns / sizeof columns[0] };

static double number_at(const trace_row *row, size_t c)
{
    double v;
    memcpy(&v, (const char *)row + columns[c].offset, sizeof v);
    return v;
}

unsigned trace_model_columns(const objective *obj, const run_settings *s)
{
    const model *m = model_of(obj);
    if (!m)
        return 0;
    unsigned cols = 0;
    if (m->data.n_val)
        cols |= TRACE_VAL_LOSS;
    if (m->type->classifier)
        cols |= TRACE_TRAIN_ACC | (m->data.n_val ? TRACE_VAL_ACC : 0);
    if (s->batch > 0)
        cols |= TRACE_BATCH_LOSS;
    return cols;
}

size_t trace_optional(unsigned cols, const trace_row *row,
                      const char **names, double *values)
{
    size_t k = 0;
    for (size_t c = 0; c < COLUMNS; c++)
        if (columns[c].when & cols) {
            names[k] = columns[c].name;
            if (values)
                values[k] = number_at(row, c);
            k++;
        }
    names[k] = NULL;
    return k;
}

bool trace_wants_metrics(const trace_writer *w)
{
    return w->columns & (TRACE_VAL_LOSS | TRACE_TRAIN_ACC | TRACE_VAL_ACC);
}

static void say(char *err, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, cap, fmt, ap);
    va_end(ap);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int trace_format_from_path(const char *path, trace_format *fmt)
{
    if (strcmp(path, "-") == 0 || ends_with(path, ".csv"))
        *fmt = TRACE_CSV;
    else if (ends_with(path, ".jsonl"))
        *fmt = TRACE_JSONL;
    else
        return -1;
    return 0;
}

int trace_check_path(const char *path, bool force, char *err, size_t errcap)
{
    trace_format fmt;
    if (trace_format_from_path(path, &fmt) < 0) {
        say(err, errcap, "%s: the file name must end in .csv or .jsonl", path);
        return -1;
    }
    return atomic_check(path, force, err, errcap);
}

static void write_number(outbuf *o, const char *key, double v, bool single)
{
    outbuf_str(o, ",\"");
    outbuf_str(o, key);
    outbuf_str(o, "\":");
    outbuf_json_number(o, v, single);
}

static void write_setting_num(outbuf *o, const char *key, double v)
{
    write_number(o, key, v, false);
}

static void write_setting_str(outbuf *o, const char *key, const char *v)
{
    outbuf_str(o, ",\"");
    outbuf_str(o, key);
    outbuf_str(o, "\":");
    outbuf_json_string(o, v);
}

static bool column_shown(const trace_writer *w, size_t c)
{
    return !columns[c].when || (columns[c].when & w->columns);
}

static void write_column_names(trace_writer *w, outbuf *o, bool json)
{
    bool first = true;
    char name[32];
    for (size_t c = 0; c < COLUMNS; c++) {
        if (!column_shown(w, c))
            continue;
        for (size_t i = 0; i < (columns[c].kind == COL_X ? w->params : 1);
             i++) {
            const char *s = columns[c].name;
            if (columns[c].kind == COL_X) {
                snprintf(name, sizeof name, "x%zu", i);
                s = name;
            }
            if (!first)
                outbuf_char(o, ',');
            first = false;
            if (json)
                outbuf_json_string(o, s);
            else
                outbuf_str(o, s);
        }
    }
}

static void write_jsonl_header(trace_writer *w, const run *r,
                               const trace_meta *m)
{
    outbuf *o = &w->out;
    const run_settings *s = &r->s;
    outbuf_str(o, "{\"type\":\"header\",\"format\":1,\"program\":\"descent "
                  DESCENT_VERSION "\"");
    write_setting_str(o, "objective", m->objective);
    if (m->model)
        write_setting_str(o, "model", m->model);
    write_setting_str(o, "optimizer", s->opt->name);
    write_setting_num(o, "lr", s->lr);
    write_setting_num(o, "momentum", s->op.momentum);
    write_setting_num(o, "beta1", s->op.beta1);
    write_setting_num(o, "beta2", s->op.beta2);
    write_setting_num(o, "rho", optim_rho(s->opt, &s->op));
    write_setting_num(o, "eps", optim_eps(s->opt, &s->op));
    write_setting_num(o, "weight_decay", optim_weight_decay(s->opt, &s->op));
    write_setting_num(o, "dampening", s->op.dampening);
    outbuf_str(o, s->op.amsgrad ? ",\"amsgrad\":true" : ",\"amsgrad\":false");
    char sched[96];
    schedule_text(&s->sched, sched, sizeof sched);
    write_setting_str(o, "schedule", sched);
    write_setting_str(o, "precision", r->obj->single ? "single" : "double");
    write_setting_str(o, "grad", grad_method_name(s->grad));
    write_setting_num(o, "h", s->h);
    write_setting_str(o, "clip", clip_mode_name(s->clip.mode));
    write_setting_num(o, "clip_threshold", s->clip.c);
    write_setting_str(o, "hypergrad", hd_mode_name(s->hd.mode));
    write_setting_num(o, "hd_beta", s->hd.beta);
    write_setting_num(o, "lr_min", s->hd.lr_min);
    write_setting_num(o, "lr_max", s->hd.lr_max);
    write_setting_num(o, "steps", (double)s->max_steps);
    write_setting_num(o, "tol", s->tol);
    write_setting_num(o, "batch", (double)s->batch);
    outbuf_str(o, ",\"seed\":"); /* a whole number, exactly */
    outbuf_long(o, (long)s->seed);
    outbuf_str(o, ",\"start\":[");
    for (size_t i = 0; i < r->n; i++) {
        if (i)
            outbuf_char(o, ',');
        outbuf_json_double(o, m->start[i]);
    }
    outbuf_str(o, "],\"args\":[");
    for (int i = 0; i < m->argc; i++) {
        if (i)
            outbuf_char(o, ',');
        outbuf_json_string(o, m->argv[i]);
    }
    outbuf_str(o, "],\"dim\":");
    outbuf_long(o, (long)r->n);
    outbuf_str(o, ",\"columns\":[");
    write_column_names(w, o, true);
    outbuf_str(o, "]}\n");
}

static void set_key(const trace_writer *w, column_key *k, const char *name)
{
    memset(k->text, 0, sizeof k->text);
    int n = w->fmt == TRACE_CSV ? snprintf(k->text, sizeof k->text, ",")
                                : snprintf(k->text, sizeof k->text,
                                           ",\"%s\":", name);
    k->len = (unsigned char)(n > 0 && (size_t)n < sizeof k->text ? n : 0);
}

static void writer_free(trace_writer *w)
{
    free(w->cache);
    free(w->keys);
    free(w);
}

trace_writer *trace_open(const char *path, trace_format fmt, bool force,
                         const run *r, const trace_meta *meta,
                         char *err, size_t errcap)
{
    size_t slots = COLUMNS + meta->params;
    trace_writer *w = calloc(1, sizeof *w);
    if (w) {
        w->cache = calloc(slots, sizeof *w->cache);
        w->keys = malloc(slots * sizeof *w->keys);
    }
    if (!w || !w->cache || !w->keys) {
        if (w)
            writer_free(w);
        say(err, errcap, "%s: out of memory", path);
        return NULL;
    }
    w->fmt = fmt;
    w->single = r->obj->single;
    w->params = meta->params;
    w->columns = meta->columns;
    for (size_t c = 0; c < COLUMNS; c++)
        set_key(w, &w->keys[c], columns[c].name);
    for (size_t i = 0; i < w->params; i++) {
        char name[24];
        snprintf(name, sizeof name, "x%zu", i);
        set_key(w, &w->keys[COLUMNS + i], name);
    }
    if (atomic_open(&w->file, path, force, err, errcap) < 0) {
        writer_free(w);
        return NULL;
    }
    outbuf_init(&w->out, w->file.f);
    if (fmt == TRACE_CSV) {
        write_column_names(w, &w->out, false);
        outbuf_char(&w->out, '\n');
    } else {
        write_jsonl_header(w, r, meta);
    }
    return w;
}

/* Column slot's key, then v as its text (a float32's shortest when f32
 * in a float32 run): the cached one when v is the last value. */
static void put_number(trace_writer *w, size_t slot, double v, bool f32)
{
    const column_key *k = &w->keys[slot];
    outbuf_mem_in(&w->out, k->text, k->len, sizeof k->text);
    cached_number *c = &w->cache[slot];
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    if (!c->len || c->bits != bits) {
        c->bits = bits;
        if (w->fmt == TRACE_JSONL && !isfinite(v)) {
            memcpy(c->text, "null", 4);
            c->len = 4;
        } else {
            c->len = (unsigned char)fmt_number(v, f32 && w->single, c->text);
        }
    }
    outbuf_mem_in(&w->out, c->text, c->len, sizeof c->text);
}

int trace_write_row(trace_writer *w, const trace_row *row,
                    const double *theta)
{
    outbuf *o = &w->out;
    if (w->fmt == TRACE_JSONL)
        outbuf_str(o, "{\"type\":\"step\",\"step\":");
    outbuf_long(o, row->step);
    for (size_t c = 1; c < COLUMNS; c++) {
        if (!column_shown(w, c))
            continue;
        if (columns[c].kind == COL_X) {
            for (size_t i = 0; i < w->params; i++)
                put_number(w, COLUMNS + i, theta[i], true);
        } else if (columns[c].kind == COL_FLAG) {
            const column_key *k = &w->keys[c];
            outbuf_mem_in(o, k->text, k->len, sizeof k->text);
            bool on = *(const bool *)((const char *)row + columns[c].offset);
            outbuf_char(o, on ? '1' : '0');
        } else if (columns[c].kind == COL_LONG) {
            const column_key *k = &w->keys[c];
            outbuf_mem_in(o, k->text, k->len, sizeof k->text);
            outbuf_long(o, *(const long *)((const char *)row +
                                           columns[c].offset));
        } else {
            put_number(w, c, number_at(row, c), columns[c].f32);
        }
    }
    if (w->fmt == TRACE_JSONL)
        outbuf_char(o, '}');
    outbuf_char(o, '\n');
    return o->failed ? -1 : 0;
}

int trace_close(trace_writer *w, const run *r, char *err, size_t errcap)
{
    if (w->fmt == TRACE_JSONL) {
        outbuf *o = &w->out;
        outbuf_str(o, "{\"type\":\"end\",\"status\":");
        /* A run still going (a trace exported from the TUI mid-run) ends
         * here as stopped: the format knows four statuses. */
        outbuf_json_string(o, run_status_name(r->status == RUN_RUNNING
                                                  ? RUN_STOPPED : r->status));
        outbuf_str(o, ",\"steps\":");
        outbuf_long(o, r->step);
        if (r->status == RUN_DIVERGED)
            write_setting_str(o, "reason", r->diverged_what);
        else if (r->stop_why)
            write_setting_str(o, "reason", r->stop_why);
        outbuf_str(o, "}\n");
    }
    const char *path = w->file.path ? w->file.path : "standard output";
    if (outbuf_flush(&w->out) < 0) {
        say(err, errcap, "%s: write failed: %s", path, strerror(errno));
        trace_abort(w);
        return -1;
    }
    int rc = atomic_commit(&w->file, err, errcap);
    writer_free(w);
    return rc;
}

void trace_abort(trace_writer *w)
{
    if (!w)
        return;
    atomic_abort(&w->file);
    writer_free(w);
}
