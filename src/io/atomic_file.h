/* Files written whole or not at all: the text goes to a temporary file
 * beside the target, moved into place only when everything was written.
 * A reader never sees half a file, and a failure leaves what was there. */
#ifndef DESCENT_ATOMIC_FILE_H
#define DESCENT_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    FILE *f;         /* write here */
    char *path;      /* the target; NULL for standard output ("-") */
    char *tmp;       /* the temporary file, until commit or abort */
    bool force;
} atomic_file;

/* Checks that path can be written (or is "-", standard output) without
 * replacing an existing file unless force: not a directory, in an
 * existing directory that can be written. Nothing is created. Returns
 * 0, or -1 with "PATH: why" in err. */
int atomic_check(const char *path, bool force, char *err, size_t errcap);

/* Opens a temporary file beside path (permissions as the umask allows),
 * or standard output for "-". Returns 0, or -1 with "PATH: why" in err. */
int atomic_open(atomic_file *a, const char *path, bool force, char *err,
                size_t errcap);

/* Flushes and syncs the file and moves it to its path: without force by
 * link(), which never replaces a file that appeared since it was checked
 * (on filesystems without hard links, a last check and rename()); with
 * force by rename(). Returns 0, or -1 with "PATH: why" in err; the
 * temporary file is gone either way. */
int atomic_commit(atomic_file *a, char *err, size_t errcap);

/* Abandons the file: the temporary one is removed. */
void atomic_abort(atomic_file *a);

#endif
