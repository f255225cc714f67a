/* Files written whole or not at all: the text goes to a temporary file
 * in the target's directory, which is given the target's name only when
 * everything was written. A reader never sees half a file, and a failure
 * leaves what was there.
 *
 * The temporary file has no name where the filesystem allows it
 * (O_TMPFILE, then linkat through /proc/self/fd): a process killed with
 * SIGKILL leaves nothing behind. Elsewhere it is named
 * ".descent-HOST-PID.XXXXXX" (a fixed length, so a target of 255 bytes
 * still has room), and each atomic_open removes such files of its host
 * whose process is gone. */
#ifndef DESCENT_ATOMIC_FILE_H
#define DESCENT_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    FILE *f;         /* write here */
    char *path;      /* the target; NULL for standard output ("-") */
    char *tmp;       /* the named temporary file, while there is one */
    bool force;
    bool unnamed;    /* f is an O_TMPFILE file */
} atomic_file;

/* Checks that path can be written (or is "-", standard output) without
 * replacing an existing file unless force: not a directory, in an
 * existing directory that can be written. Nothing is created. Returns
 * 0, or -1 with "PATH: why" in err. */
int atomic_check(const char *path, bool force, char *err, size_t errcap);

/* Checks that path can be written (or is "-", standard output) without
 * replacing an existing file unless force: not a directory, in an
 * existing directory that can be written. Nothing is created. Returns
 * 0, or -1 with "PATH: why" in err. */
int atomic_check(const char *path, bool force, char *err, size_t errcap);

/* Opens a temporary file beside path (permissions as the umask allows),
 * or standard output for "-". Returns 0, or -1 with "PATH: why" in err. */
int atomic_open(atomic_file *a, const char *path, bool force, char *err,
                size_t errcap);

/* Flushes and syncs the file and gives it its path: without force so
 * that it never replaces a file that appeared since it was checked
 * (linkat or link(), which fail on an existing name; on filesystems
 * without hard links, a last check and rename()); with force by
 * rename(). Returns 0, or -1 with "PATH: why" in err; the temporary file
 * is gone either way. */
int atomic_commit(atomic_file *a, char *err, size_t errcap);

/* Abandons the file: the temporary one is removed. */
void atomic_abort(atomic_file *a);

/* Whether name (a directory entry) is one of the temporary files'. */
bool atomic_is_temporary(const char *name);

#endif
