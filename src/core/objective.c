#include "objective.h"

void objective_free(objective *obj)
{
    if (obj && obj->ops && obj->ops->free)
        obj->ops->free(obj->ctx);
    if (obj)
        obj->ctx = NULL;
}
