/* The lesson parser's line loop: blank lines, comments, "@step ID",
 * directives "name: value", and indented lines that continue a text. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lesson_parse.h"
#include "parse_num.h"

static const char *const header_names[] = {"format", "id", "title", "minutes",
                                           "next", NULL};

bool need_format2(parser *ps, const source_line *line, int column,
                  const char *what)
{
    if (ps->l->format >= 2)
        return true;
    diag_add(ps->d, line->number, column, "%s is format 2's: the file says "
             "'format: 1'", what);
    return false;
}

bool id_check(parser *ps, const source_line *line, const char *text,
              size_t len, const char *what)
{
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     (c >= '0' && c <= '9');
        if (alnum || (i > 0 && (c == '-' || c == '_' || c == '.')))
            continue;
        diag_add(ps->d, line->number, source_column(line, text + i),
                 "%s '%.*s' may hold only letters, digits, '-', '_' and '.', "
                 "and starts with a letter or digit", what, (int)len, text);
        return false;
    }
    return true;
}

static void header_directive(parser *ps, const source_line *line, int which,
                             const char *value)
{
    int col = source_column(line, value);
    const char *name = header_names[which];
    if (ps->header[which]) {
        diag_add(ps->d, line->number, 1, "duplicate '%s' (first at line %d)",
                 name, ps->header[which]);
        return;
    }
    ps->header[which] = line->number;
    lesson *l = ps->l;
    size_t len = strlen(value);
    option_error e;
    switch (which) {
    case H_FORMAT:
        if (strcmp(value, "1") == 0 || strcmp(value, "2") == 0)
            l->format = value[0] - '0';
        else
            diag_add(ps->d, line->number, col, "unsupported format '%s' (this "
                     "descent reads formats 1 and 2)", value);
        return;
    case H_NEXT:
        if (!need_format2(ps, line, 1, "'next:'"))
            return;
        if (!len)
            diag_add(ps->d, line->number, col, "empty next (the id of the "
                     "lesson that follows)");
        else if (id_check(ps, line, value, len, "next"))
            l->next = pool_strndup(&l->strings, value, len);
        l->next_line = line->number;
        l->next_column = col;
        return;
    case H_ID:
        if (!len)
            diag_add(ps->d, line->number, col, "empty id");
        else if (id_check(ps, line, value, len, "id"))
            l->id = pool_strndup(&l->strings, value, len);
        return;
    case H_TITLE:
        if (!len)
            diag_add(ps->d, line->number, col, "empty title");
        l->title = pool_strndup(&l->strings, value, len);
        return;
    default:
        if (option_count(&e, "", value, 1, &l->minutes) < 0)
            diag_add(ps->d, line->number, col, "minutes: %s", e.message);
    }
}

/* The steps end at 'recap:'. */
static bool after_recap(parser *ps, const source_line *line, const char *what)
{
    if (!ps->recap)
        return false;
    diag_add(ps->d, line->number, 1, "%s after 'recap:' (line %d): the recap "
             "ends the lesson", what, ps->recap);
    return true;
}

static void recap(parser *ps, const source_line *line, const char *value)
{
    if (!need_format2(ps, line, 1, "'recap:'"))
        return;
    if (ps->recap) {
        diag_add(ps->d, line->number, 1, "duplicate 'recap' (first at line "
                 "%d)", ps->recap);
        return;
    }
    step_finish(ps);
    ps->step = NULL;
    ps->recap = line->number;
    if (!ps->l->n_steps)
        diag_add(ps->d, line->number, 1, "'recap:' comes after the steps");
    text_start(ps, line, value, &ps->l->recap);
}

