/* The replay's key bindings and what they do: a cursor through the
 * trace's rows (next, back, first, last, played live), the view, themes.
 * Nothing here changes what was recorded; the live screen's other keys
 * say "read-only replay" (keys.c). */
#include <curses.h>

#include "actions.h"
#include "app.h"
#include "keys.h"
#include "replay.h"

#define CTRL(c) ((c) & 0x1f)

static void seek(app *a, size_t row)
{
    replay_seek(a->ms, &a->s, row);
}

static void rp_play(app *a)
{
    replay *rp = a->ms;
    if (!rp->running && replay_at_end(rp))
        seek(a, 0); /* at the end, Space plays it again */
    rp->running = !rp->running;
    a->run_credit = 0.0;
}

static void rp_next(app *a)
{
    replay *rp = a->ms;
    rp->running = false;
    if (replay_at_end(rp))
        app_message(a, true, "the last row of the trace: Home goes to the first");
    else
        seek(a, rp->cursor + 1);
}

static void rp_back(app *a)
{
    replay *rp = a->ms;
    rp->running = false;
    if (rp->cursor == 0)
        app_message(a, true, "the first row of the trace");
    else
        seek(a, rp->cursor - 1);
}

static void rp_first(app *a)
{
    replay *rp = a->ms;
    rp->running = false;
    seek(a, 0);
}

static void rp_last(app *a)
{
    replay *rp = a->ms;
    rp->running = false;
    seek(a, rp->nrows - 1);
}

static void rp_speed(app *a, int by)
{
    int s = a->s.speed + by;
    a->s.speed = s < 0 ? 0 : s >= SESSION_SPEEDS ? SESSION_SPEEDS - 1 : s;
    app_message(a, false, "speed %d rows/s", session_speeds[a->s.speed]);
}

static void rp_slower(app *a) { rp_speed(a, -1); }
static void rp_faster(app *a) { rp_speed(a, 1); }

/* In the order of the help and the hints; quit last, as on the live
 * screen. */
const key_binding replay_key_bindings[] = {
    {'?', 0, 1, "? F1", "this help", "help", act_help, false, NULL},
    {' ', 0, 0, "Space", "play the rows / pause", "play", rp_play, false, NULL},
    {'n', 0, 0, "n", "next row", "next", rp_next, false, NULL},
    {'b', KEY_BACKSPACE, 0, "b ⌫", "previous row", "back", rp_back, false, NULL},
    {KEY_HOME, 0, 0, "Home", "the first row (the start)", "first", rp_first,
     false, NULL},
    {KEY_END, 0, 0, "End", "the last row (the end status)", "last", rp_last,
     false, NULL},
    {'[', 0, 0, "[", "play slower", NULL, rp_slower, false, NULL},
    {']', 0, 0, "]", "play faster", NULL, rp_faster, false, NULL},
    KEY_BINDINGS_VIEW,
    {CTRL('l'), 0, 0, "^L", "redraw the screen", NULL, act_redraw, false, NULL},
    {'q', 0, 10, "q F10", "quit", "quit", act_quit, false, NULL},
};
const int replay_key_binding_count =
    sizeof replay_key_bindings / sizeof replay_key_bindings[0];
