/* Shell completions (descent completion bash|zsh|fish), generated from
 * the commands' option tables, their --help and the program's own lists
 * (objectives, optimisers, models, data sets), so they cannot drift
 * from what the commands accept. */
#ifndef DESCENT_COMPLETION_H
#define DESCENT_COMPLETION_H

#include <stdbool.h>
#include <stdio.h>

#include "commands.h"

/* How an option's value is completed. */
typedef enum { VALUE_NONE, VALUE_WORDS, VALUE_FILE, VALUE_WORDS_OR_FILE } value_kind;

typedef struct {
    const char *name;     /* without dashes */
    bool has_value;
    char desc[160];       /* from --help; "" when it has none */
    value_kind kind;
    char words[512];      /* VALUE_WORDS*: the choices, space-separated */
} comp_option;

enum { COMP_MAX_OPTIONS = 64 };

typedef struct {
    const command_info *c;
    comp_option opts[COMP_MAX_OPTIONS];
    int n;
    char args[512];       /* ARGS_WORD: the choices */
} comp_command;

/* Everything a completion script needs of command c. 0 or -1. */
int comp_command_load(comp_command *cc, const command_info *c);

void comp_bash(FILE *f, const comp_command *cmds, int n);
void comp_zsh(FILE *f, const comp_command *cmds, int n);
void comp_fish(FILE *f, const comp_command *cmds, int n);

#endif
