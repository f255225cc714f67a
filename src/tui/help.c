#include "app.h"
#include "help.h"
#include "keys.h"
#include "overlay.h"

/* Key names in one column, what they do beside; two columns of
 * bindings when the screen is wide enough, scrolling when it is short. */
void help_draw(app *a)
{
    int cols = a->cols >= 120 ? 2 : 1, colw = 56;
    int per_col = (a->nkeys + cols - 1) / cols;
    WINDOW *win = overlay_open(a, per_col + 4, cols * colw + 3, -1,
                               "help · keys");
    if (!win)
        return;
    int rows = getmaxy(win) - 3, width = (getmaxx(win) - 3) / cols;
    int max_scroll = per_col > rows ? per_col - rows : 0;
    if (a->help_scroll > max_scroll)
        a->help_scroll = max_scroll;
    for (int c = 0; c < cols; c++)
        for (int r = 0; r < rows; r++) {
            int i = c * per_col + r + a->help_scroll;
            if (i >= a->nkeys || r + a->help_scroll >= per_col)
                break;
            int x = 2 + c * width;
            ui_role_set(win, &a->ui, ROLE_ACCENT, A_BOLD);
            ui_puts(win, &a->ui, 1 + r, x, 10, a->keys[i].keys);
            ui_role_set(win, &a->ui, ROLE_TEXT, 0);
            ui_puts(win, &a->ui, 1 + r, x + 11, width - 12,
                    a->keys[i].help);
        }
    ui_role_set(win, &a->ui, ROLE_DIM, 0);
    ui_printf(win, &a->ui, getmaxy(win) - 2, 2, getmaxx(win) - 4,
              "%sother keys close%s", a->mode->help_note,
              max_scroll ? " · ↑↓ scroll" : "");
    overlay_close(win);
}

bool help_key(app *a, int key)
{
    if (key == KEY_DOWN || key == 'j')
        a->help_scroll++;
    else if (key == KEY_UP || key == 'k') {
        if (a->help_scroll > 0)
            a->help_scroll--;
    } else
        a->ov = OVERLAY_NONE;
    return true;
}
