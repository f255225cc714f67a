/* atomic_file.h, both ways (unnamed O_TMPFILE files, and named ones
 * where DESCENT_NO_TMPFILE stands for a filesystem without them): the
 * target is the old file or the whole new one, long legal names work,
 * and what a killed process left is removed by the next write. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atomic_file.h"
#include "suites.h"

static char dir[] = "/tmp/descent-atomic-XXXXXX";

static const char *in_dir(const char *name)
{
    static char buf[512];
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

/* Entries of dir but . and ..; the names into names (NUL-separated). */
static int entries(char *names, size_t cap)
{
    DIR *d = opendir(dir);
    int n = 0;
    size_t at = 0;
    names[0] = '\0';
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        n++;
        at += (size_t)snprintf(names + at, at < cap ? cap - at : 0, "%s ",
                               e->d_name);
    }
    if (d)
        closedir(d);
    return n;
}

static void clear(void)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));)
        if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") != 0 &&
                                    strcmp(e->d_name, "..") != 0))
            unlink(in_dir(e->d_name));
    if (d)
        closedir(d);
}

static int put(const char *name, const char *text, bool force)
{
    atomic_file a;
    char err[600];
    if (atomic_open(&a, in_dir(name), force, err, sizeof err) < 0)
        return -1;
    fputs(text, a.f);
    return atomic_commit(&a, err, sizeof err);
}

static char *slurp(const char *name)
{
    static char buf[256];
    FILE *f = fopen(in_dir(name), "r");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void commit_and_replace(bool named)
{
    char names[2048];
    if (named)
        setenv("DESCENT_NO_TMPFILE", "1", 1);
    clear();
    CU_ASSERT_EQUAL(put("t.csv", "one\n", false), 0);
    CU_ASSERT_STRING_EQUAL(slurp("t.csv"), "one\n");
    CU_ASSERT_EQUAL(put("t.csv", "two\n", false), -1);
    CU_ASSERT_STRING_EQUAL(slurp("t.csv"), "one\n");
    CU_ASSERT_EQUAL(put("t.csv", "three\n", true), 0);
    CU_ASSERT_STRING_EQUAL(slurp("t.csv"), "three\n");
    CHECKF(entries(names, sizeof names) == 1, "left: %s", names);
    /* Abandoned: nothing of it stays. */
    atomic_file a;
    char err[600];
    CU_ASSERT_EQUAL_FATAL(atomic_open(&a, in_dir("u.csv"), false, err,
                                      sizeof err), 0);
    fputs("x", a.f);
    atomic_abort(&a);
    CHECKF(entries(names, sizeof names) == 1, "left: %s", names);
    /* 251 and 255 bytes are legal names; the temporary one fits too. */
    char name[256];
    memset(name, 'a', 251);
    strcpy(name + 247, ".csv");
    CU_ASSERT_EQUAL(put(name, "long\n", false), 0);
    memset(name, 'b', 255);
    strcpy(name + 251, ".csv");
    CU_ASSERT_EQUAL(put(name, "longer\n", true), 0);
    CU_ASSERT_STRING_EQUAL(slurp(name), "longer\n");
    CHECKF(entries(names, sizeof names) == 3, "left: %s", names);
    unsetenv("DESCENT_NO_TMPFILE");
}

static void unnamed(void) { commit_and_replace(false); }
static void named(void) { commit_and_replace(true); }

/* A process killed while writing (here: gone without commit or abort)
 * leaves a named temporary file; the next write removes it, but never
 * one of a live process or of another host. */
static void leftovers_removed(void)
{
    char names[2048];
    clear();
    setenv("DESCENT_NO_TMPFILE", "1", 1);
    pid_t child = fork();
    if (child == 0) {
        atomic_file a;
        char err[600];
        atomic_open(&a, in_dir("k.csv"), false, err, sizeof err);
        fputs("half", a.f);
        fflush(a.f);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    CU_ASSERT_EQUAL(entries(names, sizeof names), 1);
    CU_ASSERT_TRUE(atomic_is_temporary(strtok(names, " ")));
    FILE *other = fopen(in_dir(".descent-00000001-1.abcdef"), "w");
    fclose(other);
    unsetenv("DESCENT_NO_TMPFILE");
    CU_ASSERT_EQUAL(put("k.csv", "whole\n", false), 0);
    entries(names, sizeof names);
    CHECKF(strcmp(names, "k.csv .descent-00000001-1.abcdef ") == 0 ||
           strcmp(names, ".descent-00000001-1.abcdef k.csv ") == 0,
           "left: %s", names);
    CU_ASSERT_FALSE(atomic_is_temporary("k.csv"));
    CU_ASSERT_FALSE(atomic_is_temporary(".descent-1-2.abc"));
}

static void remove_dir(void)
{
    clear();
    rmdir(dir);
}

static void setup(void)
{
    if (!mkdtemp(dir))
        abort();
    atexit(remove_dir);
}

void suite_atomic_file(void)
{
    static const test_case tests[] = {
        {"unnamed: commit, no overwrite, force, long names", unnamed},
        {"named: commit, no overwrite, force, long names", named},
        {"what a killed writer left is removed", leftovers_removed},
        {NULL, NULL}};
    setup();
    add_suite("atomic_file", tests);
}
