/* Demo scripts: one command a line (see demo.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "objective_open.h"
#include "source.h"

static const char *const commands[] = {"lesson", "step", "set", "key", "run",
                                       "sleep", "pause", "say", "check", NULL};

typedef struct {
    demo *dm;
    diag_list *d;
    demo_find_lesson find;
    void *ctx;
    const lesson *current;  /* the last `lesson` command's */
    bool lesson_seen;
    const source_line *line;
} script;

__attribute__((format(printf, 3, 4)))
static void problem(script *s, const char *at, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(s->d, s->line->number, at ? source_column(s->line, at) : 0, "%s",
             msg);
}

/* The next word of *p (advanced past it and the spaces after). */
static const char *word(const char **p, size_t *len)
{
    const char *w = *p;
    *len = strcspn(w, " ");
    *p = w + *len;
    *p += strspn(*p, " ");
    return w;
}

/* The single word of args, or NULL after reporting. */
static char *one_word(script *s, const char *cmd, const char *args)
{
    const char *p = args;
    size_t len;
    const char *w = word(&p, &len);
    if (!len) {
        problem(s, args, "'%s' needs %s", cmd,
                strcmp(cmd, "run") == 0 ? "a number of updates"
                : strcmp(cmd, "sleep") == 0 ? "a number of seconds" : "an id");
        return NULL;
    }
    if (*p) {
        problem(s, p, "unexpected '%s' after '%s'", p, cmd);
        return NULL;
    }
    return pool_strndup(&s->dm->strings, w, len);
}

static void lesson_cmd(script *s, demo_command *c, const char *args)
{
    s->lesson_seen = true;
    s->current = NULL;
    if (!(c->text = one_word(s, "lesson", args)) || !s->find)
        return;
    s->current = s->find(s->ctx, c->text);
    if (!s->current)
        problem(s, args, "unknown lesson '%s' (see 'descent list lessons')",
                c->text);
}

static void step_cmd(script *s, demo_command *c, const char *args)
{
    if (!(c->text = one_word(s, "step", args)))
        return;
    if (!s->lesson_seen) {
        problem(s, NULL, "'step' needs a 'lesson' command before it");
        return;
    }
    if (!s->current || lesson_find_step(s->current, c->text) >= 0)
        return;
    char tail[128];
    problem(s, args, "unknown step '%s' in lesson '%s'%s", c->text,
            s->current->id, lesson_step_suggest(s->current, c->text, tail,
                                                sizeof tail));
}

static void set_cmd(script *s, demo_command *c, const char *args)
{
    const char *p = args;
    size_t len;
    const char *name = word(&p, &len);
    const option_entry *o = len ? lesson_option(name, len) : NULL;
    char key[64];
    snprintf(key, sizeof key, "%.*s", (int)len, name);
    char tail[128];
    if (!o) {
        if (!len)
            problem(s, args, "'set' needs a setting and a value");
        else
            problem(s, name, "unknown setting '%s'%s", key,
                    diag_suggest(tail, sizeof tail, key, lesson_option_names(),
                                 NULL));
        return;
    }
    c->option = o->id;
    c->text = pool_strndup(&s->dm->strings, p, strlen(p));
    if (!o->has_value != !*p) {
        problem(s, p, "%s: %s", key, o->has_value ? "missing value"
                                                  : "takes no value");
        return;
    }
    run_options scratch;
    run_options_default(&scratch);
    lesson_setting set = {o->id, o->has_value ? c->text : NULL, 0, 0};
    option_error e;
    objective obj;
    if (lesson_apply(&scratch, &set, &e) < 0) {
        problem(s, p, "%s: %s", key, e.message);
    } else if (o->id == OPT_STEPS && scratch.s.max_steps > LESSON_MAX_STEPS) {
        problem(s, p, "steps: at most %d in a demo, got %s", LESSON_MAX_STEPS,
                p);
    } else if (o->id == OPT_OBJECTIVE) {
        objective_error oe;
        if (objective_open(c->text, &obj, &oe) < 0) {
            problem(s, p + (oe.column > 0 ? oe.column - 1 : 0),
                    "objective: %s", oe.message);
            return;
        }
        objective_free(&obj);
    }
}

static void key_cmd(script *s, demo_command *c, const char *args)
{
    const char *p = args;
    if (!*p)
        problem(s, p, "'key' needs one or more keys (e.g. 'key + + n')");
    while (*p) {
        size_t len;
        const char *name = word(&p, &len);
        long k = demo_key_parse(name, len);
        char w[64];
        snprintf(w, sizeof w, "%.*s", (int)len, name);
        if (k < 0) {
            char tail[128];
            problem(s, name, "unknown key '%s'%s", w,
                    diag_suggest(tail, sizeof tail, w, demo_key_names,
                                 "a character, a name such as Space, Enter, "
                                 "PgDn or F5, or C-a to C-z"));
            continue;
        }
        long *keys = realloc(c->keys, (c->n_keys + 1) * sizeof *keys);
        if (!keys)
            return;
        c->keys = keys;
        keys[c->n_keys++] = k;
    }
}

