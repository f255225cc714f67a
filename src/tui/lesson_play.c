/* A lesson or demo on the live screen: opening steps as runs, judging
 * goals after updates, keeping progress, and carrying out a demo
 * script's commands as their time comes. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "lesson_session.h"
#include "play.h"

/* The lesson keys first, then the live screen's that they leave: a key
 * both tables have is the lesson's, and PgUp/PgDn's "no lesson" reply
 * goes. Quit stays last (the bottom bar keeps it at the right). */
static void lesson_keys(app *a)
{
    play *pl = a->play;
    pl->nkeys = 0;
    for (int i = 0; i < lesson_key_binding_count; i++)
        pl->keys[pl->nkeys++] = lesson_key_bindings[i];
    for (int i = 0; i < key_binding_count && pl->nkeys < PLAY_MAX_KEYS; i++) {
        const key_binding *b = &key_bindings[i];
        bool taken = false;
        for (int j = 0; j < lesson_key_binding_count; j++)
            taken |= lesson_key_bindings[j].key == b->key ||
                     (b->alt && lesson_key_bindings[j].key == b->alt);
        if (!taken)
            pl->keys[pl->nkeys++] = *b;
    }
    a->keys = pl->keys;
    a->nkeys = pl->nkeys;
}

void play_open_step(app *a)
{
    play *pl = a->play;
    char err[400];
    a->s.running = false;
    if (lsession_step(&a->s, &pl->lv.p, &pl->cur, err, sizeof err) < 0)
        app_message(a, true, "this step does not open: %s", err);
    lview_restarted(&pl->lv);
    a->sc.valid = false;
    app_layout(a);
}

void play_start_lesson(app *a, const lesson *l)
{
    play *pl = a->play;
    if (pl->in_lesson)
        lview_free(&pl->lv);
    pl->in_lesson = false;
    if (lview_init(&pl->lv, l, pl->prog) < 0) {
        app_message(a, true, "out of memory");
        return;
    }
    pl->in_lesson = true;
    pl->menu = false;
    pl->saved_done = player_done_count(&pl->lv.p);
    /* The lesson's text is the point: on narrow screens it is the tab
     * shown first. */
    a->tab = TAB_LESSON;
    a->ov = OVERLAY_NONE;
    lesson_keys(a);
    play_open_step(a);
}

void play_show_menu(app *a)
{
    play *pl = a->play;
    pl->menu = true;
    a->s.running = false;
    a->ov = OVERLAY_NONE;
    a->keys = menu_key_bindings;
    a->nkeys = menu_key_binding_count;
    app_layout(a);
}

void play_save(app *a)
{
    play *pl = a->play;
    if (!pl->in_lesson || !pl->prog)
        return;
    const lesson_player *p = &pl->lv.p;
    size_t done = player_done_count(p);
    if (done == pl->saved_done)
        return;
    for (size_t i = 0; i < p->l->n_steps; i++)
        if (p->done[i] && progress_mark(pl->prog, p->l->id,
                                        p->l->steps[i].id) < 0) {
            app_message(a, true, "progress: out of memory");
            return;
        }
    char err[512];
    if (progress_save(pl->prog_path, pl->prog, err, sizeof err) < 0)
        app_message(a, true, "progress not saved: %s", err);
    pl->saved_done = done;
}

int play_set(app *a, int id, const char *value)
{
    play *pl = a->play;
    option_error e;
    int rc = lsession_set(&a->s, &pl->cur, id, value, &e);
    const char *name = option_by_id(run_option_table, id)->name;
    if (rc < 0) {
        app_message(a, true, "%s: %s", name, e.message);
        return -1;
    }
    if (rc > 0) {
        a->s.running = false;
        a->sc.valid = false;
        app_layout(a);
        if (pl->in_lesson)
            lview_restarted(&pl->lv);
    }
    app_message(a, false, "%s%s%s%s", name, value ? ": " : "",
                value ? value : "", rc > 0 ? " (runs restarted)" : "");
    return 0;
}

void play_updated(app *a)
{
    play *pl = a->play;
    if (!pl->in_lesson || pl->menu)
        return;
    lesson_state st = lesson_state_of(session_focused(&a->s));
    lview_check(&pl->lv, &st);
    /* The step's limit is a pause: the learner goes on with Space. */
    if (player_pause_new(&pl->lv.p) && a->s.running) {
        char pause[160];
        a->s.running = false;
        player_pause_text(&pl->lv.p, pause, sizeof pause);
        app_message(a, false, "%s Space goes on.", pause);
    }
    play_save(a);
}

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

static void demo_command_do(app *a, const demo_command *c)
{
    play *pl = a->play;
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
        pl->unlocked = true;
        for (size_t k = 0; k < c->n_keys && !a->quit; k++)
            keys_handle(a, curses_key(c->keys[k]));
        pl->unlocked = false;
        break;
    default:
        break;
    }
}

void play_tick(app *a, double now)
{
    play *pl = a->play;
    if (pl->has_demo) {
        const demo_command *c;
        while (!a->quit && (c = demo_play_next(&pl->dp, now)))
            demo_command_do(a, c);
        if (pl->dp.state == DP_RUN)
            a->s.running = false; /* the script runs it, at its pace */
    }
    play_updated(a);
}

double play_deadline(const app *a, double now)
{
    return a->play->has_demo ? demo_play_deadline(&a->play->dp, now) : -1.0;
}

bool play_busy(const app *a)
{
    return a->play->has_demo && a->play->dp.state == DP_RUN;
}

void play_advance(app *a, double dt)
{
    play *pl = a->play;
    if (!play_busy(a))
        return;
    /* As live running does: updates owed at the chosen speed. */
    a->run_credit += dt * session_speeds[a->s.speed];
    long n = 0;
    bool stopped = false;
    while (a->run_credit >= 1.0 && n < pl->dp.left) {
        a->run_credit -= 1.0;
        if (!session_step(&a->s) || !session_any_running(&a->s)) {
            stopped = true;
            break;
        }
        n++;
        play_updated(a);
    }
    demo_play_ran(&pl->dp, n, stopped);
    if (pl->dp.state != DP_RUN)
        a->run_credit = 0.0;
}
