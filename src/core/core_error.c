#include "core_error.h"

const char *core_error_message(core_error e)
{
    switch (e) {
    case CORE_OK: return "no error";
    case CORE_ENOMEM: return "out of memory";
    case CORE_ENOGRAD: return "that gradient method is not available for "
                              "this objective";
    case CORE_EBATCH: return "minibatches need an objective with rows and "
                             "the analytic gradient, fixed when the run starts";
    case CORE_ERANGE: return "a setting is outside its range";
    case CORE_EUNSUPPORTED: return "the optimiser does not take this setting";
    case CORE_ECONFLICT: return "a schedule and hypergradients exclude each "
                                "other";
    }
    return "unknown error";
}
