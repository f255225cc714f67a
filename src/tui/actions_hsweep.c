/* Key actions of the h-sweep panel: showing it in the surface's place
 * and moving the focused run's h along the sweep's grid (← →, which pan
 * the surface otherwise). */
#include <stdio.h>

#include "actions.h"
#include "app.h"
#include "hsweep.h"
#include "run_live.h"

void act_hsweep(app *a)
{
    a->hsweep_on = !a->hsweep_on;
    app_message(a, false, "%s", a->hsweep_on
                ? "h sweep: the gradient check's error against h at θ "
                  "(← → move h)"
                : "the surface");
}

/* h a quarter decade smaller (steps < 0) or larger, as the G prompt
 * would set it (locks asked first). */
static void move_h(app *a, int steps)
{
    if (a->mode->may_change && !a->mode->may_change(a, "h"))
        return;
    run *r = session_focused(&a->s);
    char text[32];
    snprintf(text, sizeof text, "%.17g",
             hsweep_h_step(r->s.h, steps, HSWEEP_PER_DECADE));
    option_error e;
    if (run_live_set(r, OPT_H, text, &e) < 0) {
        app_message(a, true, "%s: %s", e.where, e.message);
        return;
    }
    session_settings_changed(&a->s);
    app_message(a, false, "h %.3g", r->s.h);
}

void act_pan_left(app *a)
{
    if (a->hsweep_on)
        move_h(a, -1);
    else
        session_pan(&a->s, -0.1, 0.0);
}

void act_pan_right(app *a)
{
    if (a->hsweep_on)
        move_h(a, 1);
    else
        session_pan(&a->s, 0.1, 0.0);
}
