/* The run settings of lesson steps: which options a lesson may set, and
 * how a step's settings follow from the previous step's. */
#include <string.h>

#include "lesson.h"
#include "run_live.h"
#include "screen_spec.h"

const option_entry *lesson_option(const char *name, size_t len)
{
    const option_entry *o = option_by_name(run_option_table, name, len);
    return o && !run_option_is_output(o->id) ? o : NULL;
}

const char *const *lesson_option_names(void)
{
    static const char *names[64];
    if (!names[0]) {
        size_t n = 0;
        for (const option_entry *o = run_option_table; o->name; o++)
            if (!run_option_is_output(o->id))
                names[n++] = o->name;
        names[n] = NULL;
    }
    return names;
}

int lesson_apply(run_options *o, const lesson_setting *s, option_error *e)
{
    if (s->id == OPT_VIEW && screen_named(s->value)) {
        screen_spec spec;
        if (screen_spec_parse(s->value, &spec, e) < 0)
            return -1;
        o->screen = spec.kind == SCREEN_SURFACE ? NULL : s->value;
        return 0;
    }
    if (s->id == OPT_VIEW) /* a box: the surface, in that box */
        o->screen = NULL;
    if (s->id == OPT_OBJECTIVE) {
        model_options_default(&o->model);
    } else if (s->id == MOPT_MODEL) {
        o->objective = "rosenbrock";
        o->objective_set = false;
    }
    return run_options_set(o, s->id, s->value, e);
}

/* A named view sets no box. */
static bool sets(const lesson_setting *s, size_t n, int id)
{
    for (size_t i = 0; i < n; i++)
        if (s[i].id == id && !(id == OPT_VIEW && screen_named(s[i].value)))
            return true;
    return false;
}

void lesson_settle(run_options *o, const lesson_setting *s, size_t n)
{
    if (!sets(s, n, OPT_OBJECTIVE) && !sets(s, n, MOPT_MODEL))
        return;
    if (!sets(s, n, OPT_START)) {
        o->has_start = false;
        o->n_start = 0;
    }
    if (!sets(s, n, OPT_VIEW))
        o->has_view = false;
}

int lesson_settings_with(const run_options *base, const lesson_setting *s,
                         size_t n, run_options *out, option_error *e)
{
    *out = *base;
    for (size_t i = 0; i < n; i++)
        if (lesson_apply(out, &s[i], e) < 0)
            return -1;
    lesson_settle(out, s, n);
    return 0;
}

int lesson_step_settings(const lesson_step *st, bool solved, run_options *out,
                         option_error *e)
{
    return lesson_settings_with(&st->run, st->solution,
                                solved ? st->n_solution : 0, out, e);
}

int lesson_check_settings(const lesson_step *st, const lesson_check *c,
                          run_options *out, option_error *e)
{
    return lesson_settings_with(&st->run, c->set, c->n_set, out, e);
}

bool lesson_has_goal(const lesson_step *st) { return st->goal.n > 0; }

int lesson_step_open(const lesson_step *st, bool solved, run_options *out,
                     objective *obj, option_error *e)
{
    if (lesson_step_settings(st, solved, out, e) < 0)
        return -1;
    return run_options_open(out, obj, e);
}

int lesson_settings_now(const run_options *cur, const run *r, long granted,
                        int id, const char *value, run_options *out,
                        objective *obj, option_error *e)
{
    *out = *cur;
    /* On top of what the run does now: keys may have changed it. */
    out->s = run_settings_of(r); /* α in effect, or a schedule's base */
    out->s.max_steps = granted;
    lesson_setting set = {id, value, 0, 0};
    if (lesson_apply(out, &set, e) < 0)
        return -1;
    lesson_settle(out, &set, 1);
    return run_options_open(out, obj, e);
}

int lesson_run_retune(run *r, int id, const run_settings *n,
                      const objective *obj, option_error *e)
{
    run_settings set = *n;
    set.max_steps = n->max_steps > r->step ? n->max_steps : r->step;
    core_error rc = run_set_settings(r, &set);
    return rc == CORE_OK ? 0 : run_live_fail(e, id, rc, obj, &set);
}
