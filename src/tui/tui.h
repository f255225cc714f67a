/* The live terminal interface (issue 5): `descent` and `descent tui`. */
#ifndef DESCENT_TUI_H
#define DESCENT_TUI_H

#include <stdbool.h>

#include "hpo_view.h"
#include "run.h"

typedef struct {
    const char *objective;     /* built-in name or expression; NULL: rosenbrock */
    /* An objective already opened and checked (a model, from --model):
     * the TUI takes it over (zeroes it, frees it at the end) and ignores
     * objective. NULL: open objective. */
    objective *opened;
    run_settings settings;     /* from the command line; max_steps is
                                  the step limit (LONG_MAX: none) */
    /* The start: the objective's dimension in numbers (a model's θ0 may
     * have hundreds); NULL: the objective's own. Read before tui_main
     * draws anything. */
    const double *start;
    bool has_view;
    double view[4];
    bool single;               /* --precision single */
    /* --compare TEXT: a run beside the first, with these settings
     * (session_compare). */
    const char *compare[3];
    int ncompare;
} tui_options;

/* What `descent` with no arguments opens: rosenbrock with adam at lr
 * 0.05, which walks the whole banana valley to the minimum in about 900
 * updates (DESIGN's default lr 1e-3 would barely leave the start), with
 * no step limit. */
tui_options tui_options_default(void);

/* Runs the TUI until the user quits; returns the process exit code: 0,
 * 2 for bad usage (not a terminal, unknown TERM, bad objective), or
 * 128 + the signal that ended it. */
int tui_main(const tui_options *o);

/* The HPO view (`descent hpo --tui`): replays the searches in v (read,
 * not taken over). Returns an exit code as tui_main does. */
int tui_hpo_main(hpo_view *v);

struct replay;
/* descent replay: the trace in rp (read and checked; the caller frees
 * it after) over the objective obj (taken over, zeroed; NULL: the path
 * on plain axes, rp->surface_note saying why) in view (NULL: the
 * objective's, or the path's box). Returns an exit code as tui_main
 * does. */
int tui_replay_main(struct replay *rp, objective *obj, const double *view);

/* Sets the environment for a screen drawn without a terminal, cols ×
 * rows of xterm-256color (newterm on a file takes its size from there). */
void tui_headless(int cols, int rows);

/* The live screen of o's run once it has ended, cols × rows, drawn
 * headless (no terminal needed) and written to out as UTF-8 text, one
 * line a row without trailing blanks. Returns an exit code as tui_main
 * does. */
int tui_snapshot(const tui_options *o, int cols, int rows, FILE *out);

/* The TUI's benchmarks, each figure given to emit: frame_render_ms
 * (200×60), frame_bytes_running, first_frame_ms, and for the slices of
 * the seed's MLP and of softmax on digits their time, points, frames and
 * frame time, and the longest frame while a slice computed. quick: a
 * tenth of the frames. Returns an exit code. */
int tui_bench(bool quick,
              void (*emit)(const char *name, double value, const char *unit));
/* The live screen's memory over a long run at top speed, headless: RSS
 * at 10^4 .. 10^7 updates (quick: 10^5), updates a second. */
int tui_bench_memory(bool quick,
                     void (*emit)(const char *name, double value,
                                  const char *unit));

#endif
