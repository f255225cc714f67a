/* Key actions on what is shown: objective, compare runs, view, export,
 * themes and overlays. */
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "panels.h"
#include "trace.h"

void act_objective_menu(app *a) { menu_open(a, MENU_OBJECTIVE); }

static void objective_switched(app *a)
{
    a->s.running = false;
    a->sc.valid = false;
    app_message(a, false, "objective %s", a->s.obj.name);
}

void act_choose_objective(app *a, const char *name)
{
    objective_error err;
    if (session_set_objective(&a->s, name, &err) < 0)
        app_message(a, true, "%s", err.message);
    else
        objective_switched(a);
}

static int submit_expression(app *a, const char *text)
{
    objective_error err;
    if (session_set_objective(&a->s, text, &err) < 0) {
        prompt_error(a, err.column, err.message);
        return -1;
    }
    objective_switched(a);
    return 0;
}

void act_expression_prompt(app *a)
{
    prompt_open(a, "f(x, y) =", "", submit_expression);
}

/* The focused run's trace from its history's rows (every update up to
 * HIST_ROWS, an even sample after that: hist.h), with a model's metric
 * columns. */
static int write_trace(app *a, const char *path, char *err, size_t cap)
{
    session_run *sr = &a->s.runs[a->s.focus];
    trace_format fmt;
    if (trace_format_from_path(path, &fmt) < 0) {
        snprintf(err, cap, "the path must end in .csv or .jsonl");
        return -1;
    }
    trace_meta meta = {.objective = a->s.spec, .start = a->s.start,
                       .params = sr->r.n,
                       .columns = trace_model_columns(&a->s.obj, &sr->r.s)};
    trace_writer *w = trace_open(path, fmt, true, &sr->r, &meta, err, cap);
    if (!w)
        return -1;
    hist_settle(&sr->h, &sr->r);
    for (size_t t = 0; t < sr->h.nrows; t++) {
        const trace_row *row = &sr->h.rows[t];
        if (trace_write_row(w, row, row->theta) < 0) {
            trace_abort(w);
            snprintf(err, cap, "could not write %s", path);
            return -1;
        }
    }
    return trace_close(w, &sr->r, err, cap);
}

static void export_to(app *a, const char *path)
{
    char err[256];
    const hist *h = &a->s.runs[a->s.focus].h;
    if (write_trace(a, path, err, sizeof err) < 0)
        app_message(a, true, "export: %s", err);
    else if (hist_thinned(h))
        app_message(a, false, "exported %zu rows (every %ld steps, and the "
                    "last) to %s", h->nrows, h->stride, path);
    else
        app_message(a, false, "exported %zu rows to %s", h->nrows, path);
}

static int submit_overwrite(app *a, const char *text)
{
    if (text[0] == 'y' || text[0] == 'Y')
        export_to(a, a->prompt.context);
    else
        app_message(a, false, "not exported");
    return 0;
}

static int submit_export(app *a, const char *text)
{
    char err[256];
    trace_format fmt;
    if (!*text || trace_format_from_path(text, &fmt) < 0) {
        prompt_error(a, 0, "a path ending in .csv or .jsonl");
        return -1;
    }
    if (trace_check_path(text, true, err, sizeof err) < 0) {
        prompt_error(a, 0, err);
        return -1;
    }
    if (trace_check_path(text, false, err, sizeof err) < 0) {
        char path[256];
        snprintf(path, sizeof path, "%s", text);
        char label[300];
        snprintf(label, sizeof label, "%s exists; overwrite? (y/n)", path);
        prompt_open(a, label, "", submit_overwrite);
        snprintf(a->prompt.context, sizeof a->prompt.context, "%s", path);
        return -1;
    }
    export_to(a, text);
    return 0;
}

