#include <string.h>

#include "demo_play.h"

void demo_play_init(demo_player *dp, const demo *d)
{
    memset(dp, 0, sizeof *dp);
    dp->d = d;
    dp->state = d->n ? DP_READY : DP_END;
}

const demo_command *demo_play_next(demo_player *dp, double now)
{
    if (dp->state == DP_SLEEP && now >= dp->until)
        dp->state = DP_READY;
    while (dp->state == DP_READY) {
        if (dp->pc >= dp->d->n) {
            dp->state = DP_END;
            return NULL;
        }
        const demo_command *c = &dp->d->c[dp->pc++];
        switch (c->kind) {
        case DEMO_SAY:
            dp->caption = c->text;
            break;
        case DEMO_SLEEP:
            dp->until = now + c->seconds;
            dp->state = c->seconds > 0 ? DP_SLEEP : DP_READY;
            break;
        case DEMO_PAUSE:
            dp->state = DP_PAUSE;
            break;
        case DEMO_RUN:
            dp->left = c->count;
            dp->state = DP_RUN;
            break;
        default:
            return c;
        }
    }
    return NULL;
}

bool demo_play_release(demo_player *dp)
{
    if (dp->state != DP_PAUSE)
        return false;
    dp->state = DP_READY;
    return true;
}

void demo_play_ran(demo_player *dp, long n, bool stopped)
{
    if (dp->state != DP_RUN)
        return;
    dp->left -= n;
    if (dp->left <= 0 || stopped)
        dp->state = DP_READY;
}

double demo_play_deadline(const demo_player *dp, double now)
{
    if (dp->state == DP_SLEEP)
        return dp->until;
    return dp->state == DP_READY ? now : -1.0;
}
