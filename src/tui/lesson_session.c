#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "lesson_session.h"
#include "model.h"
#include "run_live.h"

/* A session that always opens, for when a step's does not (out of
 * memory, a gradient the objective lacks): the screen must have one. */
static void stand_in(session *s, const run_settings *set)
{
    char err[64];
    run_settings plain = run_settings_default();
    if (session_init(s, "quadratic", set, NULL, NULL, err, sizeof err) < 0)
        session_init(s, "quadratic", &plain, NULL, NULL, err, sizeof err);
}

int lsession_open(session *s, run_options *o, objective *obj, char *err,
                  size_t cap)
{
    bool two = obj->dim == 2, model = model_of(obj) != NULL;
    /* A model's start lives in the model (ctx), which moves with it. */
    const double *from = run_options_start(o, obj);
    session_free(s);
    if (session_init_objective(s, obj, &o->s, from,
                               o->has_view && two ? o->view : NULL, err,
                               cap) < 0) {
        stand_in(s, &o->s);
        return -1;
    }
    /* Export and the top bar name an expression by its text. */
    if (!model && o->objective)
        snprintf(s->spec, sizeof s->spec, "%s", o->objective);
    return 0;
}

int lsession_step(session *s, lesson_player *p, run_options *cur, char *err,
                  size_t cap)
{
    option_error e;
    objective obj;
    if (player_open(p, cur, &obj, &e) < 0) {
        snprintf(err, cap, "%s%s%s", e.where, e.where[0] ? ": " : "",
                 e.message);
        session_free(s);
        stand_in(s, &cur->s);
        return -1;
    }
    return lsession_open(s, cur, &obj, err, cap);
}

bool lsession_live(int id) { return run_live_option(id); }

int lsession_set(session *s, run_options *cur, int id, const char *value,
                 option_error *e)
{
    run_options o;
    objective obj;
    session_run *sr = &s->runs[s->focus];
    if (lesson_settings_now(cur, &sr->r, sr->limit ? sr->limit : LONG_MAX,
                            id, value, &o, &obj, e) < 0)
        return -1;
    if (lsession_live(id)) {
        objective_free(&obj);
        if (lesson_run_retune(&sr->r, id, &o.s, &s->obj, e) < 0)
            return -1;
        /* The limit as a pause again (retuning set the run's end). */
        session_set_limit(s, o.s.max_steps == LONG_MAX ? 0 : o.s.max_steps);
        session_settings_changed(s);
        *cur = o;
        return 0;
    }
    *cur = o;
    char err[256];
    if (lsession_open(s, cur, &obj, err, sizeof err) < 0) {
        option_fail(e, "", "%s", err);
        return -1;
    }
    return 1;
}
