/* A step's directives as they are read: text blocks, run settings,
 * locks, hints, solutions, goals and quizzes. What needs the whole step
 * is checked in lesson_check.c. */
#include <stdlib.h>
#include <string.h>

#include "data_csv.h"
#include "lesson_parse.h"

const char *const step_directive_names[] = {
    "text", "goal", "lock", "hint", "solution", "quiz", "ask", "option",
    "answer", "explain", "predict", "check", "theory", NULL};

void *step_append(parser *ps, const source_line *line, void *array_ptr,
                  size_t *n, size_t size)
{
    void **array = array_ptr;
    void *grown = realloc(*array, (*n + 1) * size);
    if (!grown) {
        diag_add(ps->d, line->number, 1, "out of memory");
        return NULL;
    }
    *array = grown;
    return (char *)grown + (*n)++ * size;
}

static char *copy(parser *ps, const char *s)
{
    return pool_strndup(&ps->l->strings, s, strlen(s));
}

/* Text blocks. */

static void text_add(parser *ps, const char *s, size_t n)
{
    if (ps->text_len + n + 1 > ps->text_cap) {
        size_t cap = 2 * (ps->text_len + n + 1);
        char *t = realloc(ps->text, cap);
        if (!t)
            return;
        ps->text = t;
        ps->text_cap = cap;
    }
    memcpy(ps->text + ps->text_len, s, n);
    ps->text_len += n;
    ps->text[ps->text_len] = '\0';
}

void text_start(parser *ps, const source_line *line, const char *value,
                const char **to)
{
    int col = source_column(line, value);
    if (*value == '|')
        for (value++; *value == ' '; value++)
            ;
    ps->in_text = true;
    ps->text_to = to;
    ps->text_len = 0;
    ps->text_line = line->number;
    ps->text_column = col;
    ps->text_indent = -1;
    ps->blank_run = 0;
    text_add(ps, value, strlen(value));
}

void text_continue(parser *ps, const source_line *line, const char *rest,
                   size_t indent)
{
    (void)line;
    /* The first continuation line sets the block's indentation; deeper
     * indentation after it is kept (formulas, lists). */
    if (ps->text_indent < 0)
        ps->text_indent = (int)indent;
    size_t keep = indent > (size_t)ps->text_indent
                      ? indent - (size_t)ps->text_indent : 0;
    if (ps->text_len > 0)
        for (int i = 0; i <= ps->blank_run; i++)
            text_add(ps, "\n", 1);
    ps->blank_run = 0;
    text_add(ps, rest - keep, strlen(rest) + keep);
}

void text_end(parser *ps)
{
    if (!ps->in_text)
        return;
    ps->in_text = false;
    ps->blank_run = 0;
    if (ps->text_len == 0 || !ps->text)
        diag_add(ps->d, ps->text_line, ps->text_column, "empty text");
    else if (ps->text_to)
        *ps->text_to = pool_strndup(&ps->l->strings, ps->text, ps->text_len);
}

/* A name that is no lesson setting, with the nearest that is. */
static void unknown_setting(parser *ps, const source_line *line,
                            const char *name, size_t len, const char *where)
{
    char word[64], tail[128];
    snprintf(word, sizeof word, "%.*s", (int)len, name);
    diag_add(ps->d, line->number, source_column(line, name),
             "%sunknown setting '%s'%s", where, word,
             diag_suggest(tail, sizeof tail, word, lesson_option_names(), NULL));
}

/* lock: NAME, NAME ... (commas or spaces between), or (format 2) all,
 * or all except NAME, NAME ...: every setting but those. */
static void lock(parser *ps, const source_line *line, const char *value)
{
    const char *p = value;
    bool *locked = ps->step->locked;
    bool all = strncmp(p, "all", 3) == 0 && (!p[3] || p[3] == ' ');
    if (!*p)
        diag_add(ps->d, line->number, source_column(line, p),
                 "empty lock (name the settings the learner may not change)");
    if (all && !need_format2(ps, line, source_column(line, p), "'lock: all'"))
        return;
    if (all) {
        for (const char *const *n = lesson_option_names(); *n; n++)
            locked[lesson_option(*n, strlen(*n))->id] = true;
        p += 3 + strspn(p + 3, " ");
        if (*p && strncmp(p, "except ", 7) != 0) {
            diag_add(ps->d, line->number, source_column(line, p), "lock: "
                     "expected 'except NAME, ...' after 'all'");
            return;
        }
        p += *p ? 7 : 0;
    }
    while (*p) {
        size_t len = strcspn(p, ", ");
        const option_entry *o = lesson_option(p, len);
        if (o)
            locked[o->id] = !all;
        else
            unknown_setting(ps, line, p, len, "lock: ");
        p += len;
        p += strspn(p, ", ");
    }
}

/* A data set or --init file named relative to the lesson: found beside
 * it (a shipped data set's name stays a name). */
static const char *place(parser *ps, int id, const char *value)
{
    if (!ps->dir || !*value || *value == '/' ||
        (id != MOPT_DATA && id != MOPT_INIT))
        return value;
    for (const data_info *d = data_shipped; id == MOPT_DATA && d->name; d++)
        if (strcmp(d->name, value) == 0)
            return value;
    size_t n = strlen(ps->dir) + strlen(value) + 2;
    char *path = malloc(n);
    if (!path)
        return value;
    snprintf(path, n, "%s/%s", ps->dir, value);
    const char *kept = copy(ps, path);
    free(path);
    return kept ? kept : value;
}

