#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "textfit.h"
#include "translit.h"
#include "ui.h"

int ui_color(const ui_env *u, tcolor tc)
{
    if (tc.rgb == TCOLOR_DEFAULT || !u->th->color)
        return -1;
    return color_at_depth(tc.rgb, tc.ansi8, u->depth);
}

int ui_pair(const ui_env *u, int fg, int bg)
{
    if (u->depth == DEPTH_NONE || (fg < 0 && bg < 0))
        return 0;
    /* ncurses ≥ 6.1 keeps the (fg, bg) → pair table itself. */
    int p = alloc_pair(fg, bg);
    return p < 0 ? 0 : p;
}

/* What stands in for colour in monochrome, and adds to it otherwise. */
static attr_t role_attr(const ui_env *u, ui_role r)
{
    bool mono = u->depth == DEPTH_NONE || !u->th->color;
    switch (r) {
    case ROLE_TITLE: return A_BOLD;
    case ROLE_ERROR: return A_BOLD;
    case ROLE_DIM: return mono ? A_DIM : 0;
    case ROLE_BAR: return mono ? A_REVERSE : 0;
    case ROLE_BAR_DIM: return mono ? A_REVERSE : A_BOLD;
    case ROLE_KEY: return mono ? A_BOLD : 0;
    case ROLE_SEL: return A_BOLD | (mono ? A_REVERSE : 0);
    default: return r >= ROLE_RUN0 ? A_BOLD : 0;
    }
}

int ui_role_bg(const ui_env *u, ui_role role)
{
    return ui_color(u, theme_role_bg(u->th, role));
}

void ui_role_set(WINDOW *w, const ui_env *u, ui_role role, attr_t extra)
{
    int pair = ui_pair(u, ui_color(u, theme_role_fg(u->th, role)),
                       ui_role_bg(u, role));
    wattr_set(w, role_attr(u, role) | extra, 0, &pair);
}

/* Decodes s to wide characters that fit maxw columns. */
static int to_wide(const char *s, int maxw, wchar_t *out, int cap, int *cols)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    int n = 0, c = 0;
    size_t len = strlen(s);
    while (len && n < cap - 1) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, s, len, &st);
        if (k == (size_t)-1 || k == (size_t)-2) {
            wc = L'?';
            k = 1;
            memset(&st, 0, sizeof st);
        }
        int wd = wcwidth(wc);
        if (wd < 0)
            wd = 1;
        if (c + wd > maxw)
            break;
        out[n++] = wc;
        c += wd;
        s += k;
        len -= k;
    }
    out[n] = 0;
    *cols = c;
    return n;
}

int ui_puts_raw(WINDOW *w, const ui_env *u, int y, int x, int maxw,
                const char *s)
{
    if (maxw <= 0)
        return 0;
    if (!u->utf8) {
        char buf[1024];
        int n = (int)translit_ascii(s, buf, sizeof buf);
        if (n > maxw)
            n = maxw;
        mvwaddnstr(w, y, x, buf, n);
        return n;
    }
    wchar_t wbuf[1024];
    int cols, n = to_wide(s, maxw, wbuf, 1024, &cols);
    mvwaddnwstr(w, y, x, wbuf, n);
    return cols;
}

int ui_puts(WINDOW *w, const ui_env *u, int y, int x, int maxw,
            const char *s)
{
    if (maxw <= 0)
        return 0;
    char buf[1024], fit[1024];
    if (!u->utf8) {
        translit_ascii(s, buf, sizeof buf);
        s = buf;
    }
    if (text_width(s) > maxw) {
        text_fit(s, maxw, u->utf8 ? "…" : maxw > 6 ? "..." : "", fit,
                 sizeof fit);
        s = fit;
    }
    return ui_puts_raw(w, u, y, x, maxw, s);
}

int ui_printf(WINDOW *w, const ui_env *u, int y, int x, int maxw,
              const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return ui_puts(w, u, y, x, maxw, buf);
}

int ui_width(const ui_env *u, const char *s)
{
    if (!u->utf8) {
        char buf[1024];
        return (int)translit_ascii(s, buf, sizeof buf);
    }
    wchar_t wbuf[1024];
    int cols;
    to_wide(s, 1 << 20, wbuf, 1024, &cols);
    return cols;
}

void ui_cell(WINDOW *w, const ui_env *u, int y, int x, uint32_t cp,
             char ascii, int fg, int bg, attr_t a)
{
    int pair = ui_pair(u, fg, bg);
    if (!u->utf8 || cp < 0x80) {
        wattr_set(w, a, 0, &pair);
        mvwaddch(w, y, x, (chtype)(unsigned char)(u->utf8 ? (char)cp : ascii));
        return;
    }
    wchar_t wc[2] = {(wchar_t)cp, 0};
    cchar_t cc;
    setcchar(&cc, wc, a, 0, &pair);
    mvwadd_wch(w, y, x, &cc);
}

void ui_axes_frame(WINDOW *w, const ui_env *u, int py, int px, int ph,
                   int pw)
{
    ui_role_set(w, u, ROLE_BORDER, 0);
    for (int y = py; y < py + ph; y++)
        ui_puts(w, u, y, px - 1, 1, "│");
    ui_puts(w, u, py + ph, px - 1, 1, "└");
    for (int x = px; x < px + pw; x++)
        ui_puts(w, u, py + ph, x, 1, "─");
}

void ui_clear(WINDOW *w, const ui_env *u)
{
    int pair = ui_pair(u, ui_color(u, u->th->fg), ui_color(u, u->th->bg));
    cchar_t bg;
    setcchar(&bg, L" ", 0, 0, &pair);
    wbkgrndset(w, &bg);
    wattr_set(w, 0, 0, &pair);
    werase(w);
}

void ui_box(WINDOW *w, const ui_env *u, const char *title, bool focused)
{
    int wd = getmaxx(w);
    ui_role_set(w, u, focused ? ROLE_ACCENT : ROLE_BORDER, 0);
    if (u->utf8) {
        cchar_t c[6];
        const wchar_t *g[6] = {L"│", L"─", L"╭", L"╮", L"╰", L"╯"};
        attr_t a;
        int pair;
        wattr_get(w, &a, NULL, &pair);
        for (int i = 0; i < 6; i++)
            setcchar(&c[i], g[i], a, 0, &pair);
        wborder_set(w, &c[0], &c[0], &c[1], &c[1], &c[2], &c[3], &c[4], &c[5]);
    } else {
        wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
    }
    if (title && wd > 6) {
        ui_role_set(w, u, ROLE_TITLE, 0);
        mvwaddch(w, 0, 1, ' ');
        ui_puts(w, u, 0, 2, wd - 5, title);
        waddch(w, ' ');
    }
}
