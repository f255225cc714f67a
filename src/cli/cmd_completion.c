/* descent completion bash|zsh|fish: the completion script on standard
 * output. Each command's options come from the table its parser uses;
 * their descriptions, and the choices of values such as --clip
 * none|norm:C|value:C, from its --help; names from the program's lists. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "completion.h"
#include "data_csv.h"
#include "model.h"
#include "optimizer.h"
#include "theme.h"

static const char usage[] =
    "usage: descent completion bash|zsh|fish\n"
    "Prints the completion script for the shell. meson install puts them\n"
    "where the shells look; to try one: source <(descent completion bash)\n";

/* What the command prints for --help, captured from its own printer. */
static char *help_text(const command_info *c)
{
    FILE *tmp = tmpfile();
    int saved = dup(STDOUT_FILENO);
    if (!tmp || saved < 0) {
        if (tmp)
            fclose(tmp);
        return NULL;
    }
    fflush(stdout);
    dup2(fileno(tmp), STDOUT_FILENO);
    char arg[] = "--help", *argv[] = {arg, NULL};
    c->run(1, argv);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    long n = ftell(tmp);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    rewind(tmp);
    if (text && fread(text, 1, (size_t)n, tmp) == (size_t)n)
        text[n] = '\0';
    else if (text)
        text[0] = '\0';
    fclose(tmp);
    return text;
}

/* The help line of --name: "  --name META   description" (or with the
 * option second, as "  --beta1 B --beta2 B   ..."). */
static const char *help_line(const char *help, const char *name,
                             const char **at)
{
    size_t len = strlen(name);
    for (const char *l = help; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : l) {
        if (strncmp(l, "  --", 4) != 0)
            continue;
        size_t end = strcspn(l, "\n");
        for (const char *p = l; (p = strstr(p, "--")) && p < l + end; p += 2)
            if (strncmp(p + 2, name, len) == 0 &&
                (p[2 + len] == ' ' || p[2 + len] == '\n' || !p[2 + len])) {
                *at = p + 2 + len;
                return l;
            }
    }
    return NULL;
}

/* The description after the option column, its first line. */
static void description(const char *line, char *out, size_t cap)
{
    size_t end = strcspn(line, "\n");
    const char *gap = strstr(line + 2, "  ");
    out[0] = '\0';
    if (!gap || gap >= line + end)
        return;
    gap += strspn(gap, " ");
    snprintf(out, cap, "%.*s", (int)(line + end - gap), gap);
}

/* Choices a metavar spells out: lowercase words between |, a "norm:C"
 * as the prefix "norm:", an optional part ("add[:B]") left out; none
 * when a placeholder (NAME) is among them. */
static bool metavar_words(const char *meta, char *out, size_t cap)
{
    size_t len = strcspn(meta, " \n");
    char buf[128];
    snprintf(buf, sizeof buf, "%.*s", (int)(len < 127 ? len : 127), meta);
    if (!strchr(buf, '|'))
        return false;
    out[0] = '\0';
    for (char *w = strtok(buf, "|"); w; w = strtok(NULL, "|")) {
        w[strcspn(w, "[")] = '\0';
        char *colon = strchr(w, ':');
        if (colon)
            colon[1] = '\0';
        for (char *p = w; *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || *p == '-' || *p == ':'))
                return false;
        strncat(out, *out ? " " : "", cap - strlen(out) - 1);
        strncat(out, w, cap - strlen(out) - 1);
    }
    return true;
}

static void add_word(char *out, size_t cap, const char *w)
{
    strncat(out, *out ? " " : "", cap - strlen(out) - 1);
    strncat(out, w, cap - strlen(out) - 1);
}

/* Values the program itself lists. */
static bool known_values(comp_option *o)
{
    char *w = o->words;
    size_t cap = sizeof o->words;
    o->kind = VALUE_WORDS;
    if (strcmp(o->name, "objective") == 0)
        for (const builtin_type *const *t = builtin_types; *t; t++)
            add_word(w, cap, (*t)->name);
    else if (strcmp(o->name, "optimizer") == 0)
        for (const optimizer_type *const *t = optimizer_types; *t; t++)
            add_word(w, cap, (*t)->name);
    else if (strcmp(o->name, "model") == 0)
        for (const model_type *const *t = model_types; *t; t++)
            add_word(w, cap, (*t)->name);
    else if (strcmp(o->name, "theme") == 0)
        for (int i = 0; i < THEME_COUNT; i++)
            if (themes[i].color)
                add_word(w, cap, themes[i].name);
    if (*w)
        return true;
    if (strcmp(o->name, "data") == 0) {
        for (const data_info *d = data_shipped; d->name; d++)
            add_word(w, cap, d->name);
        o->kind = VALUE_WORDS_OR_FILE;
        return true;
    }
    static const char *const files[] = {"trace", "out", "init", "export-python",
                                        NULL};
    for (int i = 0; files[i]; i++)
        if (strcmp(o->name, files[i]) == 0) {
            o->kind = VALUE_FILE;
            return true;
        }
    o->kind = VALUE_NONE;
    return false;
}

int comp_command_load(comp_command *cc, const command_info *c)
{
    memset(cc, 0, sizeof *cc);
    cc->c = c;
    char *help = help_text(c);
    if (!help)
        return -1;
    const char *one_of = strstr(help, "one of:");
    if (c->words)
        snprintf(cc->args, sizeof cc->args, "%s", c->words);
    else if (one_of)
        snprintf(cc->args, sizeof cc->args, "%.*s",
                 (int)strcspn(one_of + 8, "\n"), one_of + 8);
    for (const cli_option *t = c->options ? c->options() : NULL;
         t && t->name && cc->n < COMP_MAX_OPTIONS; t++) {
        comp_option *o = &cc->opts[cc->n++];
        o->name = t->name;
        o->has_value = t->has_value;
        const char *after = NULL, *line = help_line(help, t->name, &after);
        if (line)
            description(line, o->desc, sizeof o->desc);
        if (t->has_value && !known_values(o) && after &&
            metavar_words(after + 1, o->words, sizeof o->words))
            o->kind = VALUE_WORDS;
    }
    free(help);
    return 0;
}

int cmd_completion(int argc, char **argv)
{
    static const struct {
        const char *shell;
        void (*write)(FILE *, const comp_command *, int);
    } shells[] = {{"bash", comp_bash}, {"zsh", comp_zsh}, {"fish", comp_fish}};
    if (argc == 1 && (strcmp(argv[0], "--help") == 0 ||
                      strcmp(argv[0], "-h") == 0)) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    for (size_t i = 0; argc == 1 && i < sizeof shells / sizeof shells[0]; i++) {
        if (strcmp(argv[0], shells[i].shell) != 0)
            continue;
        static comp_command cmds[32];
        int n = 0;
        for (const command_info *c = command_table; c->name && n < 32; c++)
            if (comp_command_load(&cmds[n++], c) < 0) {
                cli_say("completion: out of memory");
                return EXIT_FAIL;
            }
        shells[i].write(stdout, cmds, n);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
    }
    return cli_error("completion", argc == 1 ? "unknown shell '%s' (bash, zsh "
                     "or fish)" : "which shell? (bash, zsh or fish)",
                     argc ? argv[0] : "");
}
