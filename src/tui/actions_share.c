/* Keys that take what the screen shows elsewhere (issue 12): the command
 * line that rebuilds its runs (shown, and put on the clipboard by OSC
 * 52), a figure of the view as `descent plot` draws one, and the focused
 * run as a PyTorch script. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "atomic_file.h"
#include "export_python.h"
#include "plot.h"
#include "run_command.h"
#include "term.h"

void act_command(app *a)
{
    char why[256];
    if (run_command(&a->s, a->model_argv, a->text, sizeof a->text, why,
                    sizeof why) < 0) {
        app_message(a, true, "command: %s", why);
        return;
    }
    snprintf(a->text_title, sizeof a->text_title,
             "the command that makes these runs again");
    snprintf(a->text_note, sizeof a->text_note, "%s · any key closes",
             term_clipboard(a->text) == 0
                 ? "sent to the clipboard (OSC 52, if the terminal allows)"
                 : "no terminal clipboard here: copy it from the screen");
    a->ov = OVERLAY_TEXT;
}

/* Writes through write_fn into path, whole or not at all; the message
 * says how it went. */
static void write_file(app *a, const char *path, bool force,
                       int (*write_fn)(app *a, FILE *f, char *err, size_t cap),
                       const char *what)
{
    atomic_file f;
    char err[512];
    if (atomic_open(&f, path, force, err, sizeof err) < 0) {
        app_message(a, true, "%s", err);
        return;
    }
    if (write_fn(a, f.f, err, sizeof err) < 0) {
        atomic_abort(&f);
        app_message(a, true, "%s: %s", path, err);
        return;
    }
    if (atomic_commit(&f, err, sizeof err) < 0)
        app_message(a, true, "%s", err);
    else
        app_message(a, false, "%s written to %s", what, path);
}

/* The screen as text: a frame without the prompt, read back. */
static int screen_text(app *a, FILE *f, char *err, size_t cap)
{
    (void)err, (void)cap;
    app_render(a);
    tui_screen_text(f, a->rows, a->cols);
    return 0;
}

/* Run i's history as a figure's path: its rows (θ's first two numbers),
 * or on a slice the whole θ where the history keeps it, with the row of
 * that update. */
static int figure_path(app *a, int i, plot_path *p)
{
    session_run *sr = &a->s.runs[i];
    hist *h = &sr->h;
    char label[160];
    plot_run_label(&sr->r.s, label, sizeof label);
    hist_settle(h, &sr->r);
    bool sliced = session_sliced(&a->s);
    if (plot_path_init(p, sliced ? a->s.obj.dim : 2, label) < 0)
        return -1;
    size_t n = sliced ? h->path.count : h->nrows;
    for (size_t k = 0; k < n; k++) {
        long step = sliced ? h->path.step[k] : h->rows[k].step;
        const hist_row *row = sliced ? hist_row_at(h, step) : &h->rows[k];
        const double *theta = sliced ? h->path.theta + k * h->path.n
                                     : row->theta;
        plot_path_add(p, (double)step, theta, row ? row->loss : NAN,
                      row ? row->lr : NAN, row ? row->grad_norm : NAN,
                      row ? row->val_loss : NAN);
    }
    plot_path_end(p);
    return 0;
}

static int figure(app *a, FILE *f, const canvas_ops *ops, char *err,
                  size_t cap)
{
    plot_path paths[SESSION_MAX_RUNS];
    int n = 0, rc = 0;
    while (n < a->s.nruns && rc == 0)
        if ((rc = figure_path(a, n, &paths[n])) == 0)
            n++;
    /* A slice is the figure's own (descent plot's: PCA of run 1's path,
     * or random with the screen's seed), in its own view. */
    plot_figure fig = {
        .obj = &a->s.obj, .has_view = !session_sliced(&a->s),
        .slice_want = a->s.slice_want, .slice_seed = a->s.slice.seed,
        .paths = paths, .n_paths = n, .panels = PLOT_ALL, .width = 1200,
        .height = 800, .th = a->ui.th->color ? a->ui.th : &themes[0]};
    memcpy(fig.view, a->s.view, sizeof fig.view);
    if (rc < 0)
        snprintf(err, cap, "out of memory");
    else
        rc = plot_draw(&fig, ops, f, err, cap);
    for (int i = 0; i < n; i++)
        plot_path_free(&paths[i]);
    return rc;
}

static int figure_svg(app *a, FILE *f, char *err, size_t cap)
{
    return figure(a, f, &canvas_svg, err, cap);
}

static int figure_png(app *a, FILE *f, char *err, size_t cap)
{
    return figure(a, f, &canvas_png, err, cap);
}

static const char *const figure_exts[] = {".svg", ".png", ".txt", NULL};

static void figure_to(app *a, const char *path, bool force)
{
    int (*const fns[])(app *, FILE *, char *, size_t) = {
        figure_svg, figure_png, screen_text};
    write_file(a, path, force, fns[prompt_file_ext(path, figure_exts)],
               "figure");
}

void act_figure(app *a)
{
    static const prompt_file_kind kind = {
        "figure of the view to (.svg, .png, .txt)", "descent-figure.svg",
        figure_exts, "no figure written", figure_to};
    prompt_file(a, &kind);
}

/* The focused run from the start for the updates it has made (with none
 * yet, its step limit or descent run's 1000). */
static void script_run(const app *a, run_settings *s, export_run *x,
                       char *cmd, size_t cap)
{
    const session_run *sr = &a->s.runs[a->s.focus];
    *s = sr->r.s;
    s->max_steps = sr->r.step ? sr->r.step : sr->limit ? sr->limit : 1000;
    char why[256];
    *x = (export_run){&a->s.obj, s, a->s.start,
                      a->s.obj.dim < 16 ? a->s.obj.dim : 16, 0, NULL, NULL};
    if (run_command_run(&a->s, a->s.focus, s->max_steps, a->model_argv, cmd,
                        cap, why, sizeof why) == 0)
        x->command = cmd;
}

static int script(app *a, FILE *f, char *err, size_t cap)
{
    run_settings s;
    export_run x;
    char cmd[2048];
    script_run(a, &s, &x, cmd, sizeof cmd);
    if (export_python(f, &x) < 0) {
        snprintf(err, cap, "out of memory");
        return -1;
    }
    return 0;
}

static void script_to(app *a, const char *path, bool force)
{
    write_file(a, path, force, script, "PyTorch script");
}

void act_export_python(app *a)
{
    static const char *const exts[] = {".py", NULL};
    static const prompt_file_kind kind = {
        "the focused run as a PyTorch script to", "descent-run.py", exts,
        "no script written", script_to};
    run_settings s;
    export_run x;
    char cmd[2048], err[256];
    script_run(a, &s, &x, cmd, sizeof cmd);
    if (export_python_check(&x, err, sizeof err) < 0) {
        app_message(a, true, "script: %s", err);
        return;
    }
    prompt_file(a, &kind);
}
