/* `descent lesson` and `descent demo` in the TUI: the lesson menu, one
 * lesson, or a demo script played on the live screen. */
#ifndef DESCENT_TUI_LESSON_TUI_H
#define DESCENT_TUI_LESSON_TUI_H

#include "catalog.h"
#include "demo.h"
#include "progress.h"
#include "tui.h"

typedef struct {
    const lesson_catalog *cat; /* the menu's lessons and a demo's; NULL */
    const lesson *lesson;      /* open it; NULL: the menu, or the demo */
    const demo *demo;          /* play it; NULL: none */
    progress *prog;            /* kept as steps are done; NULL: not kept */
    const char *prog_path;
    tui_record rec;            /* --record */
    /* A demo recorded without a terminal at cols × rows (rec.path set):
     * played to its end on its own clock (demo_record.c). 0: on the
     * terminal. */
    int cols, rows;
} tui_lesson_options;

/* Runs until the user quits; returns an exit code as tui_main does. */
int tui_lesson_main(const tui_lesson_options *o);

struct app;
/* The headless recording of a demo (demo_record.c): the app's clock
 * becomes one of its own from 0, set before the screen opens, and the
 * main loop's wait (app.h) moves it on instead of waiting: the script's
 * sleeps become times in the recording, a pause lasts DEMO_RECORD_PAUSE
 * seconds, and the loop ends DEMO_RECORD_HOLD seconds after the
 * script's last command, the last screen held. */
enum { DEMO_RECORD_PAUSE = 2, DEMO_RECORD_HOLD = 2 };
void demo_record_clock(void);
void demo_record_wait(struct app *a, int ms);

#endif
