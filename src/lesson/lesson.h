/* Lessons (DESIGN §7; the format is documented in docs/lessons.md): a
 * header (format, id, title, minutes, next) and steps, each with its
 * text, the run settings it sets, the settings it locks, a goal or a
 * quiz (or a goal and a prediction), hints, a solution and checks; a
 * recap at the end. Parsing is strict and collects every problem of a file
 * with its line and column, for `descent lint`. Nothing here prints. */
#ifndef DESCENT_LESSON_H
#define DESCENT_LESSON_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "goal.h"
#include "pool.h"
#include "run_values.h"

/* Option ids (run_values.h, model_values.h) are below this. */
enum { LESSON_SLOTS = 128 };

typedef enum { QUIZ_NONE, QUIZ_NUMBER, QUIZ_CHOICE } lesson_quiz_kind;

/* theory: whether the step panel shows the theory lines on a quadratic:
 * never (the default), always, or once the step is done (a step with
 * nothing to answer: at once). */
typedef enum { STEP_THEORY_HIDE, STEP_THEORY_SHOW, STEP_THEORY_AFTER }
    lesson_theory;

typedef struct {
    lesson_quiz_kind kind;
    bool predict;           /* predict: asked before the run, revealed
                               after it */
    const char *ask;
    const char **options;   /* QUIZ_CHOICE: n_options texts */
    const char **option_explain; /* n_options: NULL where none */
    size_t n_options;
    size_t answer;          /* QUIZ_CHOICE: 1-based */
    double value, tol;      /* QUIZ_NUMBER: right when |a - value| ≤ tol */
    bool percent;           /* the answer is written as a percentage */
    const char *explain;    /* of the answer; NULL none */
    int line;
} lesson_quiz;

/* A setting as written: "lr: 0.5" at line, the value at column. */
typedef struct {
    int id;                 /* an option id of run_option_table */
    const char *value;      /* NULL for a flag */
    int line, column;
} lesson_setting;

/* check: SETTINGS | OUTCOME, a fact lint --play verifies: the step's
 * settings with n_set more applied, run, meet outcome. */
typedef struct {
    lesson_setting *set;
    size_t n_set;
    lesson_goal outcome;
    int line;
} lesson_check;

typedef struct {
    const char *id;
    int line;               /* of its "@step" */
    const char *text;       /* NULL when the step has none */
    /* The settings in force: the previous step's (the defaults for the
     * first), then this step's own, as written. Not opened: see
     * lesson_step_open. */
    run_options run;
    /* Where each setting in force was written (0: a default). */
    int set_line[LESSON_SLOTS], set_column[LESSON_SLOTS];
    lesson_setting *own;    /* the settings this step writes */
    size_t n_own;
    bool locked[LESSON_SLOTS];
    lesson_goal goal;
    const char **hints;
    size_t n_hints;
    lesson_setting *solution; /* applied on skip, in order */
    size_t n_solution;
    lesson_quiz quiz;       /* a quiz, or a predict beside the goal */
    lesson_check *checks;
    size_t n_checks;
    /* Inherited like the settings; where it was written (0: the
     * default). */
    lesson_theory theory;
    int theory_line;
} lesson_step;

typedef struct {
    const char *path;       /* as given; NULL when parsed from memory */
    int format;             /* 1 or 2 */
    const char *id, *title;
    long minutes;
    const char *next;       /* next: the lesson after it; NULL: by order */
    int next_line, next_column;
    const char *recap;      /* recap: the summary at the end; NULL none */
    lesson_step *steps;
    size_t n_steps;
    pool strings;
} lesson;

/* Parses a lesson. path (may be NULL) is where relative data and init
 * files are found and is not read. Returns 0, or -1 when d received
 * problems (the lesson is then partial and not for playing). Free l
 * either way. */
int lesson_parse(const char *text, size_t len, const char *path, lesson *l,
                 diag_list *d);
/* Reads and parses path. */
int lesson_load(const char *path, lesson *l, diag_list *d);
void lesson_free(lesson *l);

/* The index of the step with this id, or -1. */
long lesson_find_step(const lesson *l, const char *id);
/* The tail of an "unknown step" message: the nearest step id of l to id
 * (diag_suggest, nothing otherwise). */
const char *lesson_step_suggest(const lesson *l, const char *id, char *buf,
                                size_t cap);

/* The lesson-settable option called name (len bytes): every run option
 * but those for output (trace, trace-params, force, quiet); NULL. */
const option_entry *lesson_option(const char *name, size_t len);
/* Their names, NULL-terminated, for suggestions. */
const char *const *lesson_option_names(void);

/* Applies a setting to o as a step does: objective and model replace
 * each other. The value must outlive o. 0, or -1 with e filled. */
int lesson_apply(run_options *o, const lesson_setting *s, option_error *e);
/* After applying the n settings s of a step: a new objective or model
 * forgets the start and view meant for the old one, unless s sets them
 * too. */
void lesson_settle(run_options *o, const lesson_setting *s, size_t n);

/* base with the n settings s applied in order, then settled. */
int lesson_settings_with(const run_options *base, const lesson_setting *s,
                         size_t n, run_options *out, option_error *e);

/* The step's settings with its solution applied when solved. */
int lesson_step_settings(const lesson_step *st, bool solved, run_options *out,
                         option_error *e);

/* The settings of check c of step st (its own on the step's). */
int lesson_check_settings(const lesson_step *st, const lesson_check *c,
                          run_options *out, option_error *e);

/* The settings after setting id to value (as a lesson writes it) on top
 * of cur, with the update's settings as run r has them now (keys may
 * have changed them; granted: its steps as given), opened into obj. 0,
 * or -1 with e filled. */
int lesson_settings_now(const run_options *cur, const run *r, long granted,
                        int id, const char *value, run_options *out,
                        objective *obj, option_error *e);

/* Gives run r the update's settings n between updates (as a change of
 * option id, run_live_option), keeping its state; the limit never falls
 * below the updates done. 0, or -1 with e filled and r unchanged. */
int lesson_run_retune(run *r, int id, const run_settings *n,
                      const objective *obj, option_error *e);

/* Whether the step has a goal. */
bool lesson_has_goal(const lesson_step *st);

/* Opens the objective of step st (with its solution when solved) and its
 * settings and start: as run_options_open. */
int lesson_step_open(const lesson_step *st, bool solved, run_options *out,
                     objective *obj, option_error *e);

#endif
