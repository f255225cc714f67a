/* `descent lesson` and `descent demo` in the TUI: the lesson menu, one
 * lesson, or a demo script played on the live screen. */
#ifndef DESCENT_TUI_LESSON_TUI_H
#define DESCENT_TUI_LESSON_TUI_H

#include "catalog.h"
#include "demo.h"
#include "progress.h"

typedef struct {
    const lesson_catalog *cat; /* the menu's lessons and a demo's; NULL */
    const lesson *lesson;      /* open it; NULL: the menu, or the demo */
    const demo *demo;          /* play it; NULL: none */
    progress *prog;            /* kept as steps are done; NULL: not kept */
    const char *prog_path;
} tui_lesson_options;

/* Runs until the user quits; returns an exit code as tui_main does. */
int tui_lesson_main(const tui_lesson_options *o);

#endif
