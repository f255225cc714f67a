/* The learner's progress: which steps of which lessons are done, kept in
 * $XDG_STATE_HOME/descent/progress (default ~/.local/state/descent/
 * progress). The format (docs/lessons.md) is a first line
 * "# descent progress 1", then one line a lesson: its id and the ids of
 * its steps done, separated by spaces. Reading tolerates a damaged file:
 * each bad line is reported and skipped, the others kept. Writing is
 * atomic (atomic_file.h). */
#ifndef DESCENT_PROGRESS_H
#define DESCENT_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "lesson.h"

typedef struct {
    char *lesson;
    char **steps;
    size_t n_steps;
} progress_entry;

typedef struct {
    progress_entry *e;
    size_t n;
} progress;

/* The file's path into buf: $XDG_STATE_HOME when it is set and absolute
 * (the XDG rule), else $HOME/.local/state. 0, or -1 when neither. */
int progress_path(char *buf, size_t cap);

/* Reads path into p (empty when the file does not exist). Damaged lines
 * go to d and are skipped. 0, or -1 (d says why) when the file exists
 * but cannot be read: then p is empty and must not be saved over it. */
int progress_load(const char *path, progress *p, diag_list *d);

/* Writes p to path atomically, creating the directories. 0, or -1 with
 * the reason in err. */
int progress_save(const char *path, const progress *p, char *err, size_t cap);

void progress_free(progress *p);

/* The entry of lesson id, or NULL. */
const progress_entry *progress_find(const progress *p, const char *id);
/* Marks step done in lesson. 0, or -1 out of memory. */
int progress_mark(progress *p, const char *lesson, const char *step);
/* Forgets lesson (NULL: every lesson); whether anything was there. */
bool progress_reset(progress *p, const char *lesson);
/* How many steps of l are done. */
size_t progress_count(const progress *p, const lesson *l);

#endif
