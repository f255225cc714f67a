/* The mouse over the surface: where the pointer is and what lies under
 * it (f, and ∇f for 2 parameters, shown in the panel's bottom border),
 * a drag that pans the view, the wheel that zooms, and a click handed
 * to the mode. */
#include <string.h>

#include "app.h"
#include "panels.h"

static bool to_world(const app *a, int y, int x, double *wx, double *wy)
{
    const surface_cache *sc = &a->sc;
    rect r = a->lay.r[PANE_SURFACE];
    int ly = y - r.y - sc->py, lx = x - r.x - sc->px;
    if (!layout_visible(&a->lay, PANE_SURFACE) || ly < 0 || lx < 0 ||
        ly >= sc->ph || lx >= sc->pw)
        return false;
    const double *v = a->s.view;
    *wx = v[0] + (lx + 0.5) / sc->pw * (v[1] - v[0]);
    *wy = v[3] - (ly + 0.5) / sc->ph * (v[3] - v[2]);
    return true;
}

bool panel_surface_mouse(app *a, const MEVENT *ev, double *wx, double *wy)
{
    pointer_state *p = &a->ptr;
    bool over = to_world(a, ev->y, ev->x, wx, wy);
    p->over = over;
    if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        if (over)
            session_zoom(&a->s, ev->bstate & BUTTON4_PRESSED ? 0.8 : 1.25,
                         *wx, *wy);
        return false;
    }
    if (ev->bstate & BUTTON1_PRESSED) {
        p->pressed = over;
        p->dragged = false;
    } else if (p->pressed && (ev->y != p->y || ev->x != p->x)) {
        /* Dragging: the view follows the pointer, cell by cell. */
        p->dragged = true;
        session_pan(&a->s, -(double)(ev->x - p->x) / a->sc.pw,
                    (double)(ev->y - p->y) / a->sc.ph);
    }
    p->y = ev->y;
    p->x = ev->x;
    bool click = (ev->bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)) &&
                 p->pressed && !p->dragged && over;
    if (ev->bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED))
        p->pressed = false;
    return click;
}

/* f and ∇f under the pointer, when it or the view moved. */
void surface_pointer_update(app *a)
{
    pointer_state *p = &a->ptr;
    if (a->surface_note || !to_world(a, p->y, p->x, &p->wx, &p->wy)) {
        p->over = false;
        return;
    }
    if (p->at_y == p->y && p->at_x == p->x && p->at_gen == a->s.view_gen)
        return;
    p->at_y = p->y;
    p->at_x = p->x;
    p->at_gen = a->s.view_gen;
    const objective *o = &a->s.obj;
    p->has_g = false;
    if (session_sliced(&a->s)) {
        if (!a->sc.theta)
            return;
        slice_point(&a->s.slice.sl, p->wx, p->wy, a->sc.theta);
        p->f = o->ops->value(o->ctx, a->sc.theta);
        return;
    }
    double x[2] = {p->wx, p->wy};
    const run *r = session_focused_c(&a->s);
    p->f = o->ops->value(o->ctx, x);
    p->has_g = gradient_eval(o, r->s.grad, r->s.h, x, p->g) == 0;
}

/* "(0.512, 1.03)  f 2.31  ∇f (-1.2, 3.4)" in the bottom border while
 * the pointer is over the plot; returns the column after it (2 when
 * there is none). */
int surface_pointer_draw(const app *a, WINDOW *w)
{
    const pointer_state *p = &a->ptr;
    if (!p->over)
        return 2;
    char buf[160];
    int n = snprintf(buf, sizeof buf, " (%.4g, %.4g)  f %.4g", p->wx, p->wy,
                     p->f);
    if (p->has_g)
        snprintf(buf + n, sizeof buf - (size_t)n, "  ∇f (%.3g, %.3g)", p->g[0],
                 p->g[1]);
    strcat(buf, " ");
    ui_role_set(w, &a->ui, ROLE_ACCENT, 0);
    return 3 + ui_puts(w, &a->ui, getmaxy(w) - 1, 2, getmaxx(w) - 4, buf);
}