/* theory: hide, show or after. */
static void theory(parser *ps, const source_line *line, const char *value)
{
    static const char *const names[] = {"hide", "show", "after", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(value, names[i]) == 0) {
            ps->step->theory = (lesson_theory)i;
            ps->step->theory_line = line->number;
            return;
        }
    char tail[128];
    diag_add(ps->d, line->number, source_column(line, value), "theory: "
             "expected hide, show or after, got '%s'%s", value,
             diag_suggest(tail, sizeof tail, value, names, NULL));
}

bool step_setting(parser *ps, const source_line *line, const option_entry *o,
                  const char *value, lesson_setting *s)
{
    int col = source_column(line, value);
    if (!o->has_value && *value) {
        diag_add(ps->d, line->number, col, "%s: takes no value", o->name);
        return false;
    }
    if (o->has_value && !*value) {
        diag_add(ps->d, line->number, col, "%s: missing value", o->name);
        return false;
    }
    *s = (lesson_setting){o->id, o->has_value ? copy(ps, place(ps, o->id, value))
                                              : NULL, line->number, col};
    run_options scratch = ps->step->run;
    option_error e;
    if (o->has_value && !s->value)
        return false;
    if (lesson_apply(&scratch, s, &e) < 0) {
        diag_add(ps->d, line->number, col + (e.column > 0 ? e.column - 1 : 0),
                 "%s: %s", o->name, e.message);
        return false;
    }
    if (o->id == OPT_STEPS && scratch.s.max_steps > LESSON_MAX_STEPS) {
        diag_add(ps->d, line->number, col, "steps: at most %d in a lesson "
                 "(its runs are kept short), got %s", LESSON_MAX_STEPS, value);
        return false;
    }
    return true;
}

static void run_setting(parser *ps, const source_line *line,
                        const option_entry *o, const char *value)
{
    lesson_step *st = ps->step;
    if (ps->once_setting[o->id]) {
        diag_add(ps->d, line->number, 1, "duplicate '%s' in step '%s' (first "
                 "at line %d)", o->name, st->id, ps->once_setting[o->id]);
        return;
    }
    ps->once_setting[o->id] = line->number;
    lesson_setting s;
    if (!step_setting(ps, line, o, value, &s))
        return;
    option_error e;
    lesson_setting *own = step_append(ps, line, &st->own, &st->n_own, sizeof s);
    if (!own)
        return;
    *own = s;
    lesson_apply(&st->run, &s, &e);
    st->set_line[o->id] = s.line;
    st->set_column[o->id] = s.column;
}

/* solution: NAME: VALUE, a run setting applied on skip. */
static void solution(parser *ps, const source_line *line, const char *value)
{
    lesson_step *st = ps->step;
    size_t len = strspn(value, "abcdefghijklmnopqrstuvwxyz0123456789-");
    const char *v = value + len;
    if (!len || *v != ':') {
        diag_add(ps->d, line->number, source_column(line, value),
                 "solution: expected 'setting: value', e.g. "
                 "'solution: lr: 0.5'");
        return;
    }
    const option_entry *o = lesson_option(value, len);
    if (!o) {
        unknown_setting(ps, line, value, len, "solution: ");
        return;
    }
    for (v++; *v == ' '; v++)
        ;
    lesson_setting s;
    if (!step_setting(ps, line, o, v, &s))
        return;
    lesson_setting *sol = step_append(ps, line, &st->solution, &st->n_solution,
                                 sizeof s);
    if (sol)
        *sol = s;
}

void step_line(parser *ps, const source_line *line, const char *name,
                    size_t len, const char *value)
{
    const option_entry *o = lesson_option(name, len);
    if (o) {
        run_setting(ps, line, o, value);
        return;
    }
    step_key which = D_TEXT;
    while (strlen(step_directive_names[which]) != len ||
           strncmp(step_directive_names[which], name, len) != 0)
        which++;
    const char *dname = step_directive_names[which];
    lesson_step *st = ps->step;
    bool repeats = which == D_HINT || which == D_SOLUTION ||
                   which == D_OPTION || which == D_EXPLAIN || which == D_CHECK;
    bool two = which == D_EXPLAIN || which == D_PREDICT || which == D_CHECK ||
               which == D_THEORY;
    char quoted[32];
    snprintf(quoted, sizeof quoted, "'%s:'", dname);
    if (two && !need_format2(ps, line, 1, quoted))
        return;
    if (!repeats && ps->once[which]) {
        diag_add(ps->d, line->number, 1, "duplicate '%s' in step '%s' (first "
                 "at line %d)", dname, st->id, ps->once[which]);
        return;
    }
    if (!ps->once[which])
        ps->once[which] = line->number;
    int col = source_column(line, value);
    if (which != D_TEXT && which != D_LOCK && which != D_SOLUTION && !*value) {
        diag_add(ps->d, line->number, col, "%s: missing value", dname);
        return;
    }
    if (which != D_OPTION && which != D_ANSWER && which != D_EXPLAIN)
        ps->explain_to = EXPLAIN_NONE;
    switch (which) {
    case D_TEXT: text_start(ps, line, value, &st->text); return;
    case D_GOAL: step_goal(ps, line, value, "goal", &st->goal); return;
    case D_CHECK: step_check(ps, line, (char *)value); return;
    case D_LOCK: lock(ps, line, value); return;
    case D_HINT: {
        const char **h = step_append(ps, line, &st->hints, &st->n_hints, sizeof *h);
        if (h)
            *h = copy(ps, value);
        return;
    }
    case D_SOLUTION: solution(ps, line, value); return;
    case D_THEORY: theory(ps, line, value); return;
    default: step_quiz_line(ps, line, which, value);
    }
}
