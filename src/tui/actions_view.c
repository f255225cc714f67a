/* Key actions on what is shown: objective, compare runs, view, export,
 * themes and overlays. */
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "model.h"
#include "panels.h"
#include "trace.h"

void act_objective_menu(app *a) { menu_open(a, MENU_OBJECTIVE); }

/* Opens a->prompt.context as the objective. 0, or -1 with e filled. */
static int switch_objective(app *a, objective_error *e)
{
    char was[sizeof a->s.spec], spec[sizeof a->prompt.context];
    snprintf(was, sizeof was, "%s", a->s.spec);
    snprintf(spec, sizeof spec, "%s", a->prompt.context);
    if (session_set_objective(&a->s, spec, e) < 0)
        return -1;
    session_set_running(&a->s, false);
    a->sc.valid = false;
    app_message(a, false, "objective %s: %s restarted at its start (was %s)",
                a->s.obj.name, a->s.nruns > 1 ? "the runs" : "the run", was);
    return 0;
}

static void objective_yes(app *a)
{
    objective_error e;
    if (switch_objective(a, &e) < 0)
        app_message(a, true, "%s", e.message);
}

/* Switches to spec; a model cannot be opened again from the screen (its
 * data and options came from the command line), so replacing one is
 * asked first. */
static void choose(app *a, const char *spec)
{
    if (!model_of(&a->s.obj)) {
        snprintf(a->prompt.context, sizeof a->prompt.context, "%s", spec);
        objective_yes(a);
        return;
    }
    char q[300];
    snprintf(q, sizeof q, "Replace the %s run by %.60s? The model cannot be "
             "opened again here.", a->s.obj.name, spec);
    prompt_ask(a, q, "objective kept", spec, objective_yes);
}

void act_choose_objective(app *a, const char *name) { choose(a, name); }

static int submit_expression(app *a, const char *text)
{
    objective_error err;
    objective check;
    if (objective_open(text, &check, &err) < 0) {
        prompt_error(a, err.column, err.message);
        return -1;
    }
    objective_free(&check);
    choose(a, text);
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
    run head = sr->r;
    if (!sr->limit)
        head.s.max_steps = head.step; /* no limit: the steps made */
    trace_writer *w = trace_open(path, fmt, true, &head, &meta, err, cap);
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

static void overwrite_yes(app *a) { export_to(a, a->prompt.context); }

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
        char q[300];
        snprintf(q, sizeof q, "%.200s exists; overwrite it?", text);
        prompt_ask(a, q, "not exported", text, overwrite_yes);
        return 0;
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

/* "sgd · lr 0.01 at step 40", for questions and messages. */
static void run_words(const run *r, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s · lr %.3g at step %ld", r->s.opt->name, r->lr,
             r->step);
}

static void compare_yes(app *a)
{
    int from = a->s.focus + 1, before = a->s.nruns;
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
    session_set_running(&a->s, false);
    app_message(a, false, "run %d added with run %d's settings; every run "
                "is back at the start: change its settings, then step",
                a->s.nruns, from);
}

void act_compare_add(app *a)
{
    if (a->s.nruns == SESSION_MAX_RUNS) {
        app_message(a, true, "at most %d runs at once", SESSION_MAX_RUNS);
        return;
    }
    /* The runs step together, so every one starts again: asked first
     * when that loses updates. */
    long made = 0;
    for (int i = 0; i < a->s.nruns; i++)
        if (a->s.runs[i].r.step > made)
            made = a->s.runs[i].r.step;
    if (!made) {
        compare_yes(a);
        return;
    }
    char q[200];
    snprintf(q, sizeof q, "Add a run? Every run starts again at the start "
             "(%ld updates made).", made);
    prompt_ask(a, q, "no run added", NULL, compare_yes);
}

static void remove_yes(app *a)
{
    char was[96];
    run_words(session_focused(&a->s), was, sizeof was);
    int i = a->s.focus + 1;
    session_remove_run(&a->s);
    app_message(a, false, "run %d removed (%s); %d left", i, was, a->s.nruns);
}

void act_compare_remove(app *a)
{
    if (a->s.nruns < 2) {
        app_message(a, true, "the only run cannot be removed");
        return;
    }
    char q[200], words[96];
    run_words(session_focused(&a->s), words, sizeof words);
    snprintf(q, sizeof q, "Remove run %d (%s)?", a->s.focus + 1, words);
    prompt_ask(a, q, "run kept", NULL, remove_yes);
}

void act_focus_next(app *a)
{
    session_focus(&a->s, (a->s.focus + 1) % a->s.nruns);
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

void act_view_fit(app *a)
{
    if (session_view_fit(&a->s) < 0)
        app_message(a, true, "nothing finite to fit the view to");
    else
        app_message(a, false, "view x∈[%.3g, %.3g] y∈[%.3g, %.3g]: the "
                    "paths (0 goes back)", a->s.view[0], a->s.view[1],
                    a->s.view[2], a->s.view[3]);
}

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

void act_eigen(app *a)
{
    theory_view *t = &a->s.theory;
    if (!t->on) {
        app_message(a, true, "eigen-directions: %s is not a quadratic (its "
                    "Hessian changes from point to point)", a->s.obj.name);
        return;
    }
    t->axes = !t->axes;
    session_changed(&a->s); /* the theory lines mention the key */
    app_message(a, false, "eigen-directions of H %s", t->axes ? "on" : "off");
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
