/* tui_lesson_main: the live screen opened as the lesson menu, a lesson,
 * or a demo script's stage. */
#include <string.h>

#include "app.h"
#include "lesson_tui.h"
#include "play.h"

int tui_lesson_main(const tui_lesson_options *o)
{
    int rc = tui_need_tty(o->demo ? "'descent lint' to check a demo"
                                  : "'descent list lessons'");
    if (rc)
        return rc;
    static app a;
    static play pl;
    memset(&pl, 0, sizeof pl);
    pl.cat = o->cat;
    pl.prog = o->prog;
    pl.prog_path = o->prog_path;
    tui_options t = tui_options_default();
    if ((rc = tui_open(&a, &t, stdout, stdin)) != 0)
        return rc;
    a.ms = &pl;
    /* What `set` applies on top of before any lesson: the screen's own
     * defaults. */
    run_options_default(&pl.cur);
    pl.cur.s = t.settings;
    if (o->demo) {
        pl.has_demo = true;
        demo_play_init(&pl.dp, o->demo);
        app_set_mode(&a, &mode_demo);
    }
    if (o->lesson) {
        play_start_lesson(&a, o->lesson);
    } else if (!o->demo) {
        pl.has_menu = true;
        play_show_menu(&a);
    }
    rc = tui_loop(&a);
    tui_close(&a);
    return rc;
}
