/* O_TMPFILE is Linux's. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"

static const char prefix[] = ".descent-";

static int fail(atomic_file *a, const char *path, char *err, size_t errcap)
{
    snprintf(err, errcap, "%s: %s", path, strerror(errno));
    atomic_abort(a);
    return -1;
}

/* The directory part of path, allocated: "." for a bare name. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, path, n);
        d[n] = '\0';
    }
    return d;
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
    char *dir = dir_of(path);
    int rc = -1;
    if (!dir)
        snprintf(err, errcap, "%s: %s", path, strerror(ENOMEM));
    else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        snprintf(err, errcap, "%s: directory %s does not exist", path, dir);
    else if (access(dir, W_OK | X_OK) != 0)
        snprintf(err, errcap, "%s: directory %s is not writable", path, dir);
    else
        rc = 0;
    free(dir);
    return rc;
}

/* The host part of the names, a hash of the host name (gethostid may
 * ask DNS): processes of other hosts sharing the directory (a network
 * mount) are never judged gone. */
static unsigned long host_id(void)
{
    char name[256] = "";
    gethostname(name, sizeof name - 1);
    uint32_t h = 2166136261u;
    for (const char *c = name; *c; c++)
        h = (h ^ (unsigned char)*c) * 16777619u;
    return h;
}

bool atomic_is_temporary(const char *name)
{
    unsigned long host;
    long pid;
    int end = 0;
    size_t n = strlen(name);
    return strncmp(name, prefix, sizeof prefix - 1) == 0 &&
           sscanf(name + sizeof prefix - 1, "%8lx-%ld.%n", &host, &pid,
                  &end) == 2 && end > 0 &&
           n == sizeof prefix - 1 + (size_t)end + 6;
}

/* Removes the temporary files in dir left by processes of this host
 * that are gone (killed before they could clean up). */
static void sweep(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    unsigned long me = host_id();
    for (struct dirent *e; (e = readdir(d));) {
        unsigned long host;
        long pid;
        if (!atomic_is_temporary(e->d_name) ||
            sscanf(e->d_name + sizeof prefix - 1, "%8lx-%ld", &host, &pid) != 2)
            continue;
        if (host == me && pid > 0 && pid != (long)getpid() &&
            kill((pid_t)pid, 0) < 0 && errno == ESRCH)
            unlinkat(dirfd(d), e->d_name, 0);
    }
    closedir(d);
}

/* A new temporary name in dir: ".descent-HOST-PID.XXXXXX". */
static char *temp_name(const char *dir)
{
    size_t n = strlen(dir) + sizeof prefix + 48;
    char *t = malloc(n);
    if (t)
        snprintf(t, n, "%s/%s%08lx-%ld.XXXXXX", dir, prefix, host_id(),
                 (long)getpid());
    return t;
}

/* An unnamed file in dir, or -1 where there is none to be had (an old
 * kernel, a filesystem without O_TMPFILE, no /proc to name it by, or
 * DESCENT_NO_TMPFILE set: the tests' way to the other path). */
static int open_unnamed(const char *dir)
{
#ifdef O_TMPFILE
    if (access("/proc/self/fd", X_OK) == 0 && !getenv("DESCENT_NO_TMPFILE"))
        return open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
#else
    (void)dir;
#endif
    return -1;
}

int atomic_open(atomic_file *a, const char *path, bool force, char *err,
                size_t errcap)
{
    *a = (atomic_file){.force = force};
    if (strcmp(path, "-") == 0) {
        a->f = stdout;
        return 0;
    }
    char *dir = dir_of(path);
    a->path = strdup(path);
    if (!dir || !a->path) {
        free(dir);
        errno = ENOMEM;
        return fail(a, path, err, errcap);
    }
    sweep(dir);
    int fd = open_unnamed(dir);
    a->unnamed = fd >= 0;
    if (fd < 0) {
        a->tmp = temp_name(dir);
        fd = a->tmp ? mkstemp(a->tmp) : (errno = ENOMEM, -1);
        if (fd < 0) {
            free(a->tmp);
            a->tmp = NULL;
        } else {
            /* mkstemp makes 0600; the file gets what the umask allows. */
            mode_t mask = umask(0);
            umask(mask);
            fchmod(fd, 0666 & ~mask);
        }
    }
    free(dir);
    if (fd < 0)
        return fail(a, path, err, errcap);
    a->f = fdopen(fd, "w");
    if (!a->f) {
        close(fd);
        return fail(a, path, err, errcap);
    }
    return 0;
}

/* Puts the named temporary file at its path unless something is there
 * already. link() does that atomically; where the filesystem has no
 * hard links (vfat, some network mounts) a check just before rename()
 * is the best left. */
static int place_named(const atomic_file *a)
{
    if (a->force)
        return rename(a->tmp, a->path);
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

/* Gives the unnamed file fd its path: linkat fails on an existing name,
 * which is what no force means; with force an existing file is replaced
 * by a link under a temporary name and rename(). */
static int place_unnamed(atomic_file *a, int fd)
{
    char self[64];
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    if (linkat(AT_FDCWD, self, AT_FDCWD, a->path, AT_SYMLINK_FOLLOW) == 0)
        return 0;
    if (errno != EEXIST || !a->force)
        return -1;
    char *dir = dir_of(a->path);
    a->tmp = dir ? temp_name(dir) : NULL;
    free(dir);
    if (!a->tmp) {
        errno = ENOMEM;
        return -1;
    }
    /* mkstemp's letters, without the file it would make. */
    size_t n = strlen(a->tmp);
    uint64_t r = (uint64_t)(uintptr_t)a ^ ((uint64_t)getpid() << 20);
    for (int tries = 0; tries < 64; tries++) {
        for (size_t i = n - 6; i < n; i++, r = r * 6364136223846793005ULL + 1)
            a->tmp[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[(r >> 33) % 36];
        if (linkat(AT_FDCWD, self, AT_FDCWD, a->tmp, AT_SYMLINK_FOLLOW) == 0)
            return rename(a->tmp, a->path);
        if (errno != EEXIST)
            break;
    }
    free(a->tmp);
    a->tmp = NULL;
    return -1;
}

/* The new name survives a crash once the directory is on disk too. */
static void sync_dir(const char *path)
{
    char *dir = dir_of(path);
    int fd = dir ? open(dir, O_RDONLY | O_CLOEXEC) : -1;
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
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
    if (rc == 0 && a->unnamed)
        rc = place_unnamed(a, fileno(a->f));
    /* Flushed and synced: closing has nothing left to fail on. */
    int saved = errno;
    fclose(a->f);
    errno = saved;
    a->f = NULL;
    if (rc == 0 && !a->unnamed)
        rc = place_named(a);
    if (rc != 0)
        return fail(a, a->path, err, errcap);
    sync_dir(a->path);
    /* After link() or a failed rename the temporary name is still there. */
    if (a->tmp && !a->force)
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
