/* Lessons (DESIGN §7; the format is documented in docs/lessons.md): a
 * header (format, id, title, minutes) and steps, each with its text, the
 * run settings it sets, the settings it locks, a goal or a quiz, hints
 * and a solution. Parsing is strict and collects every problem of a file
 * with its line and column, for `descent lint`. Nothing here prints. */
#ifndef DESCENT_LESSON_H
#define DESCENT_LESSON_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "pool.h"
#include "run_values.h"

/* Option ids (run_values.h, model_values.h) are below this. */
enum { LESSON_SLOTS = 128 };

typedef enum {
    GOAL_NONE,
    GOAL_LOSS,      /* loss < V within N steps */
    GOAL_DIVERGE,   /* diverge within N steps */
    GOAL_REACH,     /* reach X,Y tol D */
    GOAL_FASTER     /* converge faster than STEP */
} lesson_goal_kind;

typedef struct {
    lesson_goal_kind kind;
    double loss;            /* GOAL_LOSS: V */
    long within;            /* GOAL_LOSS, GOAL_DIVERGE: N */
    double point[2], tol;   /* GOAL_REACH */
    const char *than;       /* GOAL_FASTER: the other step's id */
    size_t than_step;       /* and its index */
    int line, than_column;  /* where the goal and STEP are written */
} lesson_goal;

typedef enum { QUIZ_NONE, QUIZ_NUMBER, QUIZ_CHOICE } lesson_quiz_kind;

typedef struct {
    lesson_quiz_kind kind;
    const char *ask;
    const char **options;   /* QUIZ_CHOICE: n_options texts */
    size_t n_options;
    size_t answer;          /* QUIZ_CHOICE: 1-based */
    double value, tol;      /* QUIZ_NUMBER: right when |a - value| ≤ tol */
    int line;
} lesson_quiz;

/* A setting as written: "lr: 0.5" at line, the value at column. */
typedef struct {
    int id;                 /* an option id of run_option_table */
    const char *value;      /* NULL for a flag */
    int line, column;
} lesson_setting;

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
    lesson_quiz quiz;
} lesson_step;

typedef struct {
    const char *path;       /* as given; NULL when parsed from memory */
    const char *id, *title;
    long minutes;
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

/* The step's settings with its solution applied when solved. */
int lesson_step_settings(const lesson_step *st, bool solved, run_options *out,
                         option_error *e);

/* Opens the objective of step st (with its solution when solved) and its
 * settings and start: as run_options_open. */
int lesson_step_open(const lesson_step *st, bool solved, run_options *out,
                     objective *obj, option_error *e);

#endif
