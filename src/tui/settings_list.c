#include "run_values.h"
#include "settings_list.h"

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
        {OPT_WEIGHT_DECAY, "λ, decay of θ toward 0"},
        {OPT_DAMPENING, "on the gradient added to v"},
        {OPT_AMSGRAD, "on: the largest v̂ so far"},
        {OPT_SCHEDULE, "how α moves with t"},
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
