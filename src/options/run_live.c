#include <stdio.h>

#include "fmt_double.h"
#include "run_live.h"

bool run_live_option(int id) { return id >= OPT_OPTIMIZER && id <= OPT_TOL; }

static void where_of(int id, char *where, size_t cap)
{
    const option_entry *o = option_by_id(run_option_table, id);
    snprintf(where, cap, "--%s", o ? o->name : "?");
}

int run_live_fail(option_error *e, int id, core_error rc,
                  const objective *obj, const run_settings *s)
{
    char where[sizeof e->where];
    where_of(id, where, sizeof where);
    switch (rc) {
    case CORE_ENOGRAD:
        return option_fail(e, where, "%s gradients are not available for %s",
                           grad_method_name(s->grad), obj->name);
    default:
        return option_fail(e, where, "%s", core_error_message(rc));
    }
}

int run_live_set(run *r, int id, const char *text, option_error *e)
{
    if (!run_live_option(id)) {
        char where[sizeof e->where];
        where_of(id, where, sizeof where);
        return option_fail(e, where, "starts another run; it cannot change "
                           "this one");
    }
    run_options o;
    run_options_default(&o);
    o.s = run_settings_of(r);
    o.grad_set = o.hd_beta_set = true;
    if (id == OPT_HYPERGRAD)
        o.hd_beta_set = false;
    if (run_options_set(&o, id, text, e) < 0)
        return -1;
    run_options_default_hd(&o);
    if (run_options_check(&o.s, e) < 0)
        return -1;
    core_error rc = run_set_settings(r, &o.s);
    return rc == CORE_OK ? 0 : run_live_fail(e, id, rc, r->obj, &o.s);
}

/* "MODE" or "MODE:V", V exact. */
static void mode_text(char *buf, size_t cap, const char *mode, bool has,
                      double v)
{
    char num[FMT_DOUBLE_MAX];
    fmt_double(v, num);
    if (has)
        snprintf(buf, cap, "%s:%s", mode, num);
    else
        snprintf(buf, cap, "%s", mode);
}

void run_live_text(const run *r, int id, char *buf, size_t cap)
{
    const run_settings *s = &r->s;
    switch (id) {
    case OPT_LR: {
        char num[FMT_DOUBLE_MAX];
        fmt_double(r->lr, num);
        snprintf(buf, cap, "%s", num);
        break;
    }
    case OPT_GRAD:
        mode_text(buf, cap, grad_method_name(s->grad),
                  s->grad == GRAD_CENTRAL, s->h);
        break;
    case OPT_CLIP:
        mode_text(buf, cap, clip_mode_name(s->clip.mode),
                  s->clip.mode != CLIP_NONE, s->clip.c);
        break;
    case OPT_HYPERGRAD:
        mode_text(buf, cap, hd_mode_name(s->hd.mode), s->hd.mode != HD_OFF,
                  s->hd.beta);
        break;
    default: snprintf(buf, cap, "%s", ""); break;
    }
}
