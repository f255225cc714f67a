/* A lesson step's view (view: in its settings, screen_spec.h) on the
 * screen: the h sweep in the surface's place, a model's slice as asked,
 * or the HPO view (its own mode: the lesson panel beside the searches).
 * The goal is judged once the view is up: a search's facts need it. */
#include <stdio.h>

#include "app.h"
#include "model.h"
#include "play.h"
#include "screen_spec.h"

void play_view_free(app *a)
{
    play *pl = play_of(a);
    if (pl->has_hpo)
        hpo_view_free(&pl->hpo);
    pl->has_hpo = false;
    if (a->hpo == &pl->hpo)
        a->hpo = NULL;
}

/* The step's searches (a second or so for a learning rate: each
 * evaluation trains the model). 0, or -1 with a message. */
static int build_hpo(app *a, const screen_spec *spec)
{
    play *pl = play_of(a);
    hpo_setup s;
    option_error e;
    char err[160];
    if (hpo_setup_open(&s, &spec->hpo, &a->s.obj, pl->cur.seed, &e) < 0) {
        app_message(a, true, "view: %s", e.message);
        return -1;
    }
    int rc = hpo_view_build(&pl->hpo, &s, model_of(&a->s.obj),
                            pl->cur.model.spec.data, err, sizeof err);
    hpo_setup_free(&s);
    if (rc < 0) {
        app_message(a, true, "view: %s", err);
        return -1;
    }
    pl->hpo.speed = 3; /* 10 evaluations a second, as descent hpo --tui */
    pl->has_hpo = true;
    a->hpo = &pl->hpo;
    return 0;
}

static void show_slice(app *a, const screen_spec *spec)
{
    session *s = &a->s;
    if (!session_sliced(s))
        return;
    s->slice.seed = spec->seed;
    /* PCA waits for a path that spans a plane (as d does). */
    if (session_slice_kind(s, spec->pca ? SLICE_PCA : SLICE_RANDOM) < 0 &&
        spec->pca)
        s->slice_want = SLICE_PCA;
    a->sc.valid = false;
}

void play_show_view(app *a)
{
    play *pl = play_of(a);
    screen_spec spec;
    screen_spec_of(&pl->cur, &spec);
    play_view_free(a);
    a->hsweep_on = spec.kind == SCREEN_HSWEEP;
    if (spec.kind == SCREEN_SLICE)
        show_slice(a, &spec);
    /* A demo shows the surface of an HPO step: its script runs runs. */
    bool hpo = spec.kind == SCREEN_HPO && a->mode != &mode_demo &&
               build_hpo(a, &spec) == 0;
    if (a->mode != &mode_demo)
        a->mode = hpo ? &mode_lesson_hpo : &mode_lesson;
    a->keys = a->mode->keys(a, &a->nkeys);
    app_layout(a);
    lesson_updated(a);
}