static void new_step(parser *ps, const source_line *line, const char *at)
{
    text_end(ps);
    if (after_recap(ps, line, "'@step'"))
        return;
    step_finish(ps);
    const char *p = at + 5;
    while (*p == ' ' || *p == '\t')
        p++;
    const char *id = p;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    size_t len = (size_t)(p - id);
    while (*p == ' ' || *p == '\t')
        p++;
    lesson *l = ps->l;
    size_t i = l->n_steps;
    lesson_step *steps = realloc(l->steps, (i + 1) * sizeof *steps);
    if (!steps) {
        diag_add(ps->d, line->number, 1, "out of memory");
        return;
    }
    l->steps = steps;
    lesson_step *st = &steps[i];
    memset(st, 0, sizeof *st);
    if (i > 0) {
        st->run = steps[i - 1].run;
        memcpy(st->set_line, steps[i - 1].set_line, sizeof st->set_line);
        memcpy(st->set_column, steps[i - 1].set_column, sizeof st->set_column);
        st->theory = steps[i - 1].theory;
        st->theory_line = steps[i - 1].theory_line;
    } else {
        run_options_default(&st->run);
    }
    st->line = line->number;
    st->id = "";
    l->n_steps++;
    ps->step = st;
    memset(ps->once, 0, sizeof ps->once);
    memset(ps->once_setting, 0, sizeof ps->once_setting);
    if (!len) {
        diag_add(ps->d, line->number, source_column(line, id),
                 "expected a step id after '@step'");
        return;
    }
    if (*p)
        diag_add(ps->d, line->number, source_column(line, p),
                 "unexpected '%s' after the step id", p);
    if (!id_check(ps, line, id, len, "step id"))
        return;
    char *copy = pool_strndup(&l->strings, id, len);
    long prev = copy ? lesson_find_step(l, copy) : -1;
    if (prev >= 0 && (size_t)prev < i)
        diag_add(ps->d, line->number, source_column(line, id),
                 "duplicate step id '%s' (first at line %d)", copy,
                 steps[prev].line);
    else if (copy)
        st->id = copy;
}

static void block(parser *ps, const source_line *line)
{
    const char *t = line->text;
    if (strncmp(t, "@step", 5) == 0 && (t[5] == '\0' || t[5] == ' ' ||
                                        t[5] == '\t')) {
        new_step(ps, line, t);
        return;
    }
    text_end(ps);
    size_t len = strcspn(t, " \t");
    char word[64], tail[128];
    snprintf(word, sizeof word, "%.*s", (int)len, t);
    static const char *const blocks[] = {"@step", NULL};
    diag_add(ps->d, line->number, 1, "unknown block '%s'%s", word,
             diag_suggest(tail, sizeof tail, word, blocks,
                          "a step starts with '@step ID'"));
}

static int index_of(const char *const *names, const char *name, size_t len)
{
    for (int i = 0; names[i]; i++)
        if (strlen(names[i]) == len && strncmp(names[i], name, len) == 0)
            return i;
    return -1;
}

static void unknown_directive(parser *ps, const source_line *line,
                              const char *name, size_t len)
{
    const option_entry *o = option_by_name(run_option_table, name, len);
    if (o) {
        diag_add(ps->d, line->number, 1, "'%s' says where output goes; a "
                 "lesson cannot set it", o->name);
        return;
    }
    const char *all[96];
    size_t n = 0;
    for (size_t i = 0; header_names[i]; i++)
        all[n++] = header_names[i];
    all[n++] = "recap";
    for (size_t i = 0; step_directive_names[i]; i++)
        all[n++] = step_directive_names[i];
    for (const char *const *s = lesson_option_names(); *s; s++)
        all[n++] = *s;
    all[n] = NULL;
    char word[64], tail[128];
    snprintf(word, sizeof word, "%.*s", (int)len, name);
    diag_add(ps->d, line->number, 1, "unknown directive '%s'%s", word,
             diag_suggest(tail, sizeof tail, word, all, NULL));
}

static void directive(parser *ps, const source_line *line)
{
    text_end(ps);
    const char *t = line->text;
    size_t len = strspn(t, "abcdefghijklmnopqrstuvwxyz0123456789-");
    if (len == 0 || t[len] != ':') {
        diag_add(ps->d, line->number, 1, "expected 'name: value', '@step ID', "
                 "a comment '# ...' or an indented text line");
        return;
    }
    const char *value = t + len + 1;
    while (*value == ' ' || *value == '\t')
        value++;
    char *end = (char *)value + strlen(value);
    while (end > value && (end[-1] == ' ' || end[-1] == '\t'))
        *--end = '\0';
    if (!ps->first_directive)
        ps->first_directive = line->number;
    int h = index_of(header_names, t, len);
    if (h >= 0) {
        if (ps->l->n_steps || ps->recap)
            diag_add(ps->d, line->number, 1, "'%s' belongs in the header, "
                     "before the first '@step'", header_names[h]);
        else
            header_directive(ps, line, h, value);
        return;
    }
    if (len == 5 && strncmp(t, "recap", 5) == 0) {
        recap(ps, line, value);
        return;
    }
    if (index_of(step_directive_names, t, len) < 0 && !lesson_option(t, len)) {
        unknown_directive(ps, line, t, len);
        return;
    }
    if (after_recap(ps, line, "a step's directive"))
        return;
    if (!ps->step) {
        diag_add(ps->d, line->number, 1, "'%.*s' belongs to a step: put it "
                 "after '@step ID'", (int)len, t);
        return;
    }
    step_line(ps, line, t, len, value);
}