void act_export(app *a)
{
    /* The history keeps θ's first two parameters per row; a model's
     * trace with all of them comes from descent run --trace. */
    if (a->s.obj.dim > 2) {
        app_message(a, true, "export keeps 2 parameters a row; for %s use "
                    "descent run --model %s --trace FILE", a->s.obj.name,
                    a->s.obj.name);
        return;
    }
    prompt_open(a, "export trace to", "descent-trace.csv", submit_export);
}

void act_compare_add(app *a)
{
    int before = a->s.nruns;
    core_error rc = session_add_run(&a->s);
    if (rc == CORE_ERANGE) {
        app_message(a, true, "at most %d runs at once", SESSION_MAX_RUNS);
        return;
    }
    if (rc != CORE_OK) {
        app_message(a, true, "%s: %s", a->s.nruns > before
                    ? "a run could not restart" : "no run added",
                    core_error_message(rc));
        return;
    }
    a->s.running = false;
    app_message(a, false, "run %d added (all restarted): change its "
                          "settings, then step", a->s.nruns);
}

void act_compare_remove(app *a)
{
    if (session_remove_run(&a->s) < 0)
        app_message(a, true, "the only run cannot be removed");
}

void act_focus_next(app *a)
{
    a->s.focus = (a->s.focus + 1) % a->s.nruns;
}

static void zoom(app *a, double factor)
{
    double cx, cy;
    panel_surface_centre(a, &cx, &cy);
    session_zoom(&a->s, factor, cx, cy);
}

void act_zoom_in(app *a) { zoom(a, 0.8); }
void act_zoom_out(app *a) { zoom(a, 1.25); }
void act_pan_left(app *a) { session_pan(&a->s, -0.1, 0.0); }
void act_pan_right(app *a) { session_pan(&a->s, 0.1, 0.0); }
void act_pan_up(app *a) { session_pan(&a->s, 0.0, 0.1); }
void act_pan_down(app *a) { session_pan(&a->s, 0.0, -0.1); }
void act_view_reset(app *a) { session_view_reset(&a->s); }

/* The slice's title as the message: which slice is shown now. */
static void slice_message(app *a)
{
    char title[160];
    slice_view_title(&a->s.slice, false, title, sizeof title);
    app_message(a, false, "%s", title);
}

static bool sliced(app *a)
{
    if (session_sliced(&a->s))
        return true;
    app_message(a, true, "slices are for models of more than 2 parameters "
                         "(descent tui --model mlp)");
    return false;
}

void act_slice_kind(app *a)
{
    if (!sliced(a))
        return;
    slice_kind next = a->s.slice_want == SLICE_PCA ? SLICE_RANDOM : SLICE_PCA;
    if (session_slice_kind(&a->s, next) == 0) {
        slice_message(a);
        return;
    }
    /* Too short a path: PCA comes once it spans a plane. */
    a->s.slice_want = SLICE_PCA;
    app_message(a, false, "PCA of the path once it spans a plane: step "
                          "(n, Space)");
}

void act_slice_seed(app *a)
{
    if (!sliced(a))
        return;
    if (session_slice_reseed(&a->s) < 0)
        app_message(a, true, "out of memory");
    else
        slice_message(a);
}

void act_tab(app *a)
{
    a->tab = a->tab == TAB_STEP ? TAB_CHARTS : TAB_STEP;
    app_layout(a);
}

void act_theme(app *a)
{
    app_set_theme(a, (a->theme + 1) % THEME_COUNT);
    app_message(a, false, "theme %s", a->ui.th->name);
}

void act_presenter(app *a)
{
    a->presenter = !a->presenter;
    app_layout(a);
}

void act_lesson(app *a)
{
    app_message(a, false, "no lesson is open (PgUp/PgDn move between "
                          "lesson steps)");
}

void act_help(app *a)
{
    a->ov = OVERLAY_HELP;
    a->help_scroll = 0;
}

void act_redraw(app *a)
{
    (void)a;
    clearok(curscr, TRUE);
}

void act_quit(app *a) { a->quit = true; }
