#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "cast.h"
#include "term.h"

static SCREEN *screen;
/* The terminal itself, for what goes around curses (the clipboard);
 * -1 without one. */
static int tty_fd = -1;

/* A recording: curses writes to a descriptor that is a temporary file
 * (ncurses writes with write() on the descriptor of its FILE, so a
 * stream of our own would not see it), and after each frame the bytes
 * are copied to the terminal and into the recording. Curses sets the
 * terminal's modes through the same descriptor, so it is the terminal's
 * while newterm and the mode calls run, and the file's only after them;
 * it is the terminal's again before endwin. */
static struct {
    cast_writer *cast;
    double (*clock)(void);
    double t0;
    const char *title;
    int mem;        /* the temporary file */
    int ofd;        /* the descriptor curses writes to */
    FILE *ofp;
    int tty;        /* the terminal (a copy); -1: headless */
    bool captured;  /* ofd is the file's */
} rec = {.mem = -1, .ofd = -1, .tty = -1};
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

void term_record(cast_writer *c, double (*clock)(void), double t0,
                 const char *title)
{
    rec.cast = c;
    rec.clock = clock;
    rec.t0 = t0;
    rec.title = title;
}

static void capture_close(void)
{
    if (rec.ofp)
        fclose(rec.ofp);
    else if (rec.ofd >= 0)
        close(rec.ofd);
    if (rec.mem >= 0)
        close(rec.mem);
    if (rec.tty >= 0)
        close(rec.tty);
    rec.ofp = NULL;
    rec.mem = rec.ofd = rec.tty = -1;
    rec.captured = false;
    rec.cast = NULL;
}

/* The descriptors of a recording: curses gets a copy of the terminal's
 * (out), or with no terminal the temporary file's at once. */
static int capture_open(FILE *out)
{
    FILE *t = tmpfile();
    if (t) {
        rec.mem = dup(fileno(t));
        fclose(t);
    }
    rec.tty = out ? dup(fileno(out)) : -1;
    rec.ofd = dup(out ? fileno(out) : rec.mem);
    rec.ofp = rec.ofd >= 0 ? fdopen(rec.ofd, "w") : NULL;
    rec.captured = !out;
    if (rec.mem < 0 || (out && rec.tty < 0) || !rec.ofp) {
        capture_close();
        return -1;
    }
    return 0;
}

/* Curses' later size checks read these where its descriptor is no
 * terminal. */
static void size_env(int rows, int cols)
{
    char r[16], c[16];
    snprintf(r, sizeof r, "%d", rows);
    snprintf(c, sizeof c, "%d", cols);
    setenv("LINES", r, 1);
    setenv("COLUMNS", c, 1);
}

/* Once the modes are set: curses' descriptor becomes the file's. */
static void capture_start(void)
{
    if (!rec.captured) {
        size_env(LINES, COLS);
        dup2(rec.mem, rec.ofd);
        rec.captured = true;
        /* Suspending would have curses restore the terminal through a
         * descriptor that is not it. */
        signal(SIGTSTP, SIG_IGN);
    }
    cast_header(rec.cast, COLS, LINES, (long long)time(NULL), rec.title,
                getenv("TERM"), getenv("SHELL"));
}

static double rec_time(void) { return rec.clock() - rec.t0; }

static void write_all(int fd, const char *buf, size_t n)
{
    while (n) {
        ssize_t w = write(fd, buf, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        buf += w;
        n -= (size_t)w;
    }
}

void term_flush(void)
{
    if (!rec.cast || rec.mem < 0)
        return;
    char buf[1 << 16];
    off_t off = 0;
    ssize_t n;
    double t = rec_time();
    while ((n = pread(rec.mem, buf, sizeof buf, off)) > 0) {
        if (rec.tty >= 0)
            write_all(rec.tty, buf, (size_t)n);
        cast_output(rec.cast, t, buf, (size_t)n);
        off += n;
    }
    if (off && ftruncate(rec.mem, 0) == 0)
        lseek(rec.mem, 0, SEEK_SET);
}

void term_sync_size(void)
{
    struct winsize ws;
    if (!curses_on || !rec.cast || rec.tty < 0 ||
        ioctl(rec.tty, TIOCGWINSZ, &ws) < 0 || !ws.ws_row || !ws.ws_col ||
        (ws.ws_row == LINES && ws.ws_col == COLS))
        return;
    size_env(ws.ws_row, ws.ws_col);
    resizeterm(ws.ws_row, ws.ws_col); /* and KEY_RESIZE to the loop */
    cast_resize(rec.cast, rec_time(), ws.ws_col, ws.ws_row);
}

int term_open(FILE *out, FILE *in, char *err, size_t cap)
{
    const char *name = getenv("TERM");
    if (!name || !*name) {
        snprintf(err, cap, "TERM is not set; set it to your terminal's "
                           "type (e.g. TERM=xterm-256color)");
        return -1;
    }
    if (rec.cast && capture_open(out) < 0) {
        snprintf(err, cap, "recording: %s", strerror(errno));
        return -1;
    }
    screen = newterm(NULL, rec.cast ? rec.ofp : out, in);
    if (!screen) {
        if (rec.cast)
            capture_close();
        snprintf(err, cap, "unknown terminal type '%s' (TERM); try "
                           "TERM=xterm-256color", name);
        return -1;
    }
    set_term(screen);
    curses_on = 1;
    tty_fd = rec.cast ? rec.tty : out ? fileno(out) : -1;
    /* cbreak, not raw: Ctrl-C stays a signal the loop turns into a clean
     * exit, as htop does. */
    cbreak();
    noecho();
    nonl();
    if (rec.cast)
        capture_start();
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
    if (has_mouse() && out) {
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
    if (rec.cast) {
        term_flush();
        if (rec.tty >= 0)
            dup2(rec.tty, rec.ofd); /* endwin restores the terminal */
    }
    if (term_out) {
        fputs(MOTION_OFF, term_out);
        fflush(term_out);
        term_out = NULL;
    }
    endwin();
    delscreen(screen);
    screen = NULL;
    tty_fd = -1;
    if (rec.cast)
        capture_close();
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
        if (rec.captured && rec.tty >= 0)
            dup2(rec.tty, rec.ofd);
        if (term_out) {
            ssize_t r = write(fileno(term_out), MOTION_OFF,
                              sizeof MOTION_OFF - 1);
            (void)r;
        }
        endwin();
    }
    if (rec.cast && rec.cast->f.tmp)
        unlink(rec.cast->f.tmp); /* the unfinished recording */
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

int term_clipboard(const char *text)
{
    static const char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char *name = getenv("TERM");
    /* The Linux console takes ESC ] for its palette. */
    if (tty_fd < 0 || !name || strncmp(name, "linux", 5) == 0 ||
        strcmp(name, "dumb") == 0)
        return -1;
    size_t n = strlen(text), len = 0;
    char *seq = malloc(4 * (n / 3 + 1) + 16);
    if (!seq)
        return -1;
    len += (size_t)sprintf(seq, "\033]52;c;");
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)s[i] << 16 |
                     (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) |
                     (i + 2 < n ? s[i + 2] : 0);
        seq[len++] = b64[v >> 18 & 63];
        seq[len++] = b64[v >> 12 & 63];
        seq[len++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
        seq[len++] = i + 2 < n ? b64[v & 63] : '=';
    }
    seq[len++] = '\a';
    write_all(tty_fd, seq, len);
    free(seq);
    return 0;
}