/* An indented line: it continues a text, or is a mistake. */
static void indented(parser *ps, const source_line *line)
{
    size_t indent = strspn(line->text, " \t");
    const char *tab = memchr(line->text, '\t', indent);
    if (tab) {
        diag_add(ps->d, line->number, source_column(line, tab),
                 "tab in indentation (indent with spaces)");
        return;
    }
    if (!ps->in_text) {
        diag_add(ps->d, line->number, (int)indent + 1, "indented line "
                 "continues no text (only 'text:' takes more lines)");
        return;
    }
    text_continue(ps, line, line->text + indent, indent);
}

static void parse_lines(parser *ps, const source *src)
{
    for (size_t i = 0; i < src->n; i++) {
        const source_line *line = &src->lines[i];
        if (line->bad)
            continue;
        const char *t = line->text;
        if (t[strspn(t, " \t")] == '\0') {
            ps->blank_run += ps->in_text;
            continue;
        }
        if (*t == ' ' || *t == '\t')
            indented(ps, line);
        else if (*t == '#')
            text_end(ps);
        else if (*t == '@')
            block(ps, line);
        else
            directive(ps, line);
    }
    text_end(ps);
    step_finish(ps);
    lesson_finish(ps);
}

int lesson_parse(const char *text, size_t len, const char *path, lesson *l,
                 diag_list *d)
{
    memset(l, 0, sizeof *l);
    size_t before = d->n;
    source src;
    if (source_from(text, len, &src, d) < 0)
        return -1;
    parser ps = {.l = l, .d = d, .explain_to = EXPLAIN_NONE};
    /* Until 'format:' says otherwise (a missing or unknown format is
     * reported once, not at every format 2 line). */
    l->format = 2;
    if (path) {
        l->path = pool_strndup(&l->strings, path, strlen(path));
        const char *slash = strrchr(path, '/');
        ps.dir = slash ? pool_strndup(&l->strings, path, (size_t)(slash - path))
                       : NULL;
    }
    parse_lines(&ps, &src);
    free(ps.text);
    source_free(&src);
    return d->n > before || d->oom ? -1 : 0;
}

int lesson_load(const char *path, lesson *l, diag_list *d)
{
    char *text;
    size_t len;
    memset(l, 0, sizeof *l);
    if (source_slurp(path, &text, &len, d) < 0)
        return -1;
    int rc = lesson_parse(text, len, path, l, d);
    free(text);
    return rc;
}

void lesson_free(lesson *l)
{
    for (size_t i = 0; i < l->n_steps; i++) {
        lesson_step *st = &l->steps[i];
        free(st->hints);
        free(st->solution);
        free(st->own);
        free(st->quiz.options);
        free(st->quiz.option_explain);
        for (size_t k = 0; k < st->n_checks; k++)
            free(st->checks[k].set);
        free(st->checks);
    }
    free(l->steps);
    pool_free(&l->strings);
    memset(l, 0, sizeof *l);
}

long lesson_find_step(const lesson *l, const char *id)
{
    for (size_t i = 0; i < l->n_steps; i++)
        if (strcmp(l->steps[i].id, id) == 0)
            return (long)i;
    return -1;
}

const char *lesson_step_suggest(const lesson *l, const char *id, char *buf,
                                size_t cap)
{
    return diag_suggest_in(buf, cap, id, l->steps, l->n_steps,
                           sizeof l->steps[0], offsetof(lesson_step, id), NULL);
}
