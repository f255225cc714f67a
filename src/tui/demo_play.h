/* Playing a demo script (demo.h) in time: which command comes next, and
 * what the script waits for — the end of a sleep, the presenter's key
 * after a pause, or the updates of a run still to go. The screen carries
 * out lesson, step, set and key commands itself and animates runs; this
 * keeps the script's place and clock. Pure. */
#ifndef DESCENT_TUI_DEMO_PLAY_H
#define DESCENT_TUI_DEMO_PLAY_H

#include <stdbool.h>

#include "demo.h"

typedef enum {
    DP_READY,   /* the next command can be carried out now */
    DP_SLEEP,   /* until `until` */
    DP_PAUSE,   /* until the presenter's key */
    DP_RUN,     /* `left` updates to go */
    DP_END      /* every command is done */
} dp_state;

typedef struct {
    const demo *d;
    size_t pc;              /* the next command */
    dp_state state;
    double until;           /* DP_SLEEP: when it ends */
    long left;              /* DP_RUN */
    const char *caption;    /* the last `say`; NULL none */
} demo_player;

void demo_play_init(demo_player *dp, const demo *d);

/* The next command for the screen to carry out at time now (seconds, a
 * monotonic clock): lesson, step, set or key. sleep, pause, say and run
 * are taken here (the state says what is awaited). NULL while waiting
 * or at the end. */
const demo_command *demo_play_next(demo_player *dp, double now);

/* The presenter's key ends a pause; returns whether one was waiting. */
bool demo_play_release(demo_player *dp);

/* n updates of a run were made; stopped: the run cannot go on (it
 * diverged or converged), which ends the command too. */
void demo_play_ran(demo_player *dp, long n, bool stopped);

/* When the script next needs the screen's attention without a key: the
 * end of a sleep, now while ready, -1 otherwise. */
double demo_play_deadline(const demo_player *dp, double now);

#endif
