#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "progress.h"
#include "source.h"

static const char header[] = "# descent progress 1";

int progress_path(char *buf, size_t cap)
{
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (state && state[0] == '/')
        n = snprintf(buf, cap, "%s/descent/progress", state);
    else if (home && *home)
        n = snprintf(buf, cap, "%s/.local/state/descent/progress", home);
    else
        return -1;
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

static void entry_free(progress_entry *e)
{
    for (size_t k = 0; k < e->n_steps; k++)
        free(e->steps[k]);
    free(e->steps);
    free(e->lesson);
}

void progress_free(progress *p)
{
    for (size_t i = 0; i < p->n; i++)
        entry_free(&p->e[i]);
    free(p->e);
    p->e = NULL;
    p->n = 0;
}

const progress_entry *progress_find(const progress *p, const char *id)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->e[i].lesson, id) == 0)
            return &p->e[i];
    return NULL;
}

static char *copy_n(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

static progress_entry *entry(progress *p, const char *lesson, size_t len)
{
    for (size_t i = 0; i < p->n; i++)
        if (strlen(p->e[i].lesson) == len &&
            strncmp(p->e[i].lesson, lesson, len) == 0)
            return &p->e[i];
    progress_entry *e = realloc(p->e, (p->n + 1) * sizeof *e);
    if (!e)
        return NULL;
    p->e = e;
    e += p->n;
    *e = (progress_entry){copy_n(lesson, len), NULL, 0};
    if (!e->lesson)
        return NULL;
    p->n++;
    return e;
}

static int mark(progress *p, const char *lesson, size_t llen, const char *step,
                size_t slen)
{
    progress_entry *e = entry(p, lesson, llen);
    if (!e)
        return -1;
    for (size_t i = 0; i < e->n_steps; i++)
        if (strlen(e->steps[i]) == slen && strncmp(e->steps[i], step, slen) == 0)
            return 0;
    char **steps = realloc(e->steps, (e->n_steps + 1) * sizeof *steps);
    if (!steps)
        return -1;
    e->steps = steps;
    if (!(steps[e->n_steps] = copy_n(step, slen)))
        return -1;
    e->n_steps++;
    return 0;
}

int progress_mark(progress *p, const char *lesson, const char *step)
{
    return mark(p, lesson, strlen(lesson), step, strlen(step));
}

bool progress_reset(progress *p, const char *lesson)
{
    size_t kept = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (!lesson || strcmp(p->e[i].lesson, lesson) == 0)
            entry_free(&p->e[i]);
        else
            p->e[kept++] = p->e[i];
    }
    bool found = kept < p->n;
    p->n = kept;
    return found;
}

size_t progress_count(const progress *p, const lesson *l)
{
    const progress_entry *e = l->id ? progress_find(p, l->id) : NULL;
    size_t n = 0;
    for (size_t i = 0; e && i < e->n_steps; i++)
        n += lesson_find_step(l, e->steps[i]) >= 0;
    return n;
}

/* Whether the word w (len bytes) is an id as lessons write them. */
static bool is_id(const char *w, size_t len)
{
    if (!len)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = w[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     (c >= '0' && c <= '9');
        if (!alnum && !(i > 0 && (c == '-' || c == '_' || c == '.')))
            return false;
    }
    return true;
}

/* "LESSON STEP..." into p; false when the line is damaged. */
static bool read_line(progress *p, const char *t)
{
    size_t len = strcspn(t, " ");
    if (!is_id(t, len))
        return false;
    const char *lesson = t;
    size_t llen = len;
    const char *s = t + len;
    for (s += strspn(s, " "); *s; s += strspn(s, " ")) {
        len = strcspn(s, " ");
        if (!is_id(s, len))
            return false;
        s += len;
    }
    s = t + llen;
    for (s += strspn(s, " "); *s; s += strspn(s, " ")) {
        len = strcspn(s, " ");
        if (mark(p, lesson, llen, s, len) < 0)
            return false;
        s += len;
    }
    return true;
}

int progress_load(const char *path, progress *p, diag_list *d)
{
    memset(p, 0, sizeof *p);
    char *text;
    size_t len;
    if (access(path, F_OK) != 0 && errno == ENOENT)
        return 0;
    if (source_slurp(path, &text, &len, d) < 0)
        return -1;
    source src;
    int rc = source_from(text, len, &src, d);
    free(text);
    if (rc < 0)
        return -1;
    for (size_t i = 0; i < src.n; i++) {
        const source_line *l = &src.lines[i];
        if (l->bad || l->len == 0 || (i == 0 && strcmp(l->text, header) == 0))
            continue;
        if (i == 0)
            diag_add(d, 1, 0, "not a descent progress file (no '%s' line); "
                     "reading on", header);
        if (l->text[0] != '#' && !read_line(p, l->text))
            diag_add(d, l->number, 0, "damaged line, ignored");
    }
    source_free(&src);
    return 0;
}

/* mkdir -p of the directory part of path. */
static int make_dirs(const char *path, char *err, size_t cap)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    for (char *p = dir + 1; ; p++) {
        char c = *p;
        if (c != '/' && c != '\0')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            snprintf(err, cap, "cannot create %s: %s", dir, strerror(errno));
            return -1;
        }
        *p = c;
        if (!c)
            return 0;
    }
}

int progress_save(const char *path, const progress *p, char *err, size_t cap)
{
    if (make_dirs(path, err, cap) < 0)
        return -1;
    atomic_file a;
    char why[PATH_MAX + 64];
    if (atomic_open(&a, path, true, why, sizeof why) < 0) {
        snprintf(err, cap, "cannot write %s", why);
        return -1;
    }
    fprintf(a.f, "%s\n", header);
    for (size_t i = 0; i < p->n; i++) {
        if (!p->e[i].n_steps)
            continue;
        fputs(p->e[i].lesson, a.f);
        for (size_t k = 0; k < p->e[i].n_steps; k++)
            fprintf(a.f, " %s", p->e[i].steps[k]);
        fputc('\n', a.f);
    }
    if (atomic_commit(&a, why, sizeof why) < 0) {
        snprintf(err, cap, "cannot write %s", why);
        return -1;
    }
    return 0;
}
