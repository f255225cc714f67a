/* A text to read in a box over the screen (the run as a command),
 * wrapped at blanks; any key closes it. */
#include <string.h>

#include "app.h"
#include "overlay.h"
#include "textwrap.h"

enum { MAX_LINES = 40 };

void textbox_draw(app *a)
{
    wrap_line lines[MAX_LINES];
    int w = a->cols > 100 ? 100 : a->cols, inner = w - 4;
    size_t n = text_wrap(a->text, inner, lines, MAX_LINES);
    if (n > MAX_LINES)
        n = MAX_LINES;
    WINDOW *win = overlay_open(a, (int)n + 4, w, -1, a->text_title);
    if (!win)
        return;
    ui_role_set(win, &a->ui, ROLE_TEXT, A_BOLD);
    for (size_t i = 0; i < n && (int)i < getmaxy(win) - 3; i++) {
        char line[512];
        size_t len = lines[i].len < sizeof line - 1 ? lines[i].len
                                                    : sizeof line - 1;
        memcpy(line, a->text + lines[i].start, len);
        line[len] = '\0';
        ui_puts_raw(win, &a->ui, 1 + (int)i, 2 + lines[i].indent,
                    inner - lines[i].indent, line);
    }
    ui_role_set(win, &a->ui, ROLE_DIM, 0);
    ui_puts(win, &a->ui, getmaxy(win) - 2, 2, inner, a->text_note);
    overlay_close(win);
}

bool textbox_key(app *a, int key)
{
    (void)key;
    a->ov = OVERLAY_NONE;
    return true;
}
