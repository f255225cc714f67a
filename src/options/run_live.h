/* Settings changed while a run goes on: the TUI's prompts and keys and a
 * lesson's live `set` take the command line's grammar (run_options_set:
 * the same parsers, messages and defaults) and apply it to the run with
 * its state kept (run_set_settings). */
#ifndef DESCENT_RUN_LIVE_H
#define DESCENT_RUN_LIVE_H

#include <stddef.h>

#include "run_values.h"

/* Whether option id is a setting of a run in progress (--optimizer to
 * --tol): the others (objective, model, start, output) start another. */
bool run_live_option(int id);

/* Parses text as option id's value and applies it to r. A hypergradient
 * mode without its β takes the optimiser's default, as on the command
 * line; everything else not named keeps its value (the α that
 * hypergradients reached included). 0, or -1 with e filled ("--clip",
 * the parser's or the run's message) and r unchanged. */
int run_live_set(run *r, int id, const char *text, option_error *e);

/* The settings that apply to r, as option ids in the order of the
 * option table: α, the parameters its optimiser reads (its type's
 * params), the gradient method (and h for differences), clipping,
 * hypergradients (and their β and clamp when on) or a schedule, as its
 * type takes them, steps and tol. Returns how many (at most max). */
size_t run_live_settings(const run *r, int *ids, size_t max);

/* Settings written as on the command line, several at once: "--schedule
 * cosine:300 --hypergrad off", also without the dashes, with NAME:VALUE
 * or NAME=VALUE, and a flag followed by on or off ("amsgrad off"). Each
 * is applied by run_live_set in turn; the first refusal stops there (the
 * ones before it stay) and is returned, -1 with e filled. When id is not
 * NULL the first option that starts another run (--precision, an
 * objective) is not refused but its id and value returned there (*id 0:
 * none), for the caller to apply. */
int run_live_set_text(run *r, const char *text, int *id, char *value,
                      size_t cap, option_error *e);

/* r's value of option id as that option is written, for a prompt to
 * start from ("central:1e-07", "norm:5", "add:0.001", "0.05" for the α
 * in effect, or a schedule's base; "cosine:300:0", "on" for amsgrad,
 * the optimiser's numbers as in effect): reading it back changes
 * nothing. "" for the options that are no setting of a run. */
void run_live_text(const run *r, int id, char *buf, size_t cap);

/* A run's refusal of settings s (an error of run_set_settings or
 * run_init) as option id's error. Returns -1. */
int run_live_fail(option_error *e, int id, core_error rc,
                  const objective *obj, const run_settings *s);

#endif
