/* The progress store: round trip, atomic replacement, damaged files. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lesson_util.h"
#include "progress.h"
#include "suites.h"

/* A fresh XDG_STATE_HOME under /tmp; the progress file's path. */
static const char *fresh_state(char *dir, size_t cap)
{
    static char path[512];
    snprintf(dir, cap, "/tmp/descent-progress-XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    setenv("XDG_STATE_HOME", dir, 1);
    CU_ASSERT_EQUAL(progress_path(path, sizeof path), 0);
    return path;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
}

static void remove_state(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

static void paths(void)
{
    char buf[512];
    setenv("XDG_STATE_HOME", "/st", 1);
    CU_ASSERT_EQUAL(progress_path(buf, sizeof buf), 0);
    CU_ASSERT_STRING_EQUAL(buf, "/st/descent/progress");
    setenv("XDG_STATE_HOME", "relative", 1);   /* ignored, as XDG says */
    setenv("HOME", "/home/u", 1);
    CU_ASSERT_EQUAL(progress_path(buf, sizeof buf), 0);
    CU_ASSERT_STRING_EQUAL(buf, "/home/u/.local/state/descent/progress");
    unsetenv("XDG_STATE_HOME");
    CU_ASSERT_EQUAL(progress_path(buf, sizeof buf), 0);
    CU_ASSERT_STRING_EQUAL(buf, "/home/u/.local/state/descent/progress");
}

static void round_trip(void)
{
    char dir[64], err[256];
    const char *path = fresh_state(dir, sizeof dir);
    diag_list d;
    diag_init(&d);
    progress p;
    CU_ASSERT_EQUAL(progress_load(path, &p, &d), 0);   /* none yet */
    CU_ASSERT_EQUAL(p.n, 0);
    CU_ASSERT_EQUAL(progress_mark(&p, "01-a", "intro"), 0);
    CU_ASSERT_EQUAL(progress_mark(&p, "01-a", "quiz"), 0);
    CU_ASSERT_EQUAL(progress_mark(&p, "01-a", "intro"), 0);
    CU_ASSERT_EQUAL(progress_mark(&p, "02-b", "x"), 0);
    CU_ASSERT_EQUAL(progress_save(path, &p, err, sizeof err), 0);
    progress_free(&p);
    CU_ASSERT_EQUAL(progress_load(path, &p, &d), 0);
    CU_ASSERT_EQUAL(d.n, 0);
    CU_ASSERT_EQUAL_FATAL(p.n, 2);
    const progress_entry *e = progress_find(&p, "01-a");
    CU_ASSERT_EQUAL_FATAL(e->n_steps, 2);
    CU_ASSERT_STRING_EQUAL(e->steps[1], "quiz");
    CU_ASSERT_TRUE(progress_reset(&p, "01-a"));
    CU_ASSERT_FALSE(progress_reset(&p, "01-a"));
    CU_ASSERT_PTR_NOT_NULL(progress_find(&p, "02-b"));
    CU_ASSERT_TRUE(progress_reset(&p, NULL));
    CU_ASSERT_EQUAL(p.n, 0);
    progress_free(&p);
    diag_free(&d);
    remove_state(dir);
}

/* Saving leaves the file or the old one, never a temporary beside it;
 * a directory that cannot be written keeps the old file whole. */
static void atomic(void)
{
    char dir[64], err[256];
    const char *path = fresh_state(dir, sizeof dir);
    progress p = {0};
    progress_mark(&p, "l", "s");
    CU_ASSERT_EQUAL_FATAL(progress_save(path, &p, err, sizeof err), 0);
    progress_mark(&p, "l", "t");
    CU_ASSERT_EQUAL(progress_save(path, &p, err, sizeof err), 0);
    char sub[600];
    snprintf(sub, sizeof sub, "%s/descent", dir);
    DIR *dp = opendir(sub);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dp);
    int files = 0;
    for (struct dirent *e; (e = readdir(dp));)
        files += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(dp);
    CU_ASSERT_EQUAL(files, 1);
    if (geteuid() != 0) {   /* root writes anywhere */
        chmod(sub, 0500);
        progress_mark(&p, "l", "u");
        CU_ASSERT_EQUAL(progress_save(path, &p, err, sizeof err), -1);
        chmod(sub, 0700);
    }
    progress_free(&p);
    diag_list d;
    diag_init(&d);
    CU_ASSERT_EQUAL(progress_load(path, &p, &d), 0);
    CU_ASSERT_EQUAL(progress_find(&p, "l")->n_steps, 2);
    progress_free(&p);
    diag_free(&d);
    remove_state(dir);
}

/* A damaged file: each bad line reported, the good lines kept. */
static void damaged(void)
{
    char dir[64], err[256];
    const char *path = fresh_state(dir, sizeof dir);
    progress p = {0};
    progress_mark(&p, "x", "y");
    CU_ASSERT_EQUAL_FATAL(progress_save(path, &p, err, sizeof err), 0);
    progress_free(&p);
    write_file(path, "# descent progress 1\n01-a intro quiz\n"
                     "garbage line !!\n\xff\xfe\n02-b done\n");
    diag_list d;
    diag_init(&d);
    CU_ASSERT_EQUAL(progress_load(path, &p, &d), 0);
    CU_ASSERT_STRING_EQUAL(diag_text(&d), "3: damaged line, ignored\n"
                                          "4:1: invalid UTF-8 (byte 0xff)\n");
    CU_ASSERT_EQUAL(p.n, 2);
    CU_ASSERT_EQUAL(progress_find(&p, "01-a")->n_steps, 2);
    CU_ASSERT_PTR_NOT_NULL(progress_find(&p, "02-b"));
    progress_free(&p);
    diag_free(&d);
    diag_init(&d);
    write_file(path, "%PDF-1.4\n01-a intro\n");
    CU_ASSERT_EQUAL(progress_load(path, &p, &d), 0);
    CU_ASSERT_STRING_EQUAL(diag_text(&d), "1: not a descent progress file (no "
                           "'# descent progress 1' line); reading on\n"
                           "1: damaged line, ignored\n");
    CU_ASSERT_EQUAL(p.n, 1);
    progress_free(&p);
    diag_free(&d);
    remove_state(dir);
}

void suite_progress(void)
{
    static const test_case tests[] = {
        {"where the file is", paths},
        {"round trip", round_trip},
        {"atomic replacement", atomic},
        {"damaged files", damaged},
        {NULL, NULL}};
    add_suite("progress", tests);
}
