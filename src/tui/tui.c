/* tui_main: checks, terminal set-up, the main loop and the one exit path.
 * The loop waits in a single poll() for a key, a signal or the next frame
 * of live running; it never spins. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "keys.h"
#include "term.h"
#include "session_methods.h"
#include "tui.h"

enum { FRAME_MS = 33 };          /* live running draws ~30 frames/s */
static const double STEP_BUDGET = 0.015; /* seconds of stepping a frame */

tui_options tui_options_default(void)
{
    tui_options o = {.objective = NULL, .settings = run_settings_default()};
    o.settings.lr = 0.05;
    o.settings.max_steps = LONG_MAX; /* no step limit unless --steps */
    return o;
}

/* The one pacing loop of every mode: units (updates, rows, evaluations)
 * owed since the last frame at the mode's rate, at most a second's
 * worth, made within a time budget so a fast rate on a slow objective
 * still redraws. */
static void pace(app *a, double dt)
{
    const screen_mode *m = a->mode;
    double rate = m->rate(a);
    a->run_credit += dt * rate;
    if (a->run_credit > rate)
        a->run_credit = rate;
    long owed = (long)a->run_credit;
    if (owed < 1)
        return;
    long done = m->advance(a, owed, app_now() + STEP_BUDGET);
    a->run_credit -= (double)done;
    if (done < owed)
        a->run_credit = 0.0; /* stopped, or out of time: no debt */
}

static int wait_ms(const app *a, double next_frame, double timer)
{
    double now = app_now(), until = -1.0;
    if (app_running(a))
        until = next_frame;
    if (a->msg[0] && (until < 0 || a->msg_until < until))
        until = a->msg_until;
    if (a->sc.pending)
        until = now; /* a slice is being sampled: the next frame goes on */
    if (timer >= 0 && (until < 0 || timer < until))
        until = timer;
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
        double timer = a->mode->timer ? a->mode->timer(a, app_now()) : -1.0;
        if (a->quit)
            break;
        app_render(a);
        struct pollfd p[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
                              {.fd = term_signal_fd(), .events = POLLIN}};
        int n = poll(p, 2, wait_ms(a, next_frame, timer));
        if (n < 0 && errno != EINTR)
            return 1;
        /* After EINTR too: a SIGWINCH becomes KEY_RESIZE here. */
        for (int key; (key = wgetch(stdscr)) != ERR;)
            keys_handle(a, key);
        double now = app_now();
        if (app_running(a) && now >= next_frame) {
            pace(a, FRAME_MS / 1000.0);
            next_frame = now + FRAME_MS / 1000.0;
        } else if (!app_running(a))
            next_frame = now;
    }
    return 0;
}

static void free_app(app *a)
{
    if (a->mode && a->mode->free)
        a->mode->free(a);
    app_free_windows(a);
    surface_cache_free(&a->sc);
    session_free(&a->s);
}

/* The terminal, the theme and the first layout of a->mode; on failure
 * the app's session is freed. */
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
    app_set_mode(a, a->mode);
    return 0;
}

/* Session, terminal and first layout; shared with the benchmark. */
int tui_open(app *a, const tui_options *o, FILE *out, FILE *in)
{
    char err[256];
    memset(a, 0, sizeof *a);
    a->mode = &mode_live;
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
    app_watch_session(a);
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

app *tui_screen_app(const screen_mode *m, void *ms)
{
    static app a;
    memset(&a, 0, sizeof a);
    a.mode = m;
    a.ms = ms;
    return &a;
}

int tui_run_screen(app *a)
{
    a->ui.utf8 = term_locale();
    app_watch_session(a);
    int rc = open_screen(a, stdout, stdin);
    if (rc)
        return rc;
    rc = tui_loop(a);
    tui_close(a);
    return rc;
}
