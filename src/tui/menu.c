#include <string.h>

#include "actions.h"
#include "app.h"
#include "builtins.h"
#include "menu.h"
#include "overlay.h"
#include "run_live.h"
#include "settings_list.h"

static int objective_count(void)
{
    int n = 0;
    while (builtin_types[n])
        n++;
    return n + 1; /* and "type an expression" */
}

static int optimizer_count(void)
{
    int n = 0;
    while (optimizer_types[n])
        n++;
    return n;
}

void menu_open(app *a, menu_kind kind)
{
    a->menu.kind = kind;
    a->ov = OVERLAY_MENU;
    if (kind == MENU_SETTINGS) {
        /* Kept on the row last edited. */
        a->menu.count = (int)run_live_settings(session_focused(&a->s),
                                               a->menu.ids, SETTINGS_MAX);
        if (a->menu.sel >= a->menu.count)
            a->menu.sel = 0;
        return;
    }
    a->menu.count = kind == MENU_OBJECTIVE ? objective_count()
                                           : optimizer_count();
    a->menu.sel = 0;
    const char *cur = kind == MENU_OBJECTIVE
                          ? a->s.obj.name : session_focused(&a->s)->s.opt->name;
    for (int i = 0; i < a->menu.count; i++) {
        const char *name = kind == MENU_OBJECTIVE
                               ? (builtin_types[i] ? builtin_types[i]->name : "")
                               : optimizer_types[i]->name;
        if (strcmp(name, cur) == 0)
            a->menu.sel = i;
    }
    a->ov = OVERLAY_MENU;
}

static void item_text(const app *a, menu_kind kind, int i, char *buf,
                      size_t cap)
{
    if (kind == MENU_SETTINGS) {
        int id = a->menu.ids[i];
        char value[96];
        run_live_text(session_focused_c(&a->s), id, value, sizeof value);
        if (id == OPT_STEPS)
            snprintf(value, sizeof value, "%ld",
                     a->s.runs[a->s.focus].limit);
        snprintf(buf, cap, "%-12s %-14s %s",
                 option_by_id(run_option_table, id)->name,
                 id == OPT_STEPS && !a->s.runs[a->s.focus].limit ? "none"
                                                                 : value,
                 settings_about(id));
    } else if (kind == MENU_OPTIMIZER)
        snprintf(buf, cap, "%-11s %s", optimizer_types[i]->name,
                 optimizer_types[i]->title);
    else if (builtin_types[i])
        snprintf(buf, cap, "%-11s %s", builtin_types[i]->name,
                 builtin_types[i]->formula);
    else
        snprintf(buf, cap, "%-11s %s", "expression…", "type f(x, y)");
}

void menu_draw(app *a)
{
    menu_state *m = &a->menu;
    int h = m->count + 4, w = 66;
    static const char *const titles[] = {"objective", "optimiser",
                                         "settings of the focused run"};
    WINDOW *win = overlay_open(a, h, w, -1, titles[m->kind]);
    if (!win)
        return;
    int rows = getmaxy(win) - 3, top = m->sel >= rows ? m->sel - rows + 1 : 0;
    for (int i = top; i < m->count && i - top < rows; i++) {
        char buf[160];
        item_text(a, m->kind, i, buf, sizeof buf);
        ui_role_set(win, &a->ui, i == m->sel ? ROLE_SEL : ROLE_TEXT, 0);
        mvwhline(win, 1 + i - top, 1, ' ', getmaxx(win) - 2);
        ui_puts(win, &a->ui, 1 + i - top, 2, getmaxx(win) - 4, buf);
    }
    ui_role_set(win, &a->ui, ROLE_DIM, 0);
    ui_puts(win, &a->ui, getmaxy(win) - 2, 2, getmaxx(win) - 4,
            m->kind == MENU_SETTINGS ? "↑↓ choose  Enter change  Esc close"
                                     : "↑↓ choose  Enter select  Esc cancel");
    overlay_close(win);
}

static void choose(app *a)
{
    a->ov = OVERLAY_NONE;
    if (a->menu.kind == MENU_SETTINGS)
        act_setting_row(a, a->menu.ids[a->menu.sel]);
    else if (a->menu.kind == MENU_OPTIMIZER)
        act_choose_optimizer(a, a->menu.sel);
    else if (builtin_types[a->menu.sel])
        act_choose_objective(a, builtin_types[a->menu.sel]->name);
    else
        act_expression_prompt(a);
}

bool menu_key(app *a, int key)
{
    menu_state *m = &a->menu;
    switch (key) {
    case KEY_UP:
    case 'k': m->sel = (m->sel + m->count - 1) % m->count; break;
    case KEY_DOWN:
    case 'j': m->sel = (m->sel + 1) % m->count; break;
    case KEY_HOME: m->sel = 0; break;
    case KEY_END: m->sel = m->count - 1; break;
    case '\n':
    case '\r':
    case KEY_ENTER: choose(a); break;
    case 27:
    case 'q': a->ov = OVERLAY_NONE; break;
    default: break;
    }
    return true;
}
