/* What the lesson commands share (`descent lint`, `lesson`, `demo`,
 * `list lessons`): checking lesson and demo files and printing their
 * problems, the shipped lessons, the progress store, and the one place
 * where a lesson or demo is handed to the player. */
#ifndef DESCENT_LESSON_CLI_H
#define DESCENT_LESSON_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "catalog.h"
#include "demo.h"
#include "diag.h"
#include "progress.h"
#include "tui.h"

typedef struct {
    size_t lessons, demos, problems;
    size_t played, failed;  /* lint --play: goals and checks */
} lint_counts;

/* Prints each problem of d as "path:LINE[:COLUMN]: message" to out
 * (on stderr after "descent: ", as errors are). */
void lint_print(const char *path, diag_list *d, FILE *out);

/* Checks path as a lesson or demo by its extension (a demo's lesson ids
 * and a lesson's next: against cat), prints its problems to out and
 * counts them in n. play: a file without problems is then played
 * (lint --play), one line per goal or check. */
void lint_file(const char *path, const lesson_catalog *cat, bool play,
               FILE *out, lint_counts *n);

/* The shipped lessons; files with problems are named on stderr. 0, or
 * EXIT_FAIL after printing why there are none. */
int cli_catalog(lesson_catalog *cat);

/* The progress store's path and contents; a damaged file's problems go
 * to stderr as warnings. 0, or EXIT_FAIL after printing the error. */
int cli_progress(char *path, size_t cap, progress *p);

/* --record FILE.cast [--size WxH] [--force] of lesson and demo. */
typedef struct {
    tui_record rec;
    int cols, rows;      /* --size: a demo recorded headless; 0 */
} cli_recording;

enum { CLI_RECORD_OPTION = 1, CLI_SIZE_OPTION, CLI_FORCE_OPTION };

/* Takes option id (CLI_*_OPTION) with value v into r: 0, or EXIT_USAGE
 * after the error. */
int cli_recording_option(cli_recording *r, int id, const char *v);
/* The options together, before anything starts: the file's name and
 * place (cli_check_out), --size only with --record. 0 or EXIT_USAGE. */
int cli_recording_check(cli_recording *r);

/* Plays lesson l or demo script d in the TUI, or opens the lesson menu
 * of cat when both are NULL (cat: the shipped lessons, for the menu and
 * a demo's `lesson` commands; may be NULL with l), recorded as rec asks
 * (NULL: not). Lessons keep their progress in the store. Returns the
 * TUI's exit code. */
int cli_play(const lesson_catalog *cat, const lesson *l, const demo *d,
             const cli_recording *rec);

#endif
