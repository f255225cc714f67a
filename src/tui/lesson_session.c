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

/* The run settings of n on the focused run, keeping its state. */
static int apply_live(session *s, int id, const run_settings *n,
                      option_error *e)
{
    session_run *sr = &s->runs[s->focus];
    run_settings set = *n;
    set.max_steps = n->max_steps > sr->r.step ? n->max_steps : sr->r.step;
    core_error rc = run_set_settings(&sr->r, &set);
    if (rc != CORE_OK)
        return run_live_fail(e, id, rc, &s->obj, &set);
    sr->steps_granted = n->max_steps;
    session_settings_changed(s);
    return 0;
}

int lsession_set(session *s, run_options *cur, int id, const char *value,
                 option_error *e)
{
    run_options o = *cur;
    const session_run *sr = &s->runs[s->focus];
    /* On top of what the run does now: keys may have changed it. */
    o.s = sr->r.s;
    o.s.lr = sr->r.lr;
    o.s.max_steps = sr->steps_granted;
    lesson_setting set = {id, value, 0, 0};
    if (lesson_apply(&o, &set, e) < 0)
        return -1;
    lesson_settle(&o, &set, 1);
    objective obj;
    if (run_options_open(&o, &obj, e) < 0)
        return -1;
    if (lsession_live(id)) {
        objective_free(&obj);
        if (apply_live(s, id, &o.s, e) < 0)
            return -1;
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
