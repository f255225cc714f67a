/* The top bar (objective and settings of the focused run, step and
 * status) and the bottom bar (key hints htop-style, or a message). */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "keys.h"
#include "panels.h"

/* "adam · lr 0.05 · analytic · clip norm:5 · HD add β 1e-07" as the top
 * bar shows them; compact leaves out the gradient method, and terse also
 * what is at its default (no clipping, HD off): the step panel says them. */
static void settings_text(const run *r, bool compact, bool terse, char *buf,
                          size_t cap)
{
    int n = snprintf(buf, cap, "%s · lr %.4g", r->s.opt->name, r->lr);
    if (r->s.sched.kind != SCHED_NONE)
        n += snprintf(buf + n, cap - (size_t)n, " %s",
                      sched_kind_name(r->s.sched.kind));
    if (r->obj->single)
        n += snprintf(buf + n, cap - (size_t)n, " · float32");
    if (!compact)
        n += snprintf(buf + n, cap - (size_t)n, " · %s", grad_method_name(r->s.grad));
    if (r->s.clip.mode != CLIP_NONE)
        n += snprintf(buf + n, cap - (size_t)n, " · clip %s:%g",
                      clip_mode_name(r->s.clip.mode), r->s.clip.c);
    else if (!terse)
        n += snprintf(buf + n, cap - (size_t)n, " · clip none");
    if (r->s.hd.mode != HD_OFF)
        snprintf(buf + n, cap - (size_t)n, " · HD %s β %.0e",
                 hd_mode_name(r->s.hd.mode), r->s.hd.beta);
    else if (!terse)
        snprintf(buf + n, cap - (size_t)n, " · HD off");
}

/* Drops whole " · " segments from the end of text until it fits in
 * width columns, rather than cutting a setting in half. */
void statusbar_fit(const ui_env *u, char *text, int width)
{
    char *cut;
    while (ui_width(u, text) > width && (cut = strstr(text, " · "))) {
        char *last = cut;
        while ((cut = strstr(last + 1, " · ")))
            last = cut;
        *last = '\0';
    }
}

/* Bar colours, or the error colour on the bar's background. */
void statusbar_style(WINDOW *w, const ui_env *u, bool error)
{
    ui_role_set(w, u, ROLE_BAR, A_BOLD);
    int bg = ui_role_bg(u, ROLE_BAR);
    if (error && bg >= 0) {
        int pair = ui_pair(u, ui_color(u, u->th->error), bg);
        wattr_set(w, A_BOLD, 0, &pair);
    }
}

void statusbar_title(WINDOW *w, const ui_env *u, const char *text,
                     int width)
{
    ui_role_set(w, u, ROLE_BAR, 0);
    mvwhline(w, 0, 0, ' ', getmaxx(w));
    ui_role_set(w, u, ROLE_BAR_DIM, A_BOLD);
    int x = ui_puts(w, u, 0, 0, width, " descent ");
    ui_role_set(w, u, ROLE_BAR, 0);
    ui_puts(w, u, 0, x, width - x, text);
}

/* The icon and words for run i on the right of the top bar. */
static const char *status_icon(const app *a, const run *r)
{
    if (r->status == RUN_RUNNING)
        return app_running(a) ? "▶" : "⏸";
    if (r->status == RUN_MAX_STEPS)
        return "⏸";
    return r->status == RUN_DIVERGED ? "✗" : "■";
}

void statusbar_draw_top(const app *a, WINDOW *w)
{
    const ui_env *u = &a->ui;
    int width = getmaxx(w);
    const run *r = session_focused_c(&a->s);
    char right[256], status[200], set[200];
    session_status_text(&a->s, a->s.focus, status, sizeof status);
    snprintf(right, sizeof right, "step %-6ld %s %s", r->step,
             status_icon(a, r), status);
    int rw = ui_width(u, right) + 2;
    if (rw > width / 2)
        rw = width / 2;
    int x = ui_width(u, " descent ");
    char left[400];
    for (int terse = 0; terse < 3; terse++) {
        settings_text(r, terse > 0 || width < 100, terse > 1, set, sizeof set);
        if (a->s.nruns > 1)
            snprintf(left, sizeof left, " %s · run %d/%d: %s", a->s.obj.name,
                     a->s.focus + 1, a->s.nruns, set);
        else
            snprintf(left, sizeof left, " %s · %s", a->s.obj.name, set);
        if (ui_width(u, left) <= width - x - rw)
            break;
    }
    statusbar_fit(u, left, width - x - rw);
    statusbar_title(w, u, left, width - rw);
    statusbar_style(w, u, r->status == RUN_DIVERGED);
    ui_puts(w, u, 0, width - rw + 1, rw - 1, right);
}

