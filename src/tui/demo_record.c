/* A demo recorded without a terminal (`descent demo NAME --record
 * FILE.cast --size WxH`): the main loop as it runs on a terminal, but on
 * a clock of its own that its waits move on at once, so the recording's
 * times are the script's and the whole demo takes what stepping its
 * runs costs. */
#include <math.h>

#include "app.h"
#include "lesson_tui.h"
#include "play.h"

/* Far beyond any demo: a script whose runs never end stops here. */
static const double LIMIT_SECONDS = 24 * 3600.0;

static double now;
static double end_at;

void demo_record_clock(void)
{
    now = 0.0;
    end_at = -1.0;
    app_clock(&now);
}

void demo_record_wait(app *a, int ms)
{
    demo_player *dp = &play_of(a)->dp;
    double next = ms < 0 ? INFINITY : now + ms / 1000.0;
    if (dp->state == DP_PAUSE && next > now + DEMO_RECORD_PAUSE) {
        /* No presenter: the pause is a sleep. */
        now += DEMO_RECORD_PAUSE;
        demo_play_release(dp);
        return;
    }
    if (dp->state == DP_END || a->quit) {
        if (end_at < 0)
            end_at = now + DEMO_RECORD_HOLD;
        next = fmin(next, end_at);
    }
    if (next >= end_at && end_at >= 0)
        a->quit = true;
    if (!isfinite(next) || next > LIMIT_SECONDS) {
        a->quit = true;
        return;
    }
    now = next;
}
