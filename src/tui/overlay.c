#include "app.h"
#include "overlay.h"

WINDOW *overlay_open(app *a, int h, int w, int y, const char *title)
{
    if (h > a->rows)
        h = a->rows;
    if (w > a->cols)
        w = a->cols;
    if (y < 0)
        y = (a->rows - h) / 2;
    WINDOW *win = newwin(h, w, y, (a->cols - w) / 2);
    if (!win)
        return NULL;
    ui_clear(win, &a->ui);
    ui_box(win, &a->ui, title, true);
    return win;
}

void overlay_close(WINDOW *w)
{
    wnoutrefresh(w);
    delwin(w);
}
