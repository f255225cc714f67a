/* Goals (DESIGN §7): what a step asks of its run, what a `check:` line
 * or a demo's `check` says of one. A goal is one or more parts joined by
 * "and", each possibly negated by "not":
 *   loss < V [within N steps]      val_loss < V [within N steps]
 *   val_acc > A [within N steps]   diverge [within N steps]
 *   alpha < A [within N steps]     reach X,Y tol D [within N steps]
 *   evals < E, gevals < E [within N steps] (function, gradient
 *   evaluations so far: a run's cost)
 * (any "within N steps" may be "at step N": judged at update N only)
 *   beat STEP (also: converge faster than STEP)
 *   NAME VALUE (a setting of the update in force: optimizer sgd)
 * and facts about the views a step opens (goal_views.c), judged on the
 * run as it stands like settings:
 *   h_error central|forward < V | > V | is nan   (at the run's h and θ)
 *   best_h central|forward < V | > V              (of the h sweep at θ)
 *   hpo_best METHOD, hpo_best_h METHOD, hpo_reach METHOD  < V | > V
 * Format 1 files have format 1's four goals only. Nothing here prints. */
#ifndef DESCENT_GOAL_H
#define DESCENT_GOAL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "pool.h"
#include "source.h"

/* A lesson's runs stay short: N of "within N steps", a lesson's `steps:`
 * and a demo's `run N` are at most this (lint --play runs them all). */
enum { LESSON_MAX_STEPS = 100000, GOAL_MAX_PARTS = 8 };

typedef enum {
    ATOM_LOSS,      /* loss < V */
    ATOM_VAL_LOSS,  /* val_loss < V */
    ATOM_VAL_ACC,   /* val_acc > A */
    ATOM_ALPHA,     /* alpha < A: the learning rate in effect */
    ATOM_EVALS,     /* evals < E: function evaluations so far */
    ATOM_GEVALS,    /* gevals < E: gradient evaluations so far */
    ATOM_DIVERGE,
    ATOM_REACH,     /* reach X,Y tol D */
    ATOM_BEAT,      /* reach STEP's goal in fewer updates than its run */
    ATOM_SETTING,   /* NAME VALUE holds for the settings in force */
    /* The views' facts (goal_views.c), judged now: */
    ATOM_H_ERROR,   /* the gradient check's error at the run's h */
    ATOM_BEST_H,    /* the h sweep's best h */
    ATOM_HPO_BEST,  /* a search's best validation loss */
    ATOM_HPO_BEST_H, /* its best hyperparameter */
    ATOM_HPO_REACH  /* the cost at which it came within 1% of the grid's */
} goal_atom_kind;

typedef struct {
    goal_atom_kind kind;
    bool negated;
    double value;           /* V, A, or D for reach */
    double point[2];        /* reach */
    /* The deadline in updates: as written, else the step's limit (its
     * steps setting) for lessons; 0 in a demo's check: judged now. */
    long within;
    bool within_written;
    bool at;                /* "at step N": judged at update N only */
    const char *step;       /* beat: the other step's id */
    size_t step_index;      /* and its index, once the lesson is read */
    int option;             /* setting: the option id */
    const char *setting;    /* setting: the value as written */
    int column, step_column;
    /* The views' facts: the method (HSWEEP_*, hpo_method) and the
     * comparison ('<', '>', or 'n': is nan). */
    int method;
    char op;
} goal_atom;

typedef struct {
    goal_atom a[GOAL_MAX_PARTS];
    size_t n;               /* 0: no goal */
    int line;
} lesson_goal;

/* Where a goal is read and what grammar applies. */
typedef struct {
    diag_list *d;
    const source_line *line;
    pool *strings;          /* owns the step ids and setting values */
    int format;             /* 1: format 1's goals only */
    const char *what;       /* "goal", "check": the messages' prefix */
} goal_syntax;

/* Parses text (a pointer into gs->line->text) into g, which is set only
 * when the whole text parses. 0, or -1 after reporting the first problem
 * at its column. */
int goal_parse(const goal_syntax *gs, const char *text, lesson_goal *g);

/* The settings a goal may name: those of the update (optimizer, lr, ...,
 * tol) but steps. */
bool goal_setting_ok(int option);

/* Whether some part of g is beat / judges validation metrics. */
bool goal_has(const lesson_goal *g, goal_atom_kind kind);
/* Whether a part is judged on the run as it stands (a setting, a view's
 * fact), not by a deadline. */
bool goal_atom_now(const goal_atom *a);
/* Whether g states facts about the HPO view's searches. */
bool goal_has_hpo(const lesson_goal *g);
/* The searches g's facts read (bit m: hpo_method m): a method's own, and
 * the grid's too for hpo_reach (it is judged against the grid's best). */
unsigned goal_hpo_methods(const lesson_goal *g);

/* The latest deadline of g's parts (0 when every part is judged now). */
long goal_deadline(const lesson_goal *g);

/* Gives each part without a written deadline the deadline limit. */
void goal_resolve(lesson_goal *g, long limit);

/* g as the learner reads it: "loss < 0.001 within 200 steps and not
 * optimizer sgd". Part i alone with goal_part_text. */
void goal_text(const lesson_goal *g, char *buf, size_t cap);
void goal_part_text(const goal_atom *a, char *buf, size_t cap);

#endif
