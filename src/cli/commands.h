/* The subcommands of descent; each takes the arguments after its name
 * and returns the exit code. */
#ifndef DESCENT_COMMANDS_H
#define DESCENT_COMMANDS_H

#include "cli.h"

int cmd_run(int argc, char **argv);
int cmd_tui(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_gradcheck(int argc, char **argv);
/* descent gradcheck --wrt lr (cmd_gradcheck hands over to it). */
int cmd_gradcheck_lr(int argc, char **argv);
/* gradcheck's --help, both forms. */
extern const char gradcheck_usage[];
int cmd_bench(int argc, char **argv);
int cmd_hpo(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_lesson(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_completion(int argc, char **argv);

/* The option tables the commands parse with (NULL name at the end). */
extern const cli_option gradcheck_option_table[], gradcheck_lr_option_table[],
    hpo_option_table[], replay_option_table[], lesson_option_table[],
    demo_option_table[];
/* descent plot's: its own, then the run options but those of output. */
const cli_option *plot_options(void);

/* What a command takes besides options, for completions. */
typedef enum {
    ARGS_NONE, ARGS_FILE, ARGS_FILES, ARGS_LESSON, ARGS_WORD
} command_args;

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;                 /* one line for --help */
    const cli_option *(*options)(void);  /* every option it takes */
    command_args args;
    const char *words;                   /* ARGS_WORD: the choices; NULL:
                                            those its --help gives after
                                            "one of:" */
} command_info;

/* Every command, in the order --help lists them; NULL name at the end. */
extern const command_info command_table[];

#endif
