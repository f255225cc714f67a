/* The HPO view's key bindings and what they do: replay the searches
 * one evaluation at a time or live, back, from the start, to the end. */
#include <curses.h>

#include "actions.h"
#include "app.h"
#include "keys.h"

static void hpo_run(app *a)
{
    hpo_view *v = a->hpo;
    if (!v->running && hpo_view_done(v))
        hpo_view_reset(v); /* at the end, Space plays it again */
    v->running = !v->running;
    a->run_credit = 0.0;
}

static void hpo_step(app *a)
{
    hpo_view *v = a->hpo;
    v->running = false;
    if (hpo_view_step(v) < 0)
        app_message(a, true, "every evaluation is shown: r restarts");
}

static void hpo_back(app *a)
{
    hpo_view *v = a->hpo;
    v->running = false;
    if (hpo_view_back(v) < 0)
        app_message(a, true, "at the start");
}

static void hpo_restart(app *a)
{
    hpo_view *v = a->hpo;
    v->running = false;
    hpo_view_reset(v);
}

static void hpo_all(app *a)
{
    hpo_view *v = a->hpo;
    v->running = false;
    hpo_view_end(v);
}

static void hpo_speed(app *a, int by)
{
    hpo_view *v = a->hpo;
    int s = v->speed + by;
    v->speed = s < 0 ? 0 : s >= SESSION_SPEEDS ? SESSION_SPEEDS - 1 : s;
    app_message(a, false, "speed %d evaluations/s", session_speeds[v->speed]);
}

static void hpo_zoom(app *a, double factor)
{
    hpo_view *v = a->hpo;
    hpo_view_zoom(v, factor);
    double lo, hi;
    hpo_view_xrange(v, &lo, &hi);
    app_message(a, false, "%s from %.3g to %.3g%s", v->h_name, lo, hi,
                factor > 0 && v->zlo > 0 ? " (0 shows all)" : "");
}

static void hpo_zoom_in(app *a) { hpo_zoom(a, 0.5); }
static void hpo_zoom_out(app *a) { hpo_zoom(a, 2.0); }
static void hpo_zoom_reset(app *a) { hpo_zoom(a, 0.0); }

static void hpo_slower(app *a) { hpo_speed(a, -1); }
static void hpo_faster(app *a) { hpo_speed(a, 1); }

/* In the order of the help and the hints; quit last, as on the live
 * screen. */
const key_binding hpo_key_bindings[] = {
    {'?', 0, 1, "? F1", "this help", "help", act_help, false, NULL},
    {' ', 0, 0, "Space", "replay the searches live / pause", "run", hpo_run,
     false, NULL},
    {'n', 0, 0, "n", "next evaluation (in order of cost)", "next", hpo_step,
     false, NULL},
    {'b', KEY_BACKSPACE, 0, "b ⌫", "back one evaluation", "back", hpo_back,
     false, NULL},
    {'r', 0, 0, "r", "from the start", "restart", hpo_restart, false,
     "start"},
    {KEY_END, 'a', 0, "End a", "show every evaluation", "all", hpo_all,
     false, NULL},
    {'z', 0, 0, "z", "zoom in about the best value", "zoom", hpo_zoom_in,
     false, NULL},
    {'Z', 0, 0, "Z", "zoom out", NULL, hpo_zoom_out, false, NULL},
    {'0', 0, 0, "0", "the whole searched range", NULL, hpo_zoom_reset, false,
     NULL},
    {'[', 0, 0, "[", "replay slower", NULL, hpo_slower, false, NULL},
    {']', 0, 0, "]", "replay faster", NULL, hpo_faster, false, NULL},
    KEY_BINDINGS_TAIL,
};
const int hpo_key_binding_count =
    sizeof hpo_key_bindings / sizeof hpo_key_bindings[0];

bool hpo_key_replays(const key_binding *b)
{
    return b->action == hpo_run || b->action == hpo_step ||
           b->action == hpo_all;
}