/* How much a hint is shortened: the F-key and the hint; the plain key
 * (shorter than its F-key) and the hint; then the brief; then the key
 * alone. Every hint shows at the first level that fits. */
enum { HINT_LEVELS = 4 };

/* The key as the bar shows it: its F-key at level 0, else its first
 * name ("Space" as "Spc"). */
static void hint_key(const key_binding *b, int level, char *buf, size_t cap)
{
    if (b->fkey && level == 0)
        snprintf(buf, cap, "F%d", b->fkey);
    else if (level > 0 && strncmp(b->keys, "Space", 5) == 0)
        snprintf(buf, cap, "Spc");
    else
        snprintf(buf, cap, "%.*s", (int)strcspn(b->keys, " "), b->keys);
}

static void hint_label(const key_binding *b, int level, char *buf,
                       size_t cap)
{
    const char *t = level >= 3 ? "" : level == 2 && b->brief ? b->brief
                                                             : b->hint;
    snprintf(buf, cap, "%s", t);
}

static int hint_width(const ui_env *u, const key_binding *b, int level)
{
    char key[16], label[32];
    hint_key(b, level, key, sizeof key);
    hint_label(b, level, label, sizeof label);
    return ui_width(u, key) + ui_width(u, label) + 1;
}

/* "F1" in key colours, then "help " in the bar's, as htop does. */
static int draw_hint(WINDOW *w, const ui_env *u, int x, const key_binding *b,
                     int level)
{
    char key[16], label[32];
    hint_key(b, level, key, sizeof key);
    hint_label(b, level, label, sizeof label);
    int width = getmaxx(w), x0 = x;
    ui_role_set(w, u, ROLE_KEY, 0);
    x += ui_puts(w, u, 0, x, width - x, key);
    ui_role_set(w, u, ROLE_BAR, 0);
    x += ui_puts(w, u, 0, x, width - x, label);
    x += ui_puts(w, u, 0, x, width - x, " ");
    return x - x0;
}

static bool hinted(const app *a, const key_binding *b)
{
    return b->hint && (!b->sliced || session_sliced(&a->s));
}

void statusbar_draw_bottom(const app *a, WINDOW *w)
{
    const ui_env *u = &a->ui;
    int width = getmaxx(w);
    ui_role_set(w, u, ROLE_BAR, 0);
    mvwhline(w, 0, 0, ' ', width);
    if (a->msg[0]) {
        statusbar_style(w, u, a->msg_error);
        ui_printf(w, u, 0, 1, width - 2, "%s", a->msg);
        return;
    }
    /* Every hint, with shorter labels before any is left out; the last
     * binding (quit) always shows, at the right end. */
    const key_binding *last = &a->keys[a->nkeys - 1];
    int level = 0;
    for (; level < HINT_LEVELS - 1; level++) {
        int need = hint_width(u, last, level);
        for (int i = 0; i < a->nkeys - 1; i++)
            if (hinted(a, &a->keys[i]))
                need += hint_width(u, &a->keys[i], level);
        if (need <= width)
            break;
    }
    int reserve = hint_width(u, last, level), x = 0;
    for (int i = 0; i < a->nkeys - 1; i++) {
        const key_binding *b = &a->keys[i];
        if (!hinted(a, b))
            continue;
        if (x + hint_width(u, b, level) > width - reserve)
            break;
        x += draw_hint(w, u, x, b, level);
    }
    draw_hint(w, u, width - reserve, last, level);
}
