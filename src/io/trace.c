/* Trace writing (DESIGN §6). Rows go through an outbuf to a temporary
 * file beside the target, which trace_close moves into place, so a
 * reader never sees half a trace and a failed run leaves what was there. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "outbuf.h"
#include "trace.h"

struct trace_writer {
    trace_format fmt;
    atomic_file file;
    size_t params;
    const char *const *extra;
    outbuf out;
};

static const char *const base_columns[] = {
    "step", "loss", "grad_norm", "clipped", "lr", "hypergrad",
    "lr_clamped", "update_norm", NULL};

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

static void write_setting_num(outbuf *o, const char *key, double v)
{
    outbuf_str(o, ",\"");
    outbuf_str(o, key);
    outbuf_str(o, "\":");
    outbuf_json_double(o, v);
}

static void write_setting_str(outbuf *o, const char *key, const char *v)
{
    outbuf_str(o, ",\"");
    outbuf_str(o, key);
    outbuf_str(o, "\":");
    outbuf_json_string(o, v);
}

static void write_column_names(trace_writer *w, outbuf *o, bool json)
{
    bool first = true;
    char name[32];
#define NAME(s)                                                          \
    do {                                                                 \
        if (!first)                                                      \
            outbuf_char(o, ',');                                         \
        first = false;                                                   \
        if (json)                                                        \
            outbuf_json_string(o, s);                                    \
        else                                                             \
            outbuf_str(o, s);                                            \
    } while (0)
    for (const char *const *c = base_columns; *c; c++)
        NAME(*c);
    for (size_t i = 0; i < w->params; i++) {
        snprintf(name, sizeof name, "x%zu", i);
        NAME(name);
    }
    for (const char *const *c = w->extra; c && *c; c++)
        NAME(*c);
#undef NAME
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
    write_setting_num(o, "rho", s->op.rho);
    write_setting_num(o, "eps", optim_eps(s->opt, &s->op));
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

trace_writer *trace_open(const char *path, trace_format fmt, bool force,
                         const run *r, const trace_meta *meta,
                         char *err, size_t errcap)
{
    trace_writer *w = calloc(1, sizeof *w);
    if (!w) {
        say(err, errcap, "%s: out of memory", path);
        return NULL;
    }
    w->fmt = fmt;
    w->params = meta->params;
    w->extra = meta->extra;
    if (atomic_open(&w->file, path, force, err, errcap) < 0) {
        free(w);
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

int trace_write_row(trace_writer *w, const run *r, const double *extra)
{
    outbuf *o = &w->out;
    const run_update_info *u = &r->last;
    const double num[] = {r->loss, r->grad_norm, u->clipped, r->lr,
                          u->hypergrad, u->lr_clamped, u->update_norm};
    if (w->fmt == TRACE_CSV) {
        outbuf_long(o, r->step);
        for (size_t i = 0; i < 7; i++) {
            outbuf_char(o, ',');
            outbuf_double(o, num[i]);
        }
        for (size_t i = 0; i < w->params; i++) {
            outbuf_char(o, ',');
            outbuf_double(o, r->theta[i]);
        }
        for (size_t i = 0; w->extra && w->extra[i]; i++) {
            outbuf_char(o, ',');
            outbuf_double(o, extra[i]);
        }
        outbuf_char(o, '\n');
    } else {
        outbuf_str(o, "{\"type\":\"step\",\"step\":");
        outbuf_long(o, r->step);
        for (size_t i = 0; i < 7; i++)
            write_setting_num(o, base_columns[i + 1], num[i]);
        char name[32];
        for (size_t i = 0; i < w->params; i++) {
            snprintf(name, sizeof name, "x%zu", i);
            write_setting_num(o, name, r->theta[i]);
        }
        for (size_t i = 0; w->extra && w->extra[i]; i++)
            write_setting_num(o, w->extra[i], extra[i]);
        outbuf_str(o, "}\n");
    }
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
        outbuf_str(o, "}\n");
    }
    const char *path = w->file.path ? w->file.path : "standard output";
    if (outbuf_flush(&w->out) < 0) {
        say(err, errcap, "%s: write failed: %s", path, strerror(errno));
        trace_abort(w);
        return -1;
    }
    int rc = atomic_commit(&w->file, err, errcap);
    free(w);
    return rc;
}

void trace_abort(trace_writer *w)
{
    if (!w)
        return;
    atomic_abort(&w->file);
    free(w);
}
