/* tui_main: checks, terminal set-up, the main loop and the one exit path.
 * The loop waits in a single poll() for a key, a signal or the next frame
 * of live running; it never spins. */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "keys.h"
#include "play.h"
#include "replay.h"
#include "term.h"
#include "session_methods.h"
#include "tui.h"

enum { FRAME_MS = 33 };          /* live running draws ~30 frames/s */
static const double STEP_BUDGET = 0.015; /* seconds of stepping a frame */

tui_options tui_options_default(void)
{
    tui_options o = {.objective = NULL, .settings = run_settings_default()};
    o.settings.lr = 0.05;
    return o;
}

/* Updates owed since the last frame at the chosen speed, within a time
 * budget so a fast speed on a slow objective still redraws. */
static void advance(app *a, double dt)
{
    a->run_credit += dt * session_speeds[a->s.speed];
    if (a->run_credit > session_speeds[a->s.speed])
        a->run_credit = session_speeds[a->s.speed];
    double t0 = app_now();
    while (a->run_credit >= 1.0) {
        a->run_credit -= 1.0;
        int n = session_step(&a->s);
        if (n && a->play)
            play_updated(a);
        if (!n || !session_any_running(&a->s) || !a->s.running) {
            a->s.running = false;
            break;
        }
        if (app_now() - t0 > STEP_BUDGET) {
            a->run_credit = 0.0;
            break;
        }
    }
}

static int wait_ms(const app *a, double next_frame)
{
    double now = app_now(), until = -1.0;
    if (app_running(a))
        until = next_frame;
    if (a->msg[0] && (until < 0 || a->msg_until < until))
        until = a->msg_until;
    if (a->sc.pending)
        until = now; /* a slice is being sampled: the next frame goes on */
    double play = a->play ? play_deadline(a, now) : -1.0;
    if (play >= 0 && (until < 0 || play < until))
        until = play;
    if (until < 0)
        return -1;
    double ms = (until - now) * 1000.0;
    return ms < 0 ? 0 : (int)ceil(ms);
}

int tui_loop(app *a)
{
    double next_frame = app_now();
    while (!a->quit) {
        int sig = term_signal_pending();
        if (sig)
            return 128 + sig;
        if (a->play)
            play_tick(a, app_now());
        if (a->quit)
            break;
        app_render(a);
        struct pollfd p[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
                              {.fd = term_signal_fd(), .events = POLLIN}};
        int n = poll(p, 2, wait_ms(a, next_frame));
        if (n < 0 && errno != EINTR)
            return 1;
        /* After EINTR too: a SIGWINCH becomes KEY_RESIZE here. */
        for (int key; (key = wgetch(stdscr)) != ERR;)
            keys_handle(a, key);
        double now = app_now();
        if (app_running(a) && now >= next_frame) {
            if (a->hpo)
                hpo_screen_advance(a, FRAME_MS / 1000.0);
            else if (a->replay)
                replay_screen_advance(a, FRAME_MS / 1000.0);
            else if (a->s.running)
                advance(a, FRAME_MS / 1000.0);
            if (a->play)
                play_advance(a, FRAME_MS / 1000.0);
            next_frame = now + FRAME_MS / 1000.0;
        } else if (!app_running(a))
            next_frame = now;
    }
    return 0;
}

static void free_app(app *a)
{
    app_free_windows(a);
    surface_cache_free(&a->sc);
    session_free(&a->s);
}

/* The terminal, the theme and the first layout; on failure the app's
 * session is freed. */
static int open_screen(app *a, FILE *out, FILE *in)
{
    char err[256];
    if (term_open(out, in, err, sizeof err) < 0) {
        fprintf(stderr, "descent: %s\n", err);
        session_free(&a->s);
        return 2;
    }
    a->term_depth = term_depth();
    app_set_theme(a, 0);
    app_layout(a);
    return 0;
}

