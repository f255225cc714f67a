/* tui_snapshot: the live screen of a run that has ended, drawn by the
 * real panels into a newterm whose output goes nowhere, then read back
 * from curses' own idea of the screen (curscr) as UTF-8 text. */
#include <stdlib.h>
#include <wchar.h>

#include "app.h"
#include "tui.h"

/* Row y of the screen, trailing blanks left out, as a terminal capture
 * (tmux capture-pane) gives it. */
static void put_row(FILE *out, int y, int cols)
{
    char line[8192];
    size_t len = 0, kept = 0;
    mbstate_t st = {0};
    for (int x = 0; x < cols; x++) {
        cchar_t cc;
        wchar_t wch[CCHARW_MAX + 1] = {0};
        attr_t attrs;
        short pair;
        if (mvwin_wch(curscr, y, x, &cc) == ERR ||
            getcchar(&cc, wch, &attrs, &pair, NULL) == ERR || !wch[0])
            wch[0] = L' ', wch[1] = 0;
        for (int i = 0; wch[i] && len + MB_CUR_MAX < sizeof line; i++) {
            size_t n = wcrtomb(line + len, wch[i], &st);
            len += n == (size_t)-1 ? 0 : n;
        }
        if (wch[0] != L' ' || wch[1])
            kept = len;
        int w = wcwidth(wch[0]);
        x += w > 1 ? w - 1 : 0; /* the cells a wide character covers */
    }
    fprintf(out, "%.*s\n", (int)kept, line);
}

void tui_screen_text(FILE *out, int rows, int cols)
{
    for (int y = 0; y < rows; y++)
        put_row(out, y, cols);
}

void tui_headless(int cols, int rows)
{
    char c[16], r[16];
    snprintf(c, sizeof c, "%d", cols);
    snprintf(r, sizeof r, "%d", rows);
    /* Not a terminal: ncurses takes the size from these. */
    setenv("COLUMNS", c, 1);
    setenv("LINES", r, 1);
    setenv("TERM", "xterm-256color", 1);
}

int tui_snapshot(const tui_options *o, int cols, int rows, FILE *out)
{
    tui_headless(cols, rows);
    setenv("LC_ALL", "C.UTF-8", 1);
    FILE *sink = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    static app a;
    int rc = sink && in ? tui_open(&a, o, sink, in) : 1;
    if (rc == 0) {
        /* Up to --steps: there the screen's limit is a pause, which a
         * further session_step would extend. */
        while (a.s.runs[0].r.status == RUN_RUNNING)
            session_step(&a.s);
        /* A slice is sampled a few rows a frame: frames until done. */
        do
            app_render(&a);
        while (a.sc.pending);
        tui_screen_text(out, rows, cols);
        tui_close(&a);
    }
    if (sink)
        fclose(sink);
    if (in)
        fclose(in);
    return rc;
}
