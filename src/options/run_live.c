#include <stdio.h>
#include <string.h>

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
    if (id == OPT_OPTIMIZER)
        o.s.lr = optim_follow_lr(r->s.opt, o.s.opt, o.s.lr);
    run_options_default_hd(&o);
    if (run_options_check(&o, e) < 0)
        return -1;
    core_error rc = run_set_settings(r, &o.s);
    return rc == CORE_OK ? 0 : run_live_fail(e, id, rc, r->obj, &o.s);
}

size_t run_live_settings(const run *r, int *ids, size_t max)
{
    static const struct {
        int id;
        unsigned param;
    } params[] = {{OPT_MOMENTUM, OPTIM_P_MOMENTUM}, {OPT_BETA1, OPTIM_P_BETAS},
                  {OPT_BETA2, OPTIM_P_BETAS}, {OPT_RHO, OPTIM_P_RHO},
                  {OPT_EPS, OPTIM_P_EPS},
                  {OPT_WEIGHT_DECAY, OPTIM_P_WEIGHT_DECAY},
                  {OPT_DAMPENING, OPTIM_P_DAMPENING},
                  {OPT_AMSGRAD, OPTIM_P_AMSGRAD}};
    const run_settings *s = &r->s;
    unsigned caps = s->opt->caps;
    size_t n = 0;
    for (int id = OPT_OPTIMIZER; id <= OPT_TOL && n < max; id++) {
        bool on = true;
        for (size_t i = 0; i < sizeof params / sizeof params[0]; i++)
            if (params[i].id == id)
                on = s->opt->params & params[i].param;
        if (id == OPT_H)
            on = grad_method_uses_h(s->grad);
        if (id == OPT_CLIP)
            on = caps & OPTIM_TAKES_CLIP;
        if (id == OPT_HYPERGRAD)
            on = (caps & OPTIM_TAKES_HD) && s->sched.kind == SCHED_NONE;
        if (id == OPT_HD_BETA || id == OPT_LR_MIN || id == OPT_LR_MAX)
            on = s->hd.mode != HD_OFF;
        if (id == OPT_SCHEDULE)
            on = (caps & OPTIM_TAKES_SCHEDULE) && s->hd.mode == HD_OFF;
        if (on)
            ids[n++] = id;
    }
    return n;
}

/* The words of buf (split in place at blanks); how many, at most max. */
static int split_words(char *buf, char **w, int max)
{
    int n = 0;
    for (char *t = strtok(buf, " \t"); t && n < max; t = strtok(NULL, " \t"))
        w[n++] = t;
    return n;
}

int run_live_set_text(run *r, const char *text, int *other, char *other_value,
                      size_t cap, option_error *e)
{
    char buf[512], *w[256]; /* a word takes two characters at least */
    if (strlen(text) >= sizeof buf)
        return option_fail(e, "", "settings too long (at most %zu "
                           "characters)", sizeof buf - 1);
    snprintf(buf, sizeof buf, "%s", text);
    int n = split_words(buf, w, 256);
    if (other)
        *other = 0;
    for (int i = 0; i < n; i++) {
        char *name = w[i];
        while (*name == '-')
            name++;
        size_t len = strcspn(name, ":=");
        const option_entry *o = option_by_name(run_option_table, name, len);
        if (!o)
            return option_fail(e, "", "unknown setting '%.*s'", (int)len, name);
        const char *v = name[len] && name[len + 1] ? name + len + 1 : NULL;
        bool on_off = i + 1 < n && (strcmp(w[i + 1], "on") == 0 ||
                                    strcmp(w[i + 1], "off") == 0);
        if (!v && (o->has_value || on_off) && i + 1 < n)
            v = w[++i];
        if (!v && o->has_value)
            return option_fail(e, "", "--%s needs a value", o->name);
        if (other && !*other && !run_live_option(o->id)) {
            *other = o->id;
            snprintf(other_value, cap, "%s", v ? v : "");
            continue;
        }
        if (run_live_set(r, o->id, v, e) < 0)
            return -1;
    }
    return 0;
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

/* The number option id stands for in r, as it is in effect (α: a
 * schedule's base); false when id is no number. */
static bool number_value(const run *r, int id, double *v)
{
    const run_settings *s = &r->s;
    const optim_params *p = &s->op;
    switch (id) {
    case OPT_LR: *v = run_settings_of(r).lr; return true;
    case OPT_MOMENTUM: *v = p->momentum; return true;
    case OPT_DAMPENING: *v = p->dampening; return true;
    case OPT_BETA1: *v = p->beta1; return true;
    case OPT_BETA2: *v = p->beta2; return true;
    case OPT_RHO: *v = optim_rho(s->opt, p); return true;
    case OPT_EPS: *v = optim_eps(s->opt, p); return true;
    case OPT_WEIGHT_DECAY: *v = optim_weight_decay(s->opt, p); return true;
    case OPT_H: *v = s->h; return true;
    case OPT_HD_BETA: *v = s->hd.beta; return true;
    case OPT_LR_MIN: *v = s->hd.lr_min; return true;
    case OPT_LR_MAX: *v = s->hd.lr_max; return true;
    case OPT_TOL: *v = s->tol; return true;
    }
    return false;
}

void run_live_text(const run *r, int id, char *buf, size_t cap)
{
    const run_settings *s = &r->s;
    char num[FMT_DOUBLE_MAX];
    double v;
    if (number_value(r, id, &v)) {
        fmt_double(v, num);
        snprintf(buf, cap, "%s", num);
        return;
    }
    switch (id) {
    case OPT_OPTIMIZER: snprintf(buf, cap, "%s", s->opt->name); break;
    case OPT_STEPS: snprintf(buf, cap, "%ld", s->max_steps); break;
    case OPT_AMSGRAD: snprintf(buf, cap, "%s", s->op.amsgrad ? "on" : "off"); break;
    case OPT_SCHEDULE: schedule_text(&s->sched, buf, cap); break;
    case OPT_GRAD:
        mode_text(buf, cap, grad_method_name(s->grad),
                  grad_method_uses_h(s->grad), s->h);
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
