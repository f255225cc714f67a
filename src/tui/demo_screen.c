/* A demo script as a mode (`descent demo FILE`): the live or lesson
 * screen with the script's caption in a box of its own over the bottom
 * bar, its commands carried out as their time comes, its runs animated
 * at the screen's speed. The script's place and clock are demo_play.c. */
#include "app.h"
#include "panels.h"
#include "play.h"

/* Demo keys are the names of demo.h; the TUI reads curses keys. */
static int curses_key(long k)
{
    static const int named[] = {
        [DEMO_KEY_ENTER - DEMO_KEY_NAMED] = '\r',
        [DEMO_KEY_TAB - DEMO_KEY_NAMED] = '\t',
        [DEMO_KEY_ESC - DEMO_KEY_NAMED] = 27,
        [DEMO_KEY_BACKSPACE - DEMO_KEY_NAMED] = KEY_BACKSPACE,
        [DEMO_KEY_UP - DEMO_KEY_NAMED] = KEY_UP,
        [DEMO_KEY_DOWN - DEMO_KEY_NAMED] = KEY_DOWN,
        [DEMO_KEY_LEFT - DEMO_KEY_NAMED] = KEY_LEFT,
        [DEMO_KEY_RIGHT - DEMO_KEY_NAMED] = KEY_RIGHT,
        [DEMO_KEY_PGUP - DEMO_KEY_NAMED] = KEY_PPAGE,
        [DEMO_KEY_PGDN - DEMO_KEY_NAMED] = KEY_NPAGE,
        [DEMO_KEY_HOME - DEMO_KEY_NAMED] = KEY_HOME,
        [DEMO_KEY_END - DEMO_KEY_NAMED] = KEY_END,
        [DEMO_KEY_DELETE - DEMO_KEY_NAMED] = KEY_DC,
        [DEMO_KEY_INSERT - DEMO_KEY_NAMED] = KEY_IC,
    };
    if (k >= DEMO_KEY_F1)
        return KEY_F((int)(k - DEMO_KEY_F1 + 1));
    if (k >= DEMO_KEY_NAMED)
        return named[k - DEMO_KEY_NAMED];
    return (int)k; /* a character, or C-a .. C-z as 1 .. 26 */
}

static void command_do(app *a, const demo_command *c)
{
    play *pl = play_of(a);
    const lesson *l = NULL;
    long i;
    switch (c->kind) {
    case DEMO_LESSON:
        if (pl->cat && (l = catalog_find(pl->cat, c->text)))
            play_start_lesson(a, l); /* no progress in demos: step 1 */
        break;
    case DEMO_STEP:
        if (pl->in_lesson && (i = lesson_find_step(pl->lv.p.l, c->text)) >= 0) {
            lview_goto(&pl->lv, (size_t)i);
            play_open_step(a);
        }
        break;
    case DEMO_SET:
        play_set(a, c->option, c->text);
        break;
    case DEMO_KEY:
        /* The presenter's keys: the lesson's locks do not apply. */
        a->scripted = true;
        for (size_t k = 0; k < c->n_keys && !a->quit; k++)
            keys_handle(a, curses_key(c->keys[k]));
        a->scripted = false;
        break;
    default:
        break;
    }
}

/* The commands that are due; a `run` starts the session running, at the
 * screen's speed, and a new caption gets its room. */
static double demo_timer(app *a, double now)
{
    play *pl = play_of(a);
    const demo_command *c;
    while (!a->quit && (c = demo_play_next(&pl->dp, now)))
        command_do(a, c);
    if (pl->dp.state == DP_RUN)
        session_set_running(&a->s, true);
    int rows = play_caption_rows(pl, a->cols, !a->ui.utf8);
    if (rows != a->lay.r[PANE_CAPTION].h || pl->caption_shown != pl->dp.caption) {
        pl->caption_shown = pl->dp.caption;
        app_layout(a);
    }
    return demo_play_deadline(&pl->dp, now);
}

static const key_binding *demo_keys(const app *a, int *n)
{
    if (play_of(a)->in_lesson)
        return lesson_keys(a, n);
    *n = key_binding_count;
    return key_bindings;
}

static void demo_layout(app *a)
{
    play *pl = play_of(a);
    int h = play_caption_rows(pl, a->cols, !a->ui.utf8), rows = a->rows;
    a->rows -= h;
    if (pl->in_lesson)
        lesson_layout(a);
    else
        live_layout(a);
    a->rows = rows;
    layout_caption(&a->lay, a->cols, rows, h);
}

static void demo_prepare(app *a)
{
    if (play_of(a)->in_lesson)
        lesson_prepare(a);
    else
        live_prepare(a);
}

static void demo_draw(const app *a)
{
    static const pane_draw caption[PANE_COUNT] = {
        [PANE_CAPTION] = play_caption_draw};
    if (play_of(a)->in_lesson)
        lesson_draw(a);
    else
        live_draw(a);
    app_draw_panes(a, caption);
}

static bool demo_running(const app *a)
{
    return a->s.running || play_of(a)->dp.state == DP_RUN;
}

/* A `run` command's updates go at the screen's speed until it has its
 * count (or the run cannot go on); otherwise live running as usual. */
static bool paused_at_limit(const session *s)
{
    for (int i = 0; i < s->nruns; i++)
        if (session_at_limit(s, i))
            return true;
    return false;
}

static long demo_advance(app *a, long n, double deadline)
{
    play *pl = play_of(a);
    if (pl->dp.state != DP_RUN)
        return live_advance(a, n, deadline);
    long want = n < pl->dp.left ? n : pl->dp.left;
    a->s.running = true; /* the script runs it, whatever Space did */
    long done = live_advance(a, want, deadline);
    /* A run paused at its step limit goes on, as headless play has it
     * (docs/lessons.md): `run N` ends early only when a run cannot. */
    while (done < want && !a->s.running && paused_at_limit(&a->s)) {
        session_set_running(&a->s, true);
        done += live_advance(a, want - done, deadline);
    }
    demo_play_ran(&pl->dp, done, !a->s.running);
    if (pl->dp.state != DP_RUN)
        session_set_running(&a->s, false);
    return done;
}

/* The presenter's key ends a pause; then the lesson's keys. */
static bool demo_key(app *a, int key)
{
    play *pl = play_of(a);
    bool release = key == ' ' || key == KEY_NPAGE || key == KEY_RIGHT ||
                   key == '\r' || key == '\n';
    if (!a->scripted && release && demo_play_release(&pl->dp))
        return true;
    return pl->in_lesson && lesson_key(a, key);
}

static void demo_mouse(app *a, const MEVENT *ev)
{
    if (play_of(a)->in_lesson)
        lesson_mouse(a, ev);
    else
        live_mouse(a, ev);
}

const screen_mode mode_demo = {
    .name = "demo",
    .keys = demo_keys,
    .layout = demo_layout,
    .prepare = demo_prepare,
    .draw = demo_draw,
    .running = demo_running,
    .rate = live_rate,
    .advance = demo_advance,
    .key = demo_key,
    .mouse = demo_mouse,
    .timer = demo_timer,
    .may_change = play_may_change,
    .updated = lesson_updated,
    .help_note = "wheel: zoom · drag: pan · click: start · ",
    .free = play_free,
};
