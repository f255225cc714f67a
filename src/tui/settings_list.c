#include <string.h>

#include "run_values.h"
#include "settings_list.h"

static int add(int *ids, int n, int cap, int id)
{
    if (n < cap)
        ids[n++] = id;
    return n;
}

int settings_rows(const run *r, int *ids, int cap)
{
    const run_settings *s = &r->s;
    int n = add(ids, 0, cap, OPT_OPTIMIZER);
    n = add(ids, n, cap, OPT_LR);
    for (const char *const *name = s->opt->settings; name && *name; name++) {
        const option_entry *o = option_by_name(run_option_table, *name,
                                               strlen(*name));
        if (o)
            n = add(ids, n, cap, o->id);
    }
    n = add(ids, n, cap, OPT_GRAD);
    if (s->grad == GRAD_CENTRAL)
        n = add(ids, n, cap, OPT_H);
    n = add(ids, n, cap, OPT_CLIP);
    n = add(ids, n, cap, OPT_HYPERGRAD);
    if (s->hd.mode != HD_OFF) {
        n = add(ids, n, cap, OPT_HD_BETA);
        n = add(ids, n, cap, OPT_LR_MIN);
        n = add(ids, n, cap, OPT_LR_MAX);
    }
    n = add(ids, n, cap, OPT_STEPS);
    return add(ids, n, cap, OPT_TOL);
}

const char *settings_about(int id)
{
    static const struct {
        int id;
        const char *about;
    } known[] = {
        {OPT_OPTIMIZER, "the method (Enter: the list)"},
        {OPT_LR, "α, the learning rate in effect"},
        {OPT_MOMENTUM, "μ, the velocity kept"},
        {OPT_BETA1, "β1, the mean's decay"},
        {OPT_BETA2, "β2, the square's decay"},
        {OPT_RHO, "ρ, the square's decay"},
        {OPT_EPS, "ε, in the denominator"},
        {OPT_GRAD, "how g is computed"},
        {OPT_H, "central differences' step"},
        {OPT_CLIP, "none, norm:C or value:C"},
        {OPT_HYPERGRAD, "off, add:β or mult:β"},
        {OPT_HD_BETA, "β of hypergradients"},
        {OPT_LR_MIN, "α's clamp, below"},
        {OPT_LR_MAX, "α's clamp, above"},
        {OPT_STEPS, "pause every N updates (empty: none)"},
        {OPT_TOL, "stop when ‖g‖ < tol"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (known[i].id == id)
            return known[i].about;
    return "";
}
