#include <stdio.h>
#include <string.h>

#include "hsweep_view.h"

void hsweep_view_update(hsweep_view *v, const run *r, unsigned gen)
{
    const objective *obj = r->obj;
    if (v->valid && v->gen == gen && v->ops == obj->ops && v->h == r->s.h &&
        v->n == r->n && r->n <= HSWEEP_MAX_DIM &&
        strncmp(v->name, obj->name, sizeof v->name - 1) == 0 &&
        memcmp(v->theta, r->theta, r->n * sizeof *r->theta) == 0)
        return;
    v->valid = true;
    v->gen = gen;
    v->ops = obj->ops;
    snprintf(v->name, sizeof v->name, "%s", obj->name);
    v->h = r->s.h;
    v->n = r->n;
    v->ok = false;
    if (!hsweep_available(obj)) {
        snprintf(v->why, sizeof v->why, obj->dim > HSWEEP_MAX_DIM
                 ? "the h sweep is for up to %d parameters"
                 : "no exact gradient to check against", HSWEEP_MAX_DIM);
        return;
    }
    memcpy(v->theta, r->theta, r->n * sizeof *r->theta);
    double exact[HSWEEP_MAX_DIM];
    if (hsweep_standard(&v->s, obj, r->theta) != CORE_OK ||
        hsweep_exact(obj, r->theta, exact) != CORE_OK) {
        snprintf(v->why, sizeof v->why, "no exact gradient at θ");
        return;
    }
    for (int m = 0; m < HSWEEP_METHODS; m++)
        v->at[m] = hsweep_error(obj, r->theta, exact, r->s.h, m);
    v->ok = true;
}
