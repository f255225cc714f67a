/* The options of DESIGN §3b, §3c and §3e as values: --weight-decay,
 * --dampening, --amsgrad, --schedule and --precision, parsed and
 * checked against the optimiser without printing. */
#ifndef DESCENT_METHOD_VALUES_H
#define DESCENT_METHOD_VALUES_H

#include <stddef.h>

#include "option.h"
#include "schedule.h"

struct run_options;

/* Applies option id (one of them) with value v; 1 when id is none of
 * them, else 0, or -1 with e filled. */
int method_options_set(struct run_options *o, int id, const char *v,
                       option_error *e);

/* What the optimiser cannot take of what was asked for: --amsgrad,
 * --dampening (not 0; nesterov needs 0, as in torch) and
 * --weight-decay (not 0) for an optimiser without them, a schedule for
 * one that takes none or beside --hypergrad. 0, or -1 with e filled. */
int method_options_check(const struct run_options *o, option_error *e);

/* none, step:N:G, exp:G, cosine:T[:MIN], warmup:N[:F]. */
int schedule_parse(const char *text, schedule *s, option_error *e);

#endif
