/* A lesson's `view:` when it names a view rather than a box of the
 * surface (docs/lessons.md, "Views"): the surface, the h sweep of the
 * gradient check, a model's slice (random directions or the PCA of the
 * path), or the HPO view with `descent hpo`'s options. The text is kept
 * in the step's settings (run_options.screen) and read here by whoever
 * shows it or states facts about it. Pure. */
#ifndef DESCENT_SCREEN_SPEC_H
#define DESCENT_SCREEN_SPEC_H

#include <stdbool.h>

#include "hpo_values.h"
#include "run_values.h"

typedef enum {
    SCREEN_SURFACE, SCREEN_HSWEEP, SCREEN_SLICE, SCREEN_HPO
} screen_kind;

typedef struct {
    screen_kind kind;
    bool pca;               /* slice: the path's principal directions */
    unsigned long seed;     /* slice: the random directions' seed */
    hpo_options hpo;        /* hpo */
} screen_spec;

/* A lesson's search stays short: lint --play runs it. */
enum { SCREEN_MAX_EVALS = 1001, SCREEN_MAX_TRAIN = 1000 };

/* Whether a view: value names a view (it starts with a letter) rather
 * than a box X0:X1,Y0:Y1. */
bool screen_named(const char *value);

/* Parses a named view: "surface", "h-sweep", "slice random [SEED]",
 * "slice pca", "hpo [OPTIONS]" (--over --method --grid --budget --range
 * --optimizer --steps, dashes optional). 0, or -1 with e filled (where
 * "--view"; e->column the column in text). */
int screen_spec_parse(const char *text, screen_spec *out, option_error *e);

/* The view of settings o: its screen, else the surface. */
void screen_spec_of(const run_options *o, screen_spec *out);

/* Whether the view can show objective obj (opened from the same
 * settings): the h sweep needs an exact gradient and at most 16
 * parameters, a slice a model of more than 2, the HPO view a model with
 * validation rows (ridge for λ). 0, or -1 with e filled. */
int screen_spec_check(const screen_spec *s, const objective *obj,
                      option_error *e);

/* The searches of settings o's HPO view on objective obj (opened from
 * o) that mask names (bit m: hpo_method m) and the view asks for, into
 * t (empty traces for the others; free them with hpo_trace_free). 0, or
 * -1 with e filled. */
int screen_hpo_search(const run_options *o, const objective *obj,
                      unsigned mask, hpo_trace t[HPO_METHOD_COUNT],
                      option_error *e);

#endif
