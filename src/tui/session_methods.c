#include <stdio.h>
#include <string.h>

#include "run_live.h"
#include "session_methods.h"

int session_apply_text(session *s, const char *text, option_error *e)
{
    int other;
    char value[256];
    run *r = session_focused(s);
    long end = r->s.max_steps;
    int rc = run_live_set_text(r, text, &other, value, sizeof value, e);
    /* steps N typed: the session's step limit, a pause every N. */
    if (r->s.max_steps != end)
        session_set_limit(s, r->s.max_steps);
    session_settings_changed(s);
    if (rc < 0 || other == 0)
        return rc;
    if (other != OPT_PRECISION)
        return option_fail(e, "", "--%s starts another session: use the "
                           "objective menu or the command line",
                           option_by_id(run_option_table, other)->name);
    run_options o;
    run_options_default(&o);
    if (run_options_set(&o, OPT_PRECISION, value, e) < 0)
        return -1;
    objective_error oe;
    if (session_set_precision(s, o.single, &oe) < 0)
        return option_fail(e, "--precision", "%s", oe.message);
    return 0;
}

void session_settings_text(session *s, char *buf, size_t cap)
{
    const run *r = session_focused(s);
    int ids[32];
    size_t n = run_live_settings(r, ids, 32), len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < cap; i++) {
        char v[128];
        run_live_text(r, ids[i], v, sizeof v);
        len += (size_t)snprintf(buf + len, cap - len, "%s%s %s",
                                i ? " · " : "",
                                option_by_id(run_option_table, ids[i])->name, v);
    }
}

int session_compare(session *s, const char *text, option_error *e)
{
    int before = s->nruns;
    core_error rc = session_add_run(s);
    if (rc != CORE_OK) {
        if (s->nruns > before)
            session_remove_run(s);
        return option_fail(e, "--compare", "%s", rc == CORE_ERANGE
                           ? "at most 4 runs at once" : core_error_message(rc));
    }
    int other;
    char value[256];
    if (run_live_set_text(session_focused(s), text, &other, value,
                          sizeof value, e) < 0 ||
        (other && option_fail(e, "--compare", "--%s is the same for every "
                              "run", option_by_id(run_option_table,
                                                  other)->name) < 0)) {
        session_remove_run(s);
        return -1;
    }
    session_settings_changed(s);
    return 0;
}

int session_versus(session *s, char *what, size_t cap, option_error *e)
{
    const run *r = session_focused(s);
    char text[128];
    if (r->s.sched.kind != SCHED_NONE || r->s.hd.mode == HD_OFF) {
        snprintf(what, cap, "hypergradient add");
        snprintf(text, sizeof text, "--schedule none --hypergrad add");
    } else {
        /* Over the step limit; without one, the command line's 1000. */
        long steps = s->runs[s->focus].limit ? s->runs[s->focus].limit : 1000;
        snprintf(what, cap, "schedule cosine:%ld", steps);
        snprintf(text, sizeof text, "--hypergrad off --schedule cosine:%ld",
                 steps);
    }
    return session_compare(s, text, e);
}