static void number_cmd(script *s, demo_command *c, const char *cmd,
                       const char *args)
{
    char *w = one_word(s, cmd, args);
    option_error e;
    if (!w)
        return;
    if (c->kind == DEMO_RUN) {
        if (option_count(&e, "", w, 1, &c->count) < 0)
            problem(s, args, "run: %s", e.message);
        else if (c->count > LESSON_MAX_STEPS)
            problem(s, args, "run: at most %d updates at a time, got %s",
                    LESSON_MAX_STEPS, w);
    } else if (option_double(&e, "", w, &c->seconds) < 0) {
        problem(s, args, "sleep: %s", e.message);
    } else if (!(c->seconds >= 0)) {
        problem(s, args, "sleep: must be 0 or more, got %s", w);
    }
}

/* check OUTCOME: a goal; a beat names a step of the current lesson. */
static void check_cmd(script *s, demo_command *c, const char *args)
{
    lesson_goal g;
    goal_syntax gs = {s->d, s->line, &s->dm->strings, 2, "check"};
    if (goal_parse(&gs, args, &g) < 0)
        return;
    for (size_t i = 0; i < g.n; i++) {
        goal_atom *a = &g.a[i];
        if (a->kind != ATOM_BEAT)
            continue;
        long k = s->current ? lesson_find_step(s->current, a->step) : -1;
        if (!s->current) {
            problem(s, NULL, "check: beat needs a 'lesson' command before it");
            return;
        }
        if (k < 0 || !lesson_has_goal(&s->current->steps[k]) ||
            goal_has(&s->current->steps[k].goal, ATOM_BEAT)) {
            diag_add(s->d, s->line->number, a->step_column, "check: step '%s' "
                     "of lesson '%s' has no goal to beat", a->step,
                     s->current->id);
            return;
        }
        a->step_index = (size_t)k;
    }
    c->goal = malloc(sizeof *c->goal);
    if (c->goal)
        *c->goal = g;
}

static void command(script *s, const char *t)
{
    const char *p = t;
    size_t len;
    const char *name = word(&p, &len);
    char w[64];
    snprintf(w, sizeof w, "%.*s", (int)len, name);
    int k = 0;
    while (commands[k] && (strlen(commands[k]) != len ||
                           strncmp(commands[k], name, len) != 0))
        k++;
    if (!commands[k]) {
        char tail[128];
        problem(s, name, "unknown command '%s'%s", w,
                diag_suggest(tail, sizeof tail, w, commands, "one of: lesson, "
                             "step, set, key, run, sleep, pause, say, "
                             "check"));
        return;
    }
    demo *dm = s->dm;
    demo_command *c = realloc(dm->c, (dm->n + 1) * sizeof *c);
    if (!c)
        return;
    dm->c = c;
    c += dm->n++;
    memset(c, 0, sizeof *c);
    c->kind = (demo_kind)k;
    c->line = s->line->number;
    switch (c->kind) {
    case DEMO_LESSON: lesson_cmd(s, c, p); return;
    case DEMO_STEP: step_cmd(s, c, p); return;
    case DEMO_SET: set_cmd(s, c, p); return;
    case DEMO_KEY: key_cmd(s, c, p); return;
    case DEMO_RUN:
    case DEMO_SLEEP: number_cmd(s, c, w, p); return;
    case DEMO_PAUSE:
        if (*p)
            problem(s, p, "unexpected '%s' after '%s'", p, "pause");
        return;
    case DEMO_SAY:
        if (!*p)
            problem(s, p, "'say' needs a text");
        c->text = pool_strndup(&dm->strings, p, strlen(p));
        return;
    case DEMO_CHECK:
        check_cmd(s, c, p);
    }
}

int demo_parse(const char *text, size_t len, demo_find_lesson find,
               void *ctx, demo *out, diag_list *d)
{
    memset(out, 0, sizeof *out);
    size_t before = d->n;
    source src;
    if (source_from(text, len, &src, d) < 0)
        return -1;
    script s = {out, d, find, ctx, NULL, false, NULL};
    for (size_t i = 0; i < src.n; i++) {
        source_line *l = &src.lines[i];
        s.line = l;
        size_t indent = strspn(l->text, " \t");
        const char *tab = memchr(l->text, '\t', indent);
        if (l->bad)
            continue;
        if (tab) {
            problem(&s, tab, "tab in indentation (indent with spaces)");
            continue;
        }
        char *t = l->text + indent;
        size_t n = strlen(t);
        while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
            t[--n] = '\0';
        if (*t && *t != '#')
            command(&s, t);
    }
    source_free(&src);
    return d->n > before || d->oom ? -1 : 0;
}

int demo_load(const char *path, demo_find_lesson find, void *ctx, demo *out,
              diag_list *d)
{
    char *text;
    size_t len;
    memset(out, 0, sizeof *out);
    if (source_slurp(path, &text, &len, d) < 0)
        return -1;
    int rc = demo_parse(text, len, find, ctx, out, d);
    free(text);
    return rc;
}

void demo_free(demo *dm)
{
    for (size_t i = 0; i < dm->n; i++) {
        free(dm->c[i].keys);
        free(dm->c[i].goal);
    }
    free(dm->c);
    pool_free(&dm->strings);
    memset(dm, 0, sizeof *dm);
}