/* Session, terminal and first layout; shared with the benchmark. */
int tui_open(app *a, const tui_options *o, FILE *out, FILE *in)
{
    char err[256];
    memset(a, 0, sizeof *a);
    a->keys = key_bindings;
    a->nkeys = key_binding_count;
    a->ui.utf8 = term_locale();
    const double *view = o->has_view ? o->view : NULL;
    int rc = o->opened
        ? session_init_objective(&a->s, o->opened, &o->settings, o->start,
                                 view, err, sizeof err)
        : session_init(&a->s, o->objective, &o->settings, o->start, view,
                       err, sizeof err);
    if (rc < 0) {
        fprintf(stderr, "descent: %s: %s\n",
                o->opened ? "--model" : "--objective", err);
        return 2;
    }
    objective_error oe;
    if (o->single && session_set_precision(&a->s, true, &oe) < 0) {
        fprintf(stderr, "descent: --precision: %s\n", oe.message);
        session_free(&a->s);
        return 2;
    }
    for (int i = 0; i < o->ncompare; i++) {
        option_error e;
        a->s.focus = 0;
        if (session_compare(&a->s, o->compare[i], &e) < 0) {
            fprintf(stderr, "descent: --compare: %s%s%s\n",
                    strcmp(e.where, "--compare") ? e.where : "",
                    strcmp(e.where, "--compare") && e.where[0] ? ": " : "",
                    e.message);
            session_free(&a->s);
            return 2;
        }
    }
    a->s.focus = 0;
    return open_screen(a, out, in);
}

void tui_close(app *a)
{
    free_app(a);
    term_close();
}

/* Both ends must be terminals; instead says what to use (0 or 2). */
int tui_need_tty(const char *instead)
{
    for (int fd = STDIN_FILENO; fd <= STDOUT_FILENO; fd++)
        if (!isatty(fd)) {
            fprintf(stderr, "descent: the TUI needs a terminal (%s is not a "
                    "tty); use %s\n", fd ? "stdout" : "stdin", instead);
            return 2;
        }
    term_signals();
    return 0;
}

int tui_main(const tui_options *o)
{
    int rc = tui_need_tty("'descent run' for headless runs");
    if (rc)
        return rc;
    static app a;
    if ((rc = tui_open(&a, o, stdout, stdin)) != 0)
        return rc;
    rc = tui_loop(&a);
    tui_close(&a);
    return rc;
}

/* The app of a screen other than the live one, with its key table
 * (one screen a process: it is static, for its size). */
static app *screen_app(const key_binding *keys, int nkeys)
{
    static app a;
    memset(&a, 0, sizeof a);
    a.keys = keys;
    a.nkeys = nkeys;
    a.ui.utf8 = term_locale();
    return &a;
}

/* Terminal, loop, and the one exit path. */
static int run_screen(app *a)
{
    int rc = open_screen(a, stdout, stdin);
    if (rc)
        return rc;
    rc = tui_loop(a);
    tui_close(a);
    return rc;
}

int tui_hpo_main(hpo_view *v)
{
    int rc = tui_need_tty("'descent hpo' without --tui");
    if (rc)
        return rc;
    app *a = screen_app(hpo_key_bindings, hpo_key_binding_count);
    a->hpo = v;
    v->speed = 3; /* 10 evaluations a second: the grid's 101 in 10 s */
    return run_screen(a);
}

/* The replay's session: one run over obj (or the plain stand-in) whose
 * history is the trace's rows. 0, or 2 after printing the error. */
static int replay_session(app *a, replay *rp, objective *obj,
                          const double *view)
{
    objective o;
    rp->surface = obj != NULL;
    if (obj) {
        o = *obj;
        memset(obj, 0, sizeof *obj);
    } else
        replay_plain_objective(rp, &o);
    run_settings set = run_settings_default();
    set.grad = gradient_available(&o, GRAD_ANALYTIC) ? GRAD_ANALYTIC
               : gradient_available(&o, GRAD_AD)   ? GRAD_AD
                                                   : GRAD_CENTRAL;
    const double *start = rp->rows[0].theta;
    char err[256];
    if (session_init_objective(&a->s, &o, &set,
                               isfinite(start[0] + start[1]) ? start : NULL,
                               view ? view : rp->surface ? NULL : rp->box,
                               err, sizeof err) < 0) {
        fprintf(stderr, "descent: %s: %s\n", rp->file, err);
        return 2;
    }
    replay_attach(rp, &a->s);
    return 0;
}

int tui_replay_main(replay *rp, objective *obj, const double *view)
{
    int rc = tui_need_tty("'less' to read a trace as text");
    if (rc)
        return rc;
    app *a = screen_app(replay_key_bindings, replay_key_binding_count);
    a->replay = rp;
    if ((rc = replay_session(a, rp, obj, view)) != 0)
        return rc;
    return run_screen(a);
}
