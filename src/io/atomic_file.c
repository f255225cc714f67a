#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"

static int fail(atomic_file *a, const char *path, char *err, size_t errcap)
{
    snprintf(err, errcap, "%s: %s", path, strerror(errno));
    atomic_abort(a);
    return -1;
}

int atomic_check(const char *path, bool force, char *err, size_t errcap)
{
    if (strcmp(path, "-") == 0)
        return 0;
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(err, errcap, "%s: is a directory", path);
            return -1;
        }
        if (!force) {
            snprintf(err, errcap, "%s: file exists (use --force to replace it)",
                     path);
            return -1;
        }
    }
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    const char *dir = dirname(buf);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errcap, "%s: directory %s does not exist", path, dir);
        return -1;
    }
    if (access(dir, W_OK | X_OK) != 0) {
        snprintf(err, errcap, "%s: directory %s is not writable", path, dir);
        return -1;
    }
    return 0;
}

int atomic_open(atomic_file *a, const char *path, bool force, char *err,
                size_t errcap)
{
    *a = (atomic_file){.force = force};
    if (strcmp(path, "-") == 0) {
        a->f = stdout;
        return 0;
    }
    size_t n = strlen(path) + 16;
    a->path = strdup(path);
    a->tmp = malloc(n);
    if (!a->path || !a->tmp) {
        errno = ENOMEM;
        return fail(a, path, err, errcap);
    }
    snprintf(a->tmp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(a->tmp);
    if (fd < 0) {
        free(a->tmp);
        a->tmp = NULL;
        return fail(a, path, err, errcap);
    }
    /* mkstemp makes 0600; the file gets what the umask allows. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    a->f = fdopen(fd, "w");
    if (!a->f) {
        close(fd);
        return fail(a, path, err, errcap);
    }
    return 0;
}

/* Puts the file at its path unless something is there already. link()
 * does that atomically; where the filesystem has no hard links (vfat,
 * some network mounts) a check just before rename() is the best left. */
static int place_new(const atomic_file *a)
{
    if (link(a->tmp, a->path) == 0)
        return 0;
    if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP &&
        errno != ENOSYS && errno != EMLINK)
        return -1;
    struct stat st;
    if (lstat(a->path, &st) == 0) {
        errno = EEXIST;
        return -1;
    }
    return rename(a->tmp, a->path);
}

int atomic_commit(atomic_file *a, char *err, size_t errcap)
{
    const char *name = a->path ? a->path : "standard output";
    if (fflush(a->f) != 0 || ferror(a->f))
        return fail(a, name, err, errcap);
    if (!a->path) {
        a->f = NULL;
        return 0;
    }
    int rc = fsync(fileno(a->f));
    if (fclose(a->f) != 0)
        rc = -1;
    a->f = NULL;
    if (rc == 0)
        rc = a->force ? rename(a->tmp, a->path) : place_new(a);
    if (rc != 0)
        return fail(a, a->path, err, errcap);
    if (!a->force)
        unlink(a->tmp);
    free(a->tmp);
    a->tmp = NULL;
    atomic_abort(a);
    return 0;
}

void atomic_abort(atomic_file *a)
{
    if (a->f && a->path)
        fclose(a->f);
    if (a->tmp)
        unlink(a->tmp);
    free(a->tmp);
    free(a->path);
    *a = (atomic_file){0};
}
