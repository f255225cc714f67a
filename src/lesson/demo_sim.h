/* Inside lint --play of demo scripts: the session a script drives, as
 * the screen keeps it (up to four runs side by side, one focused), the
 * script's place in its lesson, and what each check judges. */
#ifndef DESCENT_DEMO_SIM_H
#define DESCENT_DEMO_SIM_H

#include "lesson_play.h"

enum { DEMO_SIM_RUNS = 4 };

typedef struct {
    run r;
    long granted;           /* its steps as given: a pause extends by it */
    goal_track *t;          /* one per check of the script */
} sim_run;

typedef struct {
    const demo_command *cmd;
    const lesson *l;        /* the lesson current at the check */
    long ref;               /* its beat's reference */
} sim_check;

typedef struct {
    const demo *d;
    lesson_budget *budget;
    const lesson *l;        /* the lesson being shown; NULL */
    size_t step;
    bool solved;            /* the step was skipped: solution on */
    bool presenter;         /* ← → move between steps */
    run_options cur;        /* the settings the session was given */
    objective obj;
    bool open;
    double *start;
    sim_run runs[DEMO_SIM_RUNS];
    int nruns, focus;
    sim_check *checks;
    size_t n_checks;
    int lost_line;          /* where the script left what can be played */
    char lost[200];
} demo_sim;

int sim_init(demo_sim *s, const demo *d, demo_find_lesson find, void *ctx,
             lesson_budget *budget);
void sim_free(demo_sim *s);

/* From here on checks cannot be judged: fmt (one %s: what) says why. */
void sim_lose(demo_sim *s, int line, const char *fmt, const char *what);

/* The session's runs, as session.c keeps them. */
void sim_open(demo_sim *s, objective *obj, int line);
void sim_open_step(demo_sim *s, int line);
void sim_restart(demo_sim *s, sim_run *sr);
int sim_add_run(demo_sim *s);
void sim_remove_run(demo_sim *s);
bool sim_step(demo_sim *s);

/* Carries out a command other than check (demo_sim_cmd.c). */
void sim_command(demo_sim *s, const demo_command *c, demo_find_lesson find,
                 void *ctx);

#endif
