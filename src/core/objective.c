#include "objective.h"

core_error objective_single(objective *obj)
{
    if (obj->single)
        return CORE_OK;
    if (!obj->ops->single)
        return CORE_EUNSUPPORTED;
    obj->ops = obj->ops->single;
    obj->single = true;
    return CORE_OK;
}

void objective_free(objective *obj)
{
    if (obj && obj->ops && obj->ops->free)
        obj->ops->free(obj->ctx);
    if (obj)
        obj->ctx = NULL;
}
