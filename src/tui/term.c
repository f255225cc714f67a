#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "term.h"

static SCREEN *screen;
/* Where motion tracking was switched on, to switch it off at the end
 * (also after a crash: the shell would get the reports). */
static FILE *term_out;
#define MOTION_ON "\033[?1003h"
#define MOTION_OFF "\033[?1003l"
static volatile sig_atomic_t curses_on;
static volatile sig_atomic_t pending;

bool term_locale(void)
{
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int term_open(FILE *out, FILE *in, char *err, size_t cap)
{
    const char *name = getenv("TERM");
    if (!name || !*name) {
        snprintf(err, cap, "TERM is not set; set it to your terminal's "
                           "type (e.g. TERM=xterm-256color)");
        return -1;
    }
    screen = newterm(NULL, out, in);
    if (!screen) {
        snprintf(err, cap, "unknown terminal type '%s' (TERM); try "
                           "TERM=xterm-256color", name);
        return -1;
    }
    set_term(screen);
    curses_on = 1;
    /* cbreak, not raw: Ctrl-C stays a signal the loop turns into a clean
     * exit, as htop does. */
    cbreak();
    noecho();
    nonl();
    curs_set(0);
    keypad(stdscr, TRUE);
    /* Home and End as tmux, screen, rxvt and the Linux console send
     * them, whatever TERM's terminfo says (xterm's is ESC O H / ESC O F). */
    define_key("\033[1~", KEY_HOME);
    define_key("\033[4~", KEY_END);
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    /* Presses and releases apart (a drag pans, a click moves the start)
     * and the pointer's moves (f and ∇f under it): xterm's any-event
     * tracking, which terminfo's XM does not ask for. */
    mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED |
                  BUTTON5_PRESSED | REPORT_MOUSE_POSITION, NULL);
    mouseinterval(0);
    if (has_mouse()) {
        term_out = out;
        fputs(MOTION_ON, out);
        fflush(out);
    }
    if (has_colors()) {
        start_color();
        use_default_colors();
    }
    return 0;
}

color_depth term_depth(void)
{
    if (!has_colors())
        return DEPTH_NONE;
    /* A direct-colour terminfo (xterm-direct) numbers colours as RGB. */
    if (COLORS >= 0x1000000)
        return DEPTH_TRUE;
    return COLORS >= 256 ? DEPTH_256 : COLORS >= 8 ? DEPTH_8 : DEPTH_NONE;
}

void term_close(void)
{
    if (!curses_on)
        return;
    curses_on = 0;
    if (term_out) {
        fputs(MOTION_OFF, term_out);
        fflush(term_out);
        term_out = NULL;
    }
    endwin();
    delscreen(screen);
    screen = NULL;
}

/* The write end of a pipe the main loop polls beside the terminal, so a
 * signal that lands just before poll() still wakes it (self-pipe). */
static int wake_fd[2] = {-1, -1};

static void on_term_signal(int sig)
{
    pending = sig;
    if (wake_fd[1] >= 0) {
        ssize_t r = write(wake_fd[1], "", 1);
        (void)r;
    }
}

static void write_err(const char *s)
{
    ssize_t r = write(STDERR_FILENO, s, strlen(s));
    (void)r;
}

/* endwin is not async-signal-safe, but after a crash restoring the
 * terminal matters more than the small risk (tmux and vim do the same). */
static void on_crash(int sig)
{
    if (curses_on) {
        curses_on = 0;
        if (term_out) {
            ssize_t r = write(fileno(term_out), MOTION_OFF,
                              sizeof MOTION_OFF - 1);
            (void)r;
        }
        endwin();
    }
    write_err("descent: internal error (");
    write_err(sig == SIGSEGV   ? "segmentation fault"
              : sig == SIGABRT ? "abort"
              : sig == SIGFPE  ? "floating-point exception"
                               : "bus error");
    write_err("); the terminal was restored. Please report this.\n");
    signal(sig, SIG_DFL);
    raise(sig);
}

void term_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (wake_fd[0] < 0 && pipe(wake_fd) == 0) {
        fcntl(wake_fd[0], F_SETFL, O_NONBLOCK);
        fcntl(wake_fd[1], F_SETFL, O_NONBLOCK);
        fcntl(wake_fd[0], F_SETFD, FD_CLOEXEC);
        fcntl(wake_fd[1], F_SETFD, FD_CLOEXEC);
    }
    /* No SA_RESTART: the wait in the main loop returns at once. SIGQUIT
     * (Ctrl-\ in cbreak mode) ends the program as SIGINT does. */
    sa.sa_handler = on_term_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

int term_signal_pending(void) { return pending; }

int term_signal_fd(void) { return wake_fd[0]; }
