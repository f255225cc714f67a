/* The lesson menu as a mode (`descent lesson` without an id): the
 * shipped lessons with their minutes and progress; Enter opens one. */
#include <stdio.h>

#include "actions.h"
#include "app.h"
#include "panels.h"
#include "play.h"
#include "textwrap.h"

static void menu_move(app *a, int by)
{
    play *pl = play_of(a);
    int n = pl->cat ? (int)pl->cat->n : 0;
    if (n)
        pl->menu_sel = ((pl->menu_sel + by) % n + n) % n;
}

static void menu_up(app *a) { menu_move(a, -1); }
static void menu_down(app *a) { menu_move(a, 1); }

static void menu_enter(app *a)
{
    play *pl = play_of(a);
    if (pl->cat && pl->cat->n)
        play_start_lesson(a, &pl->cat->l[pl->menu_sel]);
}

const key_binding menu_key_bindings[] = {
    {'?', 0, 1, "? F1", "this help", "help", act_help, false, NULL},
    {KEY_UP, 'k', 0, "↑ k", "previous lesson", NULL, menu_up, false, NULL},
    {KEY_DOWN, 'j', 0, "↓ j", "next lesson", NULL, menu_down, false, NULL},
    {'\r', KEY_ENTER, 0, "Enter", "open the lesson", "open", menu_enter, false, NULL},
    KEY_BINDINGS_TAIL,
};
const int menu_key_binding_count =
    sizeof menu_key_bindings / sizeof menu_key_bindings[0];

/* "done", "2/5" or "-", as `descent list lessons` says it. */
static void progress_text(const play *pl, const lesson *l, char *buf,
                          size_t cap)
{
    size_t n = pl->prog ? progress_count(pl->prog, l) : 0;
    if (n >= l->n_steps)
        snprintf(buf, cap, "✓ done");
    else if (n)
        snprintf(buf, cap, "%zu/%zu", n, l->n_steps);
    else
        snprintf(buf, cap, "-");
}

/* s cut and padded to cols columns (code points, as text_columns counts
 * them): a title's α must not be cut in half or shift the columns. */
static void fit_columns(char *out, size_t cap, const char *s, int cols)
{
    size_t n = 0;
    int used = 0;
    while (s[n] && used < cols) {
        size_t k = 1;
        while (s[n + k] && ((unsigned char)s[n + k] & 0xC0) == 0x80)
            k++;
        if (n + k + (size_t)(cols - used) >= cap)
            break;
        n += k;
        used++;
    }
    snprintf(out, cap, "%.*s%*s", (int)n, s, cols - text_columns(s, n), "");
}

static void draw_list(const app *a, WINDOW *w)
{
    const ui_env *u = &a->ui;
    const play *pl = play_of(a);
    int h = getmaxy(w), wd = getmaxx(w);
    ui_box(w, u, "lessons", true);
    int n = pl->cat ? (int)pl->cat->n : 0, rows = h - 4;
    ui_role_set(w, u, ROLE_DIM, 0);
    ui_printf(w, u, 1, 2, wd - 4, "  %-22s %-*s %7s  %s", "id",
              wd > 80 ? wd - 46 : 20, "title", "minutes", "progress");
    int top = pl->menu_sel >= rows ? pl->menu_sel - rows + 1 : 0;
    for (int i = top; i < n && i - top < rows; i++) {
        const lesson *l = &pl->cat->l[i];
        char done[64], line[400], title[300];
        progress_text(pl, l, done, sizeof done);
        fit_columns(title, sizeof title, l->title, wd > 80 ? wd - 46 : 20);
        snprintf(line, sizeof line, "%s%-22s %s %7ld  %s",
                 i == pl->menu_sel ? "▶ " : "  ", l->id, title, l->minutes,
                 done);
        bool sel = i == pl->menu_sel;
        ui_role_set(w, u, sel ? ROLE_SEL : ROLE_TEXT, 0);
        if (sel)
            mvwhline(w, 2 + i - top, 1, ' ', wd - 2);
        ui_puts(w, u, 2 + i - top, 2, wd - 4, line);
    }
    if (!n) {
        ui_role_set(w, u, ROLE_ERROR, 0);
        ui_puts(w, u, 2, 2, wd - 4, "no lessons (see descent lint)");
    }
    ui_role_set(w, u, ROLE_DIM, 0);
    ui_puts(w, u, h - 2, 2, wd - 4, "↑↓ choose · Enter open · q quit · "
            "in a lesson, m comes back here");
}

static void draw_top(const app *a, WINDOW *w)
{
    statusbar_title(w, &a->ui, " lessons: choose one", getmaxx(w));
}

static const key_binding *menu_keys(const app *a, int *n)
{
    (void)a;
    *n = menu_key_binding_count;
    return menu_key_bindings;
}

static void menu_layout(app *a)
{
    layout_menu(&a->lay, a->cols, a->rows);
}

static void menu_draw_panes(const app *a)
{
    static const pane_draw draw[PANE_COUNT] = {
        [PANE_TOP] = draw_top, [PANE_SURFACE] = draw_list,
        [PANE_BOTTOM] = statusbar_draw_bottom};
    app_draw_panes(a, draw);
}

static bool menu_running(const app *a)
{
    (void)a;
    return false;
}

static double menu_rate(const app *a)
{
    (void)a;
    return 0.0;
}

static long menu_advance(app *a, long n, double deadline)
{
    (void)a, (void)n, (void)deadline;
    return 0;
}

const screen_mode mode_menu = {
    .name = "menu",
    .keys = menu_keys,
    .layout = menu_layout,
    .draw = menu_draw_panes,
    .running = menu_running,
    .rate = menu_rate,
    .advance = menu_advance,
    .help_note = "",
    .free = play_free,
};
